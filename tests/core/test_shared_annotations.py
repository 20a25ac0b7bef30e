"""Images whose annotation file is another image's (photo.jpg and photo.png beside one photo.xml)."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.shared_annotations import borrowed_annotations, left_out_line, shared_reason
from tests.cli.helpers import voc_xml, write_image


def test_the_image_the_file_names_owns_it_and_the_others_borrow_it(tmp_path):
    write_image(tmp_path / "photo.jpg", 40, 30)
    write_image(tmp_path / "photo.png", 40, 30)
    write_image(tmp_path / "alone.png", 40, 30)
    # written from photo.png (labelImg names the image it was saved from): photo.png owns it
    (tmp_path / "photo.xml").write_text(voc_xml("photo.png", 40, 30, [("cat", (1, 1, 9, 9))]), encoding="utf-8")
    assert borrowed_annotations(open_dataset(tmp_path).items) == {tmp_path / "photo.jpg": "photo.png"}


def test_without_a_file_the_first_in_natural_order_owns_the_one_to_come(tmp_path):
    for name in ("b.png", "b.jpg", "b.bmp"):
        write_image(tmp_path / name, 40, 30)
    assert borrowed_annotations(open_dataset(tmp_path).items) == {tmp_path / "b.jpg": "b.bmp",
                                                                   tmp_path / "b.png": "b.bmp"}


def test_the_left_out_line_counts_names_one_and_says_what_to_do():
    one = [("/d/photo.png", shared_reason("/d/photo.xml", "photo.jpg"))]
    assert left_out_line("skipped", one) == (
        "skipped 1 image whose annotation file is another image's: /d/photo.png shares its annotation file "
        "photo.xml with photo.jpg (its boxes are that image's); rename one of the two images so that each "
        "has an annotation file of its own")
    two = [*one, ("/d/b.png", shared_reason("/d/b.xml", "b.jpg"))]
    assert left_out_line("left out", two).startswith(
        "left out 2 images whose annotation file is another image's, e.g. /d/photo.png shares")
