"""A YOLO or COCO export names each image by its path within the dataset's images folder, whatever the
layout: Label Studio's images/ + Annotations/ was exported as ``images/images/x.png``, and a VOC devkit
export's subfolders (CVAT's ``JPEGImages/day/``) must be kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, OXFORD, VOC_DEVKIT, open_dataset
from petloc_gui.core.interop import export_coco, export_yolo
from tests.cli.helpers import voc_xml, write_image

# (layout, images folder, annotations folder)
LAYOUTS = [(IMAGES_ANNOTATIONS, "images", "Annotations"), (VOC_DEVKIT, "JPEGImages", "Annotations"),
           (OXFORD, "images", "annotations/xmls")]
RELATIVES = ["day/a.png", "day/deep/b.png", "x.png"]


def _dataset(root: Path, images: str, annotations: str) -> None:
    for relative in RELATIVES:
        (root / images / relative).parent.mkdir(parents=True, exist_ok=True)
        image = write_image(root / images / relative, 40, 30)
        xml = (root / annotations / relative).with_suffix(".xml")
        xml.parent.mkdir(parents=True, exist_ok=True)
        xml.write_text(voc_xml(image.name, 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")


def _files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


@pytest.mark.parametrize(("layout", "images", "annotations"), LAYOUTS)
def test_a_yolo_export_writes_each_image_at_its_path_within_the_images_folder(
        tmp_path, layout, images, annotations):
    root = tmp_path / "export"
    _dataset(root, images, annotations)
    dataset = open_dataset(root)
    assert dataset.layout == layout
    report = export_yolo(dataset, tmp_path / "yolo")
    assert (report.images, report.annotated, report.problems) == (3, 3, [])
    assert _files(tmp_path / "yolo" / "images") == RELATIVES
    assert _files(tmp_path / "yolo" / "labels") == [r.replace(".png", ".txt") for r in RELATIVES]


@pytest.mark.parametrize(("layout", "images", "annotations"), LAYOUTS)
def test_a_coco_export_names_each_image_by_its_path_within_the_images_folder(
        tmp_path, layout, images, annotations):
    root = tmp_path / "export"
    _dataset(root, images, annotations)
    dataset = open_dataset(root)
    assert dataset.layout == layout
    report = export_coco(dataset, tmp_path / "coco")
    assert (report.images, report.annotated, report.problems) == (3, 3, [])
    document = json.loads((tmp_path / "coco" / "annotations.json").read_text(encoding="utf-8"))
    assert sorted(image["file_name"] for image in document["images"]) == RELATIVES
    assert _files(tmp_path / "coco" / "images") == RELATIVES
