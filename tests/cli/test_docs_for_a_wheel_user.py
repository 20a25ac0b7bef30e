"""`petloc --help`, `petloc train --help` and docs/cli.md are right for someone who installed the wheel.

docs/cli.md opened with "after `pip install -e .`", and the examples trained with
`--backbone-weights ../shared/weights/...` and read `../shared/data/...`, folders beside a development
checkout that a wheel user does not have (and the wheel ships the weights).
"""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli import cmd_convert, cmd_stats, cmd_train
from petloc_gui.cli.main import EPILOG

ROOT = Path(__file__).resolve().parents[2]
CLI_MD = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_the_examples_need_no_checkout():
    for name, text in (("petloc --help", EPILOG), ("petloc train --help", cmd_train.EPILOG),
                       ("petloc stats --help", cmd_stats.EPILOG), ("petloc convert --help", cmd_convert.EPILOG)):
        assert "../shared" not in text, name
        assert "--backbone-weights" not in text, name  # the wheel ships the weights: the default is right


def test_the_reference_starts_from_an_installed_petloc_and_says_what_is_checkout_only():
    opening = CLI_MD.split("\n## ", 1)[0]
    assert "pip install -e" not in opening
    assert "pip install petloc-" in opening
    assert "../shared/data/" in opening and "does not ship with petloc" in opening
