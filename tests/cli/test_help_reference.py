"""The --help texts that send the reader to the command reference name a file that exists, by its full path.

They said "see docs/cli.md", a path relative to a checkout that a wheel user
does not have; they now name cli.reference.CLI_REFERENCE (the installed copy
in a wheel: tests/cli/test_wheel.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_convert, cmd_evaluate, cmd_export, cmd_stats
from petloc_gui.cli.main import commands
from petloc_gui.cli.reference import CLI_REFERENCE

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("command", [cmd_stats, cmd_evaluate, cmd_export, cmd_convert], ids=lambda c: c.NAME)
def test_the_help_names_the_reference_by_a_path_that_exists(command):
    text = " ".join(command.EPILOG.split())
    assert f"command reference, {CLI_REFERENCE}" in text
    assert CLI_REFERENCE.is_absolute() and CLI_REFERENCE.is_file()


def test_in_a_checkout_the_reference_is_the_docs_folder_s():
    assert CLI_REFERENCE == ROOT / "docs" / "cli.md"


def test_no_help_names_docs_cli_md_relative_to_a_checkout():
    for command in commands():
        assert not re.search(r"(?<!/)docs/cli\.md", command.EPILOG.replace(str(CLI_REFERENCE), "")), command.NAME


def test_no_help_names_a_docs_file_relative_to_a_checkout():
    # e.g. `petloc digits --help` on the digits split: a wheel user has docs only inside the package
    for command in commands():
        for path in re.findall(r"[\w/.-]*docs/[\w/.-]+\.md", command.EPILOG):
            assert Path(path).is_absolute() and Path(path).is_file(), (command.NAME, path)
