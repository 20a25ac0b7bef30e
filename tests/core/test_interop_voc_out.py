"""VOC written by `convert --from yolo|coco` (core.interop.voc_out): the header and the boxes."""

from __future__ import annotations

from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop import ConversionReport, ImageRecord, LabelledBox, write_voc_records
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import write_image


def _record(image, width, height, *boxes) -> ImageRecord:
    return ImageRecord(image, image.name, width, height, annotated=True,
                       objects=[LabelledBox("cat", box) for box in boxes])


def test_a_grayscale_image_gets_depth_1_and_a_colour_one_depth_3(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    gray = src / "gray.png"
    Image.new("L", (40, 30), 128).save(gray)
    colour = write_image(src / "colour.png", 40, 30)
    report = write_voc_records([_record(gray, 40, 30, Box(1, 1, 20, 20)),
                                _record(colour, 40, 30, Box(1, 1, 20, 20))], tmp_path / "out")
    assert report.problems == []
    # labelImg writes 1 for grayscale; a fixed 3 claimed colour channels the file does not have.
    assert read_voc(tmp_path / "out" / "gray.xml").depth == 1
    assert read_voc(tmp_path / "out" / "colour.xml").depth == 3


def test_a_box_under_one_pixel_is_reported_and_left_out_not_written_with_no_area(tmp_path):
    image = write_image(tmp_path / "t.png", 400, 100)
    # A YOLO `0 0.5 0.5 0.0005 0.2`: 0.2 px wide, xmin and xmax both round to 200.
    thin = Box(199.9, 40, 200.1, 60)
    report = ConversionReport()
    write_voc_records([_record(image, 400, 100, thin, Box(10, 10, 50, 50))], tmp_path / "out", report=report)
    boxes = [obj.box for obj in read_voc(tmp_path / "out" / "t.xml").objects]
    assert boxes == [Box(10, 10, 50, 50)]
    assert (report.objects, report.skipped_objects) == (1, 1)
    assert len(report.problems) == 1 and "under one pixel" in report.problems[0]


def test_an_image_whose_only_box_has_no_area_gets_no_voc_file(tmp_path):
    image = write_image(tmp_path / "t.png", 400, 100)
    report = ConversionReport()
    write_voc_records([_record(image, 400, 100, Box(10, 40, 10.3, 60))], tmp_path / "out", report=report)
    # An empty VOC file would say "checked, nothing there" about an image that has an object.
    assert not (tmp_path / "out" / "t.xml").exists() and (tmp_path / "out" / "t.png").is_file()
    assert (report.images, report.annotated, report.objects, report.skipped_objects) == (1, 0, 0, 1)
    assert len(report.problems) == 2 and "converted without an annotation" in report.problems[1]


def test_a_checked_empty_record_still_gets_its_empty_voc_file(tmp_path):
    image = write_image(tmp_path / "e.png", 40, 30)
    report = write_voc_records([_record(image, 40, 30)], tmp_path / "out")
    assert read_voc(tmp_path / "out" / "e.xml").objects == [] and report.annotated == 1
