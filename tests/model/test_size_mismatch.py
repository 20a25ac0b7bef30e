"""Training samples whose annotation gives another image size than the image's (images resized since)."""

from __future__ import annotations

from petloc_gui.model.data import collect_samples
from tests.cli.helpers import voc_xml, write_image


def test_collect_samples_notes_each_annotation_whose_size_is_not_its_image_s(tmp_path):
    write_image(tmp_path / "halved.png", 40, 30)
    (tmp_path / "halved.xml").write_text(voc_xml("halved.png", 80, 60, [("cat", (10, 10, 30, 25))]),
                                         encoding="utf-8")
    write_image(tmp_path / "ok.png", 40, 30)
    (tmp_path / "ok.xml").write_text(voc_xml("ok.png", 40, 30, [("cat", (10, 10, 30, 25))]), encoding="utf-8")
    notes: list = []
    samples, skipped, _ = collect_samples(tmp_path, size_notes=notes)
    assert len(samples) == 2 and skipped == []
    assert notes == [(tmp_path / "halved.xml",
                      "size in file 80x60 differs from the image 40x30; the image's size is used")]
    # without size_notes no image header is read (training's own pass): nothing noted, same samples
    assert [s.relpath for s in collect_samples(tmp_path)[0]] == [s.relpath for s in samples]
