"""VOC written by `convert --from yolo|coco` (core.interop.voc_out): the header and the boxes."""

from __future__ import annotations

from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop import ImageRecord, LabelledBox, write_voc_records
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
