"""What both exporters read from a petloc dataset, and agree on (core.interop.records)."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_coco, export_yolo
from tests.core.interop_helpers import write_voc_image


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_two_images_beside_one_annotation_give_its_boxes_to_the_first_only(tmp_path, export):
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "a.png", 40, 30, [("cat", (5, 5, 20, 20))])
    write_voc_image(folder, "a.jpg", 40, 30, None)  # a.xml is a.png's, yet it sits beside both
    report = export(open_dataset(folder), tmp_path / "out")
    assert report.problems == [f"{folder / 'a.png'}: shares its annotation file a.xml with a.jpg; "
                               "image left out"]
    assert (report.images, report.annotated, report.objects, report.skipped_images) == (1, 1, 1, 1)
    assert not (tmp_path / "out" / "images" / "a.png").exists()
