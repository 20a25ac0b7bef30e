"""`core.voc`'s reading rules at their documented edges, on values worked out by hand: a box whose coordinates are
all within 0-1, 0 and 1 included, is fractions of an image of at least 16 px a side (16 itself included); a
fractional ``<size>`` is rounded to the nearest pixel; a flag is set by any number but 0; a label of
`MAX_LABEL_CHARS` (256) characters is a label, one longer is shortened and said."""

from __future__ import annotations

from petloc_gui.core.voc import read_voc


def _read(tmp_path, width, height, box, name="cat", extra=""):
    tags = ("xmin", "ymin", "xmax", "ymax")
    bndbox = "".join(f"<{tag}>{value}</{tag}>" for tag, value in zip(tags, box, strict=True))
    path = tmp_path / "a.xml"
    path.write_text(f"<annotation><size><width>{width}</width><height>{height}</height></size><object><name>{name}"
                    f"</name>{extra}<bndbox>{bndbox}</bndbox></object></annotation>", encoding="utf-8")
    return read_voc(path, find_image=False)


def test_a_box_from_0_to_1_is_the_whole_image_in_fractions(tmp_path):
    annotation = _read(tmp_path, 500, 400, (0, 0, 1, 1))
    assert annotation.objects[0].box.as_tuple() == (0, 0, 500, 400)
    assert len(annotation.problems) == 1 and "look normalised" in annotation.problems[0]


def test_an_image_of_exactly_16_px_a_side_reads_fractions(tmp_path):
    annotation = _read(tmp_path, 16, 16, (0.25, 0.25, 0.75, 0.75))
    assert annotation.objects[0].box.as_tuple() == (4, 4, 12, 12)  # 0.25 * 16, 0.75 * 16


def test_an_image_under_16_px_a_side_keeps_the_box_as_written(tmp_path):
    annotation = _read(tmp_path, 15, 16, (0.25, 0.25, 0.75, 0.75))
    assert annotation.objects[0].box.as_tuple() == (0.25, 0.25, 0.75, 0.75)
    assert not any("normalised" in problem for problem in annotation.problems)


def test_a_fractional_size_is_rounded_to_the_nearest_pixel(tmp_path):
    annotation = _read(tmp_path, "499.7", "399.6", (10, 10, 100, 100))
    assert (annotation.width, annotation.height) == (500, 400)
    annotation = _read(tmp_path, "499.4", "399.2", (10, 10, 100, 100))
    assert (annotation.width, annotation.height) == (499, 399)


def test_a_negative_number_sets_a_flag_as_any_number_but_0_does(tmp_path):
    for text, flag in (("-1", True), ("2", True), ("0.5", True), ("0", False), ("0.0", False), ("-0", False)):
        obj = _read(tmp_path, 500, 400, (10, 10, 100, 100), extra=f"<difficult>{text}</difficult>").objects[0]
        assert obj.difficult is flag, text


def test_a_label_of_exactly_256_characters_is_kept_whole(tmp_path):
    annotation = _read(tmp_path, 500, 400, (10, 10, 100, 100), name="x" * 256)
    assert annotation.objects[0].name == "x" * 256
    assert annotation.problems == []


def test_a_label_of_257_characters_is_shortened_to_256_and_said(tmp_path):
    annotation = _read(tmp_path, 500, 400, (10, 10, 100, 100), name="x" * 257)
    assert annotation.objects[0].name == "x" * 255 + "…"
    assert len(annotation.problems) == 1 and "label of 257 characters" in annotation.problems[0]
