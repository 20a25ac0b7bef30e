"""The README's setup lines do what they say on a new machine (wheel command, interpreter, Debian venv)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def pip_wheel_commands() -> list[str]:
    return re.findall(r"`([^`]*pip wheel[^`]*)`", README)


def test_the_readme_names_a_wheel_command():
    assert pip_wheel_commands()


@pytest.mark.parametrize("command", pip_wheel_commands())
def test_the_wheel_command_builds_petloc_alone_into_an_ignored_folder(command):
    # plain `pip wheel .` also writes a wheel of every dependency (~1 GB) into the repository root
    words = command.split()
    assert "--no-deps" in words, command
    folder = words[words.index("-w") + 1] if "-w" in words else None
    assert folder is not None, f"{command}: no -w FOLDER, so the wheel lands in the current folder"
    ignored = subprocess.run(["git", "check-ignore", "-q", f"{folder}/petloc-0.1.0-py3-none-any.whl"], cwd=ROOT)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 0, f"{folder}/ is not git-ignored"


def test_the_readme_says_how_to_pick_the_interpreter_and_what_debian_needs_for_a_venv():
    setup = README.split("## The window")[0]
    assert "PYTHON=python3.11" in setup and "python3-venv" in setup and "make clean-venv" in setup
