"""A file or folder under a layout's images folder belongs to that dataset (`core.dataset.dataset_root`):
`petloc predict --write-voc ls/images/new/batch1/x.jpg` wrote ``images/new/batch1/x.xml``, and with an XML
under ``images/`` the whole Label Studio export read as a sidecar folder (57 annotated -> 1); a devkit's
``JPEGImages/day`` opened as a sidecar folder got 60 pre-labels beside images annotated in
``Annotations/day/``. Pre-labels go to ``Annotations/<sub>/`` now, and none where an annotation is."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, VOC_DEVKIT, open_dataset
from tests.cli.helpers import BLUE, json_lines, run_cli, voc_xml, write_image

W, H = 64, 48


def _layout(root: Path, images: str, annotations: str, sub: str) -> None:
    """``images/<sub>/`` with one annotated image (``done``) and one without (``new``), and an annotated
    image at the top of the images folder (what makes a Label Studio export one)."""
    for folder in (root / images / sub, root / annotations / sub):
        folder.mkdir(parents=True)
    for stem, where in (("top", ""), ("done", sub)):
        write_image(root / images / where / f"{stem}.jpg", W, H, BLUE)
        (root / annotations / where / f"{stem}.xml").write_text(
            voc_xml(f"{stem}.jpg", W, H, [("dog", (1, 2, 30, 20))]), encoding="utf-8")
    write_image(root / images / sub / "new.jpg", W, H, BLUE)


CASES = [("JPEGImages", "Annotations", "day", VOC_DEVKIT), ("images", "Annotations", "new/batch1", IMAGES_ANNOTATIONS)]


def _after(root: Path, images: str, annotations: str, sub: str, layout: str) -> None:
    """The pre-label is in the annotations folder's ``sub``, nothing was written beside the images, the
    annotated image's file is untouched, and the folder still reads as its layout, every image annotated."""
    assert (root / annotations / sub / "new.xml").is_file()
    assert sorted(p.name for p in (root / images).rglob("*.xml")) == []
    assert "petloc pre-label" not in (root / annotations / sub / "done.xml").read_text(encoding="utf-8")
    dataset = open_dataset(root)
    assert dataset.layout == layout and dataset.annotated_count == 3 and not dataset.problems


@pytest.mark.parametrize(("images", "annotations", "sub", "layout"), CASES)
def test_predict_write_voc_of_a_file_in_a_subfolder(tmp_path, tiny_bundle, capsys, images, annotations, sub, layout):
    _layout(tmp_path, images, annotations, sub)
    new, done = tmp_path / images / sub / "new.jpg", tmp_path / images / sub / "done.jpg"
    code, out, err = run_cli(capsys, "predict", new, done, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 0, err
    assert [record["image"] for record in json_lines(out)] == [str(new), str(done)]
    assert "wrote 1 pre-label annotation; left 1 existing annotation untouched" in err
    _after(tmp_path, images, annotations, sub, layout)


@pytest.mark.parametrize(("images", "annotations", "sub", "layout"), CASES)
def test_predict_write_voc_of_a_subfolder(tmp_path, tiny_bundle, capsys, images, annotations, sub, layout):
    _layout(tmp_path, images, annotations, sub)
    folder = tmp_path / images / sub
    code, out, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 0, err
    # the subfolder's images only, named as given: not the image at the top of the images folder
    assert [record["image"] for record in json_lines(out)] == [str(folder / "done.jpg"), str(folder / "new.jpg")]
    assert "wrote 1 pre-label annotation; left 1 existing annotation untouched" in err
    _after(tmp_path, images, annotations, sub, layout)
