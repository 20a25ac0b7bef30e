"""YOLO export names the images Ultralytics skips with their labels for being under 10 pixels on a side
(verify_image_label: "image size ... <10 pixels"): the folder petloc reads whole would train without them."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_yolo
from tests.core.interop_helpers import write_voc_image


def test_images_under_ten_pixels_on_a_side_are_named(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write_voc_image(data, "thin.png", 9, 40, [("cat", (1, 5, 8, 30))])
    write_voc_image(data, "ten.png", 10, 10, [("cat", (1, 1, 9, 9))])
    write_voc_image(data, "big.png", 64, 32, [("cat", (4, 4, 40, 30))])
    out = tmp_path / "yolo"
    report = export_yolo(open_dataset(data), out)
    assert report.problems == [] and report.images == 3
    assert report.warnings == [
        f"{out / 'images'}: 1 image is under 10 pixels on a side (thin.png): Ultralytics skips such an image with "
        "its labels ('image size ... <10 pixels'). Enlarge it, or leave it out, before training with Ultralytics"]
    assert (out / "labels" / "thin.txt").is_file()  # exported all the same: petloc reads it
