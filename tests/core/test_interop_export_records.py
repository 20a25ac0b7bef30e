"""What both exporters read from a petloc dataset, and agree on (core.interop.records)."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_coco, export_yolo
from tests.core.interop_helpers import write_voc_image


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_two_images_beside_one_annotation_give_its_boxes_to_the_image_it_names(tmp_path, export):
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "a.png", 40, 30, [("cat", (5, 5, 20, 20))])  # a.xml names a.png
    write_voc_image(folder, "a.jpg", 400, 300, None)  # first in natural order, yet not a.xml's image
    dataset = open_dataset(folder)
    report = export(dataset, tmp_path / "out")
    assert report.problems == [f"{folder / 'a.jpg'}: shares its annotation file a.xml with a.png; "
                               "image left out"]
    assert dataset.problems == [f"{folder / 'a.jpg'}: shares its annotation file a.xml with a.png"]
    assert (report.images, report.annotated, report.objects, report.skipped_images) == (1, 1, 1, 1)
    assert report.warnings == []  # the box fits the image it was drawn on
    assert (tmp_path / "out" / "images" / "a.png").exists()
    assert not (tmp_path / "out" / "images" / "a.jpg").exists()


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_shared_annotation_naming_none_of_them_goes_to_the_first_in_natural_order(tmp_path, export):
    folder = tmp_path / "voc"
    folder.mkdir()
    for name in ("b.png", "b.jpg"):
        write_voc_image(folder, name, 40, 30, None)
    write_voc_image(folder, "b.bmp", 40, 30, [("cat", (5, 5, 20, 20))])
    (folder / "b.xml").write_text((folder / "b.xml").read_text().replace("b.bmp", "elsewhere.png"))
    dataset = open_dataset(folder)
    report = export(dataset, tmp_path / "out")
    lines = [f"{folder / name}: shares its annotation file b.xml with b.bmp" for name in ("b.jpg", "b.png")]
    assert dataset.problems == lines
    assert report.problems == [f"{line}; image left out" for line in lines]
    assert report.objects == 1 and (tmp_path / "out" / "images" / "b.bmp").exists()
