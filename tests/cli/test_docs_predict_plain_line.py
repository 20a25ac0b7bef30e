"""docs/cli.md shows `petloc predict`'s plain line as the command prints it, and says how its fields are
separated: two spaces, as a path or a class may hold one (scripts read --json)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from types import SimpleNamespace

from petloc_gui.cli.cmd_predict import _report_prediction
from petloc_gui.core.boxes import Box

CLI_MD = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
# the words from "one line per image" to the example's code block, and the example's one line
SAID = re.search(r"Without `--json`, one line per image(?P<words>[^`]*(?:`[^`]*`[^`]*)*?):\s*"
                 r"```\n(?P<line>[^\n]*)\n```", CLI_MD)


def test_the_plain_line_shown_is_the_one_printed(capsys):
    assert SAID is not None
    shown = SAID.group("line")
    image, label, confidence, box = shown.split("  ")
    xmin, ymin, xmax, ymax = (float(v) for v in box.strip("[]").split(", "))
    prediction = SimpleNamespace(label=label, confidence=float(confidence), box=Box(xmin, ymin, xmax, ymax))
    _report_prediction(argparse.Namespace(json=False), image, prediction)
    assert capsys.readouterr().out == shown + "\n"


def test_the_fields_are_said_to_be_separated_by_two_spaces_and_scripts_sent_to_json():
    assert SAID is not None
    words = " ".join(SAID.group("words").split())
    assert "separated by two spaces" in words and "`--json`" in words
