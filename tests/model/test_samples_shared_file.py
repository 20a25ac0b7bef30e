"""Training leaves out an image whose annotation file is another image's (photo.png beside photo.jpg and photo.xml)."""

from __future__ import annotations

from petloc_gui.model.data import collect_samples
from tests.cli.helpers import voc_xml, write_image


def test_collect_samples_leaves_out_the_image_that_does_not_own_the_shared_file(tmp_path):
    write_image(tmp_path / "photo.jpg", 40, 30)
    write_image(tmp_path / "photo.png", 40, 30)
    (tmp_path / "photo.xml").write_text(voc_xml("photo.jpg", 40, 30, [("cat", (10, 10, 30, 25))]),
                                        encoding="utf-8")
    write_image(tmp_path / "other.png", 40, 30)
    (tmp_path / "other.xml").write_text(voc_xml("other.png", 40, 30, [("dog", (1, 1, 20, 20))]), encoding="utf-8")
    samples, skipped, _ = collect_samples(tmp_path)
    # photo.jpg's box is not trained on twice, once as photo.png's
    assert sorted(s.relpath for s in samples) == ["other.png", "photo.jpg"]
    assert skipped == [(str(tmp_path / "photo.png"), "shares its annotation file photo.xml with photo.jpg")]
