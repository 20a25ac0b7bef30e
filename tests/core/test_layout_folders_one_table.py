"""Each layout's images and annotations folders are written once, in `core.dataset.SEPARATE_FOLDERS`: the
index (`core.oxford_devkit_index`) read them from its own spellings, and `core.annotation_image` from a third
table, so a change to one left the dataset's ``annotations_folder`` naming a folder its index never read."""

from __future__ import annotations

from pathlib import Path

import pytest

import petloc_gui.core.annotation_image as annotation_image
import petloc_gui.core.dataset as dataset_module
from petloc_gui.core.annotation_image import find_image
from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, OXFORD, SEPARATE_FOLDERS, VOC_DEVKIT, open_dataset
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import voc_xml, write_image


def _pair(root: Path, images: str, annotations: str, relative: str = "day/x") -> Path:
    (root / images / relative).parent.mkdir(parents=True, exist_ok=True)
    image = write_image((root / images / relative).with_suffix(".jpg"), 32, 24)
    xml = (root / annotations / relative).with_suffix(".xml")
    xml.parent.mkdir(parents=True, exist_ok=True)
    xml.write_text(voc_xml(image.name, 32, 24, [("cat", (2, 2, 20, 20))]), encoding="utf-8")
    return image


@pytest.mark.parametrize("layout", [OXFORD, VOC_DEVKIT])
def test_the_index_reads_the_folders_of_the_table(tmp_path, monkeypatch, layout):
    images, annotations = SEPARATE_FOLDERS[layout]
    moved = annotations + "/v2"  # the table changed: the index follows it, as annotations_folder does
    monkeypatch.setitem(dataset_module.SEPARATE_FOLDERS, layout, (images, moved))
    _pair(tmp_path, images, moved)  # annotations/xmls/v2: Oxford's evidence; Annotations/v2 a devkit's
    dataset = open_dataset(tmp_path)
    assert dataset.layout == layout and dataset.annotations_folder == tmp_path / moved
    assert [(item.has_annotation, item.annotation_path.parent) for item in dataset.items] == [
        (True, tmp_path / moved / "day")]


def test_find_image_takes_its_layouts_from_the_table(monkeypatch):
    monkeypatch.setitem(annotation_image.SEPARATE_FOLDERS, "made-up", ("pictures", "labels/voc"))
    layouts = annotation_image._layouts()
    assert layouts[("labels", "voc")] == ("pictures",)
    assert layouts[("annotations",)] == ("JPEGImages", "images")  # the devkit's first, as before
    assert layouts[("annotations", "xmls")] == ("images",)


@pytest.mark.parametrize("annotations", ["Annotations", "annotations"])
def test_a_size_missing_is_read_from_the_image_under_either_spelling(tmp_path, annotations):
    image = _pair(tmp_path, "images", annotations)
    assert find_image(tmp_path / annotations / "day" / "x.xml", "x.jpg") == image
    (tmp_path / annotations / "day" / "x.xml").write_text(
        "<annotation><filename>x.jpg</filename><object><name>cat</name><bndbox><xmin>2</xmin><ymin>2</ymin>"
        "<xmax>20</xmax><ymax>20</ymax></bndbox></object></annotation>", encoding="utf-8")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == IMAGES_ANNOTATIONS
    read = read_voc(dataset.items[0].annotation_path)  # no image given: its size from the image found
    assert (read.width, read.height) == (32, 24)
