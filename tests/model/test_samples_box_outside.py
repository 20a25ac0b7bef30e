"""Training names a box drawn wholly outside its image as such, not as the zero-area box read_voc clamped it to."""

from __future__ import annotations

from petloc_gui.model.data import collect_samples
from tests.cli.helpers import voc_xml, write_image


def test_a_box_wholly_outside_the_image_is_named_as_drawn(tmp_path):
    write_image(tmp_path / "out.png", 40, 30)
    (tmp_path / "out.xml").write_text(voc_xml("out.png", 40, 30, [("cat", (50, 35, 60, 45))]), encoding="utf-8")
    write_image(tmp_path / "flat.png", 40, 30)
    (tmp_path / "flat.xml").write_text(voc_xml("flat.png", 40, 30, [("cat", (10, 10, 10, 20))]), encoding="utf-8")
    _, skipped, _ = collect_samples(tmp_path)
    reasons = dict(skipped)
    assert reasons[str(tmp_path / "out.png")] == "box (50.0, 35.0, 60.0, 45.0) lies entirely outside the 40x30 image"
    assert reasons[str(tmp_path / "flat.png")] == "box (10.0, 10.0, 10.0, 20.0) has zero area"


def test_a_boxed_photo_of_a_format_petloc_does_not_read_is_named_as_skipped(tmp_path):
    write_image(tmp_path / "a.png", 40, 30)
    (tmp_path / "a.xml").write_text(voc_xml("a.png", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    (tmp_path / "IMG_1.heic").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
    (tmp_path / "IMG_1.xml").write_text(voc_xml("IMG_1.heic", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    (tmp_path / "IMG_2.heic").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")  # no box: not lost
    samples, skipped, _ = collect_samples(tmp_path)
    assert [s.relpath for s in samples] == ["a.png"]
    assert skipped == [(str(tmp_path / "IMG_1.heic"), "HEIC images are not supported; convert it to JPEG or PNG")]
    _, skipped, _ = collect_samples(tmp_path, exclude=["IMG_1.heic"])
    assert skipped == []
