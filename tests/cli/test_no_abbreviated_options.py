"""`petloc` takes no abbreviated option: argparse's default (allow_abbrev) ran `convert ... --ov` as
--overwrite and `predict --mod digits --js` as --model and --json, so a script's typo could reach
--overwrite, and an abbreviation that worked today became an "ambiguous option" the day another
option starting the same way was added."""

from __future__ import annotations

import argparse

import pytest

from petloc_gui.cli.main import build_parser
from tests.cli.helpers import run_cli


def _parsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    subparsers = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return {"petloc": parser, **subparsers.choices}


@pytest.mark.parametrize("name", list(_parsers()))
def test_no_parser_takes_an_abbreviation(name):
    assert _parsers()[name].allow_abbrev is False


def test_an_abbreviation_of_overwrite_overwrites_nothing(small_voc, tmp_path, capsys):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "mine.txt").write_text("kept", encoding="utf-8")
    code, stdout, err = run_cli(capsys, "convert", small_voc, "--to", "coco", out, "--ov")
    assert code == 2 and stdout == "" and "unrecognized arguments: --ov" in err
    assert sorted(path.name for path in out.iterdir()) == ["mine.txt"]


@pytest.mark.parametrize("argv", [["predict", "x.png", "--mod", "digits"], ["models", "--js"], ["--vers"],
                                  ["stats", "data", "--no-image"]])
def test_an_abbreviated_option_is_a_bad_command_line(argv, capsys):
    code, stdout, err = run_cli(capsys, *argv)
    assert code == 2 and stdout == "" and "unrecognized arguments" in err
