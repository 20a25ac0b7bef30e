"""A Ctrl+C while `petloc` starts (its imports and its parser, about 0.1 s, before a command's stop
signals are set) is one line and exit 130, as any stop: the console script imports `cli.main` before it
calls `main`, and `cli.main` imported every command module with it, so a Ctrl+C then printed a
KeyboardInterrupt traceback. Here the Ctrl+C comes, as it can, while one of the modules is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# As the console script: import `main`, then call it; Ctrl+C comes when MODULE is imported.
CONSOLE_SCRIPT = """
import sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
from petloc_gui.cli.main import main
sys.exit(main(["stats", "--json", "."]))
"""


@pytest.mark.parametrize("module", [
    "petloc_gui.cli.cmd_train",  # a command module: they are what takes the time
    "petloc_gui.core.shared_annotations",  # what a command module imports
    "petloc_gui.cli.closed_stdout",  # the first thing `main` does
    "petloc_gui.cli.stop_signals",  # imported before the parser is built
])
def test_a_ctrl_c_while_petloc_starts_is_one_line_and_exit_130(module, tmp_path):
    code = CONSOLE_SCRIPT.format(module=module)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (proc.returncode, proc.stderr, proc.stdout) == (130, "petloc: interrupted\n", "")


def test_importing_the_entry_point_imports_nothing_of_petloc_s():
    """What the console script imports before it calls `main` (uncovered by `main`'s guard)."""
    code = ("import sys; before = set(sys.modules); import petloc_gui.cli.main; "
            "print(sorted(m for m in set(sys.modules) - before if m.startswith('petloc_gui.')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.strip() == "['petloc_gui.cli', 'petloc_gui.cli.main']", proc.stderr
