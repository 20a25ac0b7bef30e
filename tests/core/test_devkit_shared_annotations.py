"""Images sharing one annotation file in the layouts with separate folders (Oxford, VOC devkit,
images + Annotations), named as the sidecar index names them.

The devkit index gave ``Mouse.jpg`` and ``mouse.png`` (no annotation yet) ``xmls/Mouse.xml`` and
``xmls/mouse.xml``: two paths for what is one file on macOS and Windows, so a save of one image could land
on the other's boxes. And an image whose annotation file was another's (``a.jpg`` beside ``a.png``) was
no problem line there, where the sidecar layout says "shares its annotation file a.xml with a.png".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, SEPARATE_FOLDERS, open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.shared_annotations import borrowed_annotations
from tests.cli.helpers import voc_xml, write_image


def _folders(root: Path, layout: str) -> tuple[Path, Path]:
    images, annotations = (root / part for part in SEPARATE_FOLDERS[layout])
    images.mkdir(parents=True)
    annotations.mkdir(parents=True)
    return images, annotations


# not images + Annotations: with no XML in Annotations/ that folder is no Label Studio export but a sidecar
# folder (`core.label_studio_layout`), as this test's sidecar half checks
@pytest.mark.parametrize("layout", sorted(set(SEPARATE_FOLDERS) - {IMAGES_ANNOTATIONS}))
def test_images_differing_in_case_get_one_annotation_path_and_the_sidecar_s_problem_line(tmp_path, layout):
    images, annotations = _folders(tmp_path / "data", layout)
    sidecar = tmp_path / "sidecar"
    for folder in (images, sidecar):
        folder.mkdir(exist_ok=True)
        write_image(folder / "Mouse.jpg", 40, 30)
        write_image(folder / "mouse.png", 40, 30)
    dataset = open_dataset(tmp_path / "data")
    assert dataset.layout == layout
    assert [(item.image_path.name, item.annotation_path, item.has_annotation) for item in dataset.items] == [
        ("Mouse.jpg", annotations / "Mouse.xml", False), ("mouse.png", annotations / "Mouse.xml", False)]
    line = "shares its annotation file Mouse.xml with Mouse.jpg"
    assert [str(problem) for problem in dataset.problems] == [f"{images / 'mouse.png'}: {line}"]
    assert [str(problem) for problem in open_dataset(sidecar).problems] == [f"{sidecar / 'mouse.png'}: {line}"]
    assert borrowed_annotations(dataset.items) == {images / "mouse.png": "Mouse.jpg"}
    with pytest.raises(SaveError, match=r"it is Mouse\.jpg's annotation file"):
        AnnotationStore(dataset).save(1)
    assert list(annotations.iterdir()) == []


@pytest.mark.parametrize("layout", sorted(SEPARATE_FOLDERS))
def test_an_image_whose_annotation_file_is_another_s_is_a_problem_line_in_a_subfolder_too(tmp_path, layout):
    images, annotations = _folders(tmp_path, layout)
    for name in ("day/a.jpg", "day/a.png", "day/b.jpg", "c.jpg", "c.bmp"):
        (images / name).parent.mkdir(parents=True, exist_ok=True)
        write_image(images / name, 40, 30)
    (annotations / "day").mkdir()
    (annotations / "day" / "a.xml").write_text(voc_xml("a.png", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    dataset = open_dataset(tmp_path)
    assert sorted(str(problem) for problem in dataset.problems) == [  # a.xml names a.png; c.xml does not exist
        f"{images / 'c.jpg'}: shares its annotation file c.xml with c.bmp",
        f"{images / 'day' / 'a.jpg'}: shares its annotation file a.xml with a.png"]
    assert borrowed_annotations(dataset.items) == {images / "c.jpg": "c.bmp", images / "day" / "a.jpg": "a.png"}
