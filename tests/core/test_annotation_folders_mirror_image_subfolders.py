"""A VOC devkit (or Label Studio) folder whose images sit two or more folders deep: the window saves
``JPEGImages/new/batch1/n0.jpg``'s boxes to ``Annotations/new/batch1/n0.xml``, creating the missing
folders, as ``petloc predict --write-voc`` does. The window created one level only and said "cannot
save: folder …/Annotations/new/batch1 does not exist". Both follow one rule
(`core.voc_write.make_annotation_folder`): folders only under the layout's annotations folder, never
a trail of them for a path that does not mirror the image's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.cli.prelabel import write_prelabel
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc

BOX = Box(1, 2, 30, 20)


def _image(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30)).save(path)
    return path


def _annotation(image: Path):
    annotation = new_annotation(image, 40, 30)
    annotation.objects.append(VocObject(name="cat", box=BOX))
    return annotation


@pytest.mark.parametrize("images, annotations", [("JPEGImages", "Annotations"), ("images", "Annotations")])
def test_the_window_saves_an_image_two_folders_deep_whose_annotation_folders_are_missing(
        tmp_path, images, annotations):
    x0 = _image(tmp_path / images / "x0.jpg")
    (tmp_path / annotations).mkdir()
    # an annotation of x0 in Annotations/: what makes images/ + Annotations/ a Label Studio export
    # (`core.label_studio_layout`; an empty Annotations/ beside images/ stays a sidecar folder)
    write_voc(_annotation(x0), tmp_path / annotations / "x0.xml", image_folder=x0.parent)
    _image(tmp_path / images / "new" / "batch1" / "n0.jpg")
    dataset = open_dataset(tmp_path)
    store = AnnotationStore(dataset)
    index = next(i for i, item in enumerate(dataset.items) if item.image_path.name == "n0.jpg")
    doc = store.document(index, (40, 30))
    doc.insert_object(0, VocObject("cat", BOX))
    store.save(index)
    written = tmp_path / annotations / "new" / "batch1" / "n0.xml"
    assert doc.annotation_path == written
    assert [(obj.name, obj.box) for obj in read_voc(written, find_image=False).objects] == [("cat", BOX)]


def test_the_annotations_folder_itself_is_created_with_the_subfolders(tmp_path):
    """A devkit folder that has ImageSets/ and no Annotations/ yet: the layout's folder, one level
    inside the dataset, then the subfolders that mirror the image's."""
    image = _image(tmp_path / "JPEGImages" / "new" / "batch1" / "n0.jpg")
    xml = tmp_path / "Annotations" / "new" / "batch1" / "n0.xml"
    write_voc(_annotation(image), xml, image_folder=image.parent)
    assert read_voc(xml, find_image=False).objects[0].box == BOX


def test_no_folder_is_made_for_a_path_that_does_not_mirror_the_image(tmp_path):
    """A mistyped path (``typo/deeper`` is not the image's ``new/batch1``) fails and leaves nothing; so
    does an annotations folder whose own folder is missing (nothing above it is created)."""
    image = _image(tmp_path / "JPEGImages" / "new" / "batch1" / "n0.jpg")
    (tmp_path / "Annotations").mkdir()
    with pytest.raises(SaveError, match="does not exist"):
        write_voc(_annotation(image), tmp_path / "Annotations" / "typo" / "deeper" / "n0.xml",
                  image_folder=image.parent)
    assert list((tmp_path / "Annotations").iterdir()) == []
    with pytest.raises(SaveError, match="does not exist"):
        write_voc(_annotation(image), tmp_path / "gone" / "Annotations" / "new" / "batch1" / "n0.xml",
                  image_folder=image.parent)
    assert not (tmp_path / "gone").exists()


def test_predict_follows_the_same_rule(tmp_path):
    """``petloc predict --write-voc`` (`write_prelabel`) creates the mirrored folders as the window
    does, and no longer a whole trail of folders for a path that does not mirror the image's."""
    image = _image(tmp_path / "JPEGImages" / "new" / "batch1" / "n0.jpg")
    (tmp_path / "Annotations").mkdir()
    xml = tmp_path / "Annotations" / "new" / "batch1" / "n0.xml"
    assert write_prelabel(image, xml, "cat", BOX, "prelabel: test") is True
    assert read_voc(xml, find_image=False).objects[0].box == BOX
    with pytest.raises(SaveError, match="does not exist"):
        write_prelabel(image, tmp_path / "Annotations" / "typo" / "deeper" / "n0.xml", "cat", BOX, "prelabel: test")
    assert not (tmp_path / "Annotations" / "typo").exists()
