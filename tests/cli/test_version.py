"""`petloc --version` prints petloc's version and exits 0 (it was a usage error, exit 2)."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from petloc_gui.cli import main as cli_main
from petloc_gui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_version_prints_the_installed_version(capsys):
    assert main(["--version"]) == 0
    out, err = capsys.readouterr()
    assert out == f"petloc {metadata.version('petloc')}\n" and err == ""


def test_a_checkout_that_is_not_installed_says_its_own_version(capsys, monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"petloc {VERSION} (source checkout, not installed)\n"


def test_without_either_it_says_unknown_rather_than_failing(capsys, monkeypatch, tmp_path):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    monkeypatch.setattr(cli_main, "__file__", str(tmp_path / "petloc_gui" / "cli" / "main.py"))
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == "petloc unknown\n"
