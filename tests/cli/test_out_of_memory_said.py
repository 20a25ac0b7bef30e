"""A command that ran out of memory said "petloc: unknown error": a MemoryError's text is most often empty, and
`one_line` fell back to words that named neither the cause nor the command. Now the line says it was out of
memory, in which command, and what to do; and any error of empty text is named by its type."""

from __future__ import annotations

import pytest

from petloc_gui.cli import cmd_stats
from petloc_gui.cli.main import EXIT_FAILED
from petloc_gui.cli.output import one_line
from tests.cli.helpers import assert_clean_errors, run_cli


def _raising(error: BaseException):
    def run(args):
        raise error

    return run


@pytest.mark.parametrize(("error", "cause"), [(MemoryError(), "MemoryError"),
                                              (MemoryError("cannot allocate\n64 MB"),
                                               "MemoryError: cannot allocate 64 MB")])
def test_out_of_memory_is_said_with_its_command(monkeypatch, capsys, tmp_path, error, cause):
    monkeypatch.setattr(cmd_stats, "run", _raising(error))  # looked up as the parser is built
    code, out, err = run_cli(capsys, "stats", tmp_path)
    assert (code, out) == (EXIT_FAILED, "")
    assert assert_clean_errors(err) == [f"petloc: out of memory ({cause}) while running `petloc stats`; free some "
                                        "memory (close other programs) and run it again"]


def test_an_error_of_empty_text_is_named_by_its_type():
    assert one_line(MemoryError()) == "MemoryError"
    assert one_line(PermissionError()) == "PermissionError"
    assert one_line("") == "unknown error"  # no error to name: a message that is empty
