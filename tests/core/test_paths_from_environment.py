"""The folders PETLOC_DATA_DIR, PETLOC_CACHE_DIR and the XDG base variables name. Taken as given, a
relative PETLOC_DATA_DIR was printed relative (`petloc models --store` said `reldata/models`), a quoted
"~/x" (systemd's Environment=, cron) made a folder literally named `~`, and a relative XDG_DATA_HOME,
which the XDG Base Directory spec says to ignore, put the store in a folder of the current one."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from petloc_gui.core.paths import user_cache_dir, user_data_dir
from tests.cli.helpers import run_cli

linux_only = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG: Linux and other Unix")


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    return home


@pytest.mark.parametrize(("variable", "folder"), [("PETLOC_DATA_DIR", user_data_dir),
                                                  ("PETLOC_CACHE_DIR", user_cache_dir)])
def test_a_relative_folder_is_made_absolute_from_the_current_one(variable, folder, home, tmp_path, monkeypatch):
    monkeypatch.setenv(variable, "reldata")
    assert folder() == tmp_path / "reldata"


@pytest.mark.parametrize(("variable", "folder"), [("PETLOC_DATA_DIR", user_data_dir),
                                                  ("PETLOC_CACHE_DIR", user_cache_dir)])
def test_a_tilde_is_the_home_folder(variable, folder, home, monkeypatch):
    monkeypatch.setenv(variable, "~/x")
    assert folder() == home / "x"


@linux_only
@pytest.mark.parametrize(("variable", "folder", "default"), [
    ("XDG_DATA_HOME", user_data_dir, Path(".local", "share", "petloc")),
    ("XDG_CACHE_HOME", user_cache_dir, Path(".cache", "petloc")),
])
def test_a_relative_xdg_folder_is_ignored_as_the_spec_says(variable, folder, default, home, tmp_path, monkeypatch):
    monkeypatch.delenv("PETLOC_DATA_DIR", raising=False)
    monkeypatch.delenv("PETLOC_CACHE_DIR", raising=False)
    for relative in ("relx", "~/x", "./x"):
        monkeypatch.setenv(variable, relative)
        assert folder() == home / default, relative
    monkeypatch.setenv(variable, str(tmp_path / "xdg"))
    assert folder() == tmp_path / "xdg" / "petloc"


def test_models_store_names_the_absolute_folder(home, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PETLOC_DATA_DIR", "reldata")
    code, out, _ = run_cli(capsys, "models", "--store", "--json")
    assert code == 0 and json.loads(out) == {"store": str(tmp_path / "reldata" / "models")}
