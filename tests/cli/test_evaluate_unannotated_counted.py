"""`petloc evaluate` on a half-annotated folder (the window's loop: annotate some, retrain, evaluate) printed a
"skipped …: no annotation" line per image still to annotate (20 lines on a folder of 60), burying the warnings
that matter; they are counted in one line, as unreviewed pre-labels are."""

from __future__ import annotations

from petloc_gui.cli.cmd_evaluate import NO_ANNOTATION, _report_skipped


def test_images_without_annotation_are_counted_in_one_line(capsys):
    skipped = [(f"/d/img_{i}.jpg", NO_ANNOTATION) for i in range(40, 60)] + [("/d/bad.jpg", "unreadable image: x")]
    _report_skipped(skipped)
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["petloc: skipped /d/bad.jpg: unreadable image: x",
                     "petloc: skipped 20 images with no annotation, e.g. /d/img_40.jpg"]
