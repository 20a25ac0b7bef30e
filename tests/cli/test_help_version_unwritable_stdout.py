"""`petloc --version` and `--help` into a stdout that cannot take them (`> /dev/full`) say so and exit 1, as a
command's results do (docs/cli.md). Before: argparse dropped the write error, exit 0 and not a word."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
LINE = "petloc: cannot write the results to standard output: No space left on device"


class _Full(io.StringIO):
    """A stdout on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["stats", "--help"]])
def test_help_and_version_into_a_full_stdout_exit_1_saying_so(argv, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", _Full())
    code = main(argv)
    assert code == 1 and capsys.readouterr().err.splitlines() == [LINE]


@pytest.mark.parametrize("argv", [["--version"], ["stats", "--help"]])
def test_help_and_version_still_print_and_exit_0(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and out.startswith(("petloc ", "usage: petloc stats"))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_version_into_dev_full():
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "petloc_gui.cli", "--version"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1 and done.stderr.splitlines() == [LINE]
