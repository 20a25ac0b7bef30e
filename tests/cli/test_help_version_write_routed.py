"""cli/main: --help and --version are written as a command's results are, and a failure to write them goes
to `_main`'s handlers for a command's (a reader that left: quiet, exit 0; a stdout that cannot take them: one
line, exit 1), not to a copy of them in the parser. A Ctrl+C while they are written is not such a failure:
it still ends as any Ctrl+C while petloc starts, "petloc: interrupted" and exit 130."""

from __future__ import annotations

import sys

import pytest

from petloc_gui.cli import closed_stdout, output
from petloc_gui.cli import main as entry
from petloc_gui.cli.main import EXIT_INTERRUPTED, main


def _writing_raises(monkeypatch, exc: BaseException) -> None:
    def result_line(text, file=None):
        raise exc

    monkeypatch.setattr(output, "result_line", result_line)


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["stats", "--help"]])
def test_a_ctrl_c_while_they_are_written_is_interrupted(argv, capsys, monkeypatch):
    ended: list = []
    real = entry._interrupted
    monkeypatch.setattr(entry, "_interrupted", lambda: ended.append(1) or real())
    _writing_raises(monkeypatch, KeyboardInterrupt())
    assert main(argv) == EXIT_INTERRUPTED and ended == [1]  # main()'s, as for a Ctrl+C while petloc starts
    assert capsys.readouterr().err == "petloc: interrupted\n"


@pytest.mark.parametrize("argv", [["--version"], ["stats", "--help"]])
def test_a_reader_that_left_is_quiet_as_for_a_command(argv, capsys, monkeypatch):
    silenced: list = []
    monkeypatch.setattr(closed_stdout, "silence_stdout", lambda: silenced.append(sys.stdout))
    _writing_raises(monkeypatch, BrokenPipeError(32, "Broken pipe"))
    assert main(argv) == 0 and silenced
    assert capsys.readouterr().err == ""
