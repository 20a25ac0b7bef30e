"""A <size> no image can have (1e308, above the pixel limit) is unusable, as nan or -5 are: the
image's size is used and the problem names the value, never a 309-digit number."""

from __future__ import annotations

import pytest
from PIL import Image

from petloc_gui.core.images import MAX_PIXELS
from petloc_gui.core.stats import MISSING_SIZE, problem_kind
from petloc_gui.core.voc import read_voc


def _annotation(tmp_path, width: str, height: str = "30"):
    Image.new("RGB", (40, 30)).save(tmp_path / "pic.png")
    path = tmp_path / "pic.xml"
    path.write_text(f"<annotation><filename>pic.png</filename><size><width>{width}</width>"
                    f"<height>{height}</height></size><object><name>a</name><bndbox><xmin>1</xmin>"
                    "<ymin>1</ymin><xmax>10</xmax><ymax>9</ymax></bndbox></object></annotation>",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("width", ["1e308", str(2**31), str(MAX_PIXELS + 1), "nan", "-5"])
def test_a_size_no_image_has_is_missing_and_named(tmp_path, width):
    for annotation in (read_voc(_annotation(tmp_path, width)),  # the image found next to the file
                       read_voc(_annotation(tmp_path, width), image_size=(40, 30))):
        assert annotation.size == (40, 30)
        (problem,) = annotation.problems
        assert problem_kind(problem) == MISSING_SIZE
        assert f"width {width!r}: not an image size" in problem
        assert len(problem) < 200, problem  # no 309-digit number


def test_both_sides_named_and_an_unknown_zero_not(tmp_path):
    (problem,) = read_voc(_annotation(tmp_path, "1e308", "inf")).problems
    assert "(width '1e308' and height 'inf': not an image size)" in problem
    (problem,) = read_voc(_annotation(tmp_path, "0", "0")).problems
    assert problem == "image size missing from the file; taken from pic.png: 40x30"


def test_the_largest_side_an_image_can_have_is_kept(tmp_path):
    annotation = read_voc(_annotation(tmp_path, str(MAX_PIXELS), "1"))
    assert (annotation.width, annotation.height) == (MAX_PIXELS, 1)
    assert not any("size" in problem for problem in annotation.problems)
