"""`voc_edit.naming_the_image`: the `<filename>` a save writes. One that names another file than the image
saved for becomes the image's name (labelImg's rule); one that names it stays as written (ADR 0003)."""

from __future__ import annotations

import pytest

from petloc_gui.core.voc_edit import naming_the_image
from petloc_gui.core.voc_types import VocAnnotation


@pytest.mark.parametrize("written", ["A.JPG", "a.jpeg", "b.jpg", "C:\\Users\\x\\A.JPG", "a.jpg.jpg", ""])
def test_a_filename_of_another_file_becomes_the_image_name(written):
    annotation = VocAnnotation(filename=written, folder="VOC2007", path="C:\\Users\\x\\a.jpg")
    saved = naming_the_image(annotation, "a.jpg")
    assert (saved.filename, saved.folder, saved.path) == ("a.jpg", "VOC2007", "C:\\Users\\x\\a.jpg")


@pytest.mark.parametrize("written", ["a.jpg", "JPEGImages/a.jpg", "C:\\data\\a.jpg"])
def test_a_filename_naming_the_image_is_kept_as_written(written):
    annotation = VocAnnotation(filename=written)
    assert naming_the_image(annotation, "a.jpg") is annotation


def test_the_decomposed_form_of_a_composed_name_is_another_name():
    # on Linux "e\u0301te.jpg" and "\u00e9te.jpg" are two files: the one on disk is written
    assert naming_the_image(VocAnnotation(filename="e\u0301te.jpg"), "\u00e9te.jpg").filename == "\u00e9te.jpg"


def test_a_name_that_is_not_utf8_is_kept_in_the_text_it_is_written_as():
    name = "a\udcff.jpg"  # the byte 0xFF of a name that is not UTF-8, as Python reads it
    assert naming_the_image(VocAnnotation(filename="a\ufffd.jpg"), name).filename == "a\ufffd.jpg"
