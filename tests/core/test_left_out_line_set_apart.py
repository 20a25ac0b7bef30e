"""`core.shared_annotations.left_out_line` sets a Hebrew image name apart (U+2068 … U+2069) when asked, for the
stderr lines of `petloc train`, `evaluate` and `predict` that keep their isolates: put in raw, the name took the
line's direction in a terminal that lays out bidi text and moved "shares its annotation file …" around it."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.output import one_line
from petloc_gui.core.shared_annotations import RENAME_HINT, left_out_line, shared_reason

FSI, PDI = "\u2068", "\u2069"


def test_the_image_is_set_apart_and_kept_on_stderr():
    shared = [("/data/תמונה.png", shared_reason(Path("/data/תמונה.xml"), "תמונה.jpg"))]
    line = left_out_line("skipped", shared, set_apart=True)
    assert line == (f"skipped 1 image whose annotation file is another image's: {FSI}/data/תמונה.png{PDI} shares "
                    f"its annotation file תמונה.xml with תמונה.jpg (its boxes are that image's); {RENAME_HINT}")
    assert one_line(line, names_isolated=True) == line


def test_a_raw_isolate_in_the_reason_is_escaped_and_english_lines_are_as_they_were():
    shared = [("a.png", f"shares its annotation file a.xml with {FSI}x{PDI}.jpg"), ("b.png", "shares …")]
    line = left_out_line("left out", shared, set_apart=True)
    assert "\\u2068x\\u2069.jpg" in line and FSI not in line
    english = [("a.png", "shares its annotation file a.xml with a.jpg")]
    assert left_out_line("left out", english, set_apart=True) == left_out_line("left out", english)
