"""write_voc never brings a folder of images back: a renamed or deleted one stays gone, with nothing
written; only the annotation folder of an image folder that exists is created. A caller that does
not name the image's folder gets the one-level creation write_voc always did."""

from __future__ import annotations

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import SaveError
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc


def _annotation(image):
    annotation = new_annotation(image, 100, 80)
    annotation.objects.append(VocObject(name="cat", box=Box(1, 2, 30, 40)))
    return annotation


def test_a_sidecar_folder_gone_is_not_created_again(tmp_path):
    folder = tmp_path / "pets"  # renamed or deleted since it was opened
    with pytest.raises(SaveError, match=r"the folder .*pets no longer exists \(moved or deleted\?\): nothing saved$"):
        write_voc(_annotation(folder / "a.jpg"), folder / "a.xml", image_folder=folder)
    assert not folder.exists()


def test_an_oxford_annotation_folder_is_created_beside_images_that_exist(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "annotations").mkdir()
    xml = tmp_path / "annotations" / "xmls" / "a.xml"
    write_voc(_annotation(tmp_path / "images" / "a.jpg"), xml, image_folder=tmp_path / "images")
    assert read_voc(xml, find_image=False).objects[0].box == Box(1, 2, 30, 40)


def test_an_oxford_save_with_its_images_gone_creates_nothing(tmp_path):
    (tmp_path / "annotations").mkdir()
    xml = tmp_path / "annotations" / "xmls" / "a.xml"
    with pytest.raises(SaveError, match="no longer exists"):
        write_voc(_annotation(tmp_path / "images" / "a.jpg"), xml, image_folder=tmp_path / "images")
    assert not xml.parent.exists()


def test_without_the_image_folder_one_missing_level_is_created_as_before(tmp_path):
    """A Python caller that does not pass image_folder (write_voc before it had one) writing into
    root/annotations/xmls of a fresh copy: the one missing level is created, as it always was; a
    mistyped path of two missing levels still fails, leaving nothing."""
    (tmp_path / "annotations").mkdir()
    xml = tmp_path / "annotations" / "xmls" / "a.xml"
    write_voc(_annotation(tmp_path / "images" / "a.jpg"), xml)
    assert read_voc(xml, find_image=False).objects[0].box == Box(1, 2, 30, 40)
    with pytest.raises(SaveError, match="does not exist"):
        write_voc(_annotation(tmp_path / "a.jpg"), tmp_path / "typo" / "deeper" / "a.xml")
    assert not (tmp_path / "typo").exists()
