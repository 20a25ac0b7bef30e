"""docs/cli.md said the window's File > Export says "Export failed" on a full disk, but not that it takes back
what it wrote as `petloc convert` does (`unfinished.OutputBefore`, one way for both), nor the line the command
prints when part of it cannot be removed. The lines the paragraph quotes are the command's own."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.helpers import convert_failing_part_way

CLI_MD = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")


def _paragraphs() -> str:
    return re.sub(r"\s+", " ", CLI_MD)  # a sentence as written, whatever its line breaks


def test_the_window_is_said_to_take_back_what_it_wrote():
    assert ('**File → Export** says "Export failed" then, and takes back what it wrote as the command does'
            in _paragraphs())


def test_the_line_quoted_for_what_cannot_all_be_removed_is_the_commands(small_voc, tmp_path, monkeypatch, capsys):
    out = tmp_path / "new" / "coco"
    err = convert_failing_part_way(capsys, monkeypatch, small_voc, out)
    [line] = [line for line in err.splitlines() if "could not all be removed" in line]
    assert line.startswith(f"petloc: {out}: ")
    quoted = f"`petloc: OUT: {line.removeprefix(f'petloc: {out}: ')}`"
    assert _paragraphs().count(quoted) == 2  # for the window's paragraph, and the command's own
