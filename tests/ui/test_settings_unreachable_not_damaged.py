"""A settings path that cannot be reached (HOME/.config a regular file, a folder that cannot be entered)
was said at start to be a damaged file, "unreadable: Not a directory", that petloc "saves its settings
over", though there was no file and nothing could be saved. No file there is no damage: no "damaged"
box; the status line's "Settings cannot be saved" names the file. A file that is there and cannot be
read or parsed is still damaged."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import petloc_gui.ui.settings as settings_module
from petloc_gui.ui.settings import Settings


def test_a_path_under_a_regular_file_is_not_damaged_and_not_saving_is_said(qapp, tmp_path):
    (tmp_path / "config").write_text("a file where a folder should be")
    path = str(tmp_path / "config" / "petloc" / "petloc.conf")
    settings = Settings(path)
    assert settings.damaged_note == ""
    settings.add_recent_folder(str(tmp_path))
    assert settings.take_unsaved_note().startswith(f"Settings cannot be saved: {path} cannot be written")


def test_the_users_settings_under_a_home_config_that_is_a_file(tmp_path):
    # Qt finds the user's settings folder once a process, so the user's case runs in a process of its own.
    home = tmp_path / "home"
    home.mkdir()
    (home / ".config").write_text("x\n")
    script = textwrap.dedent("""
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from petloc_gui.ui.settings import Settings
        settings = Settings()
        print("damaged:", repr(settings.damaged_note))
        settings.add_recent_folder("/tmp")
        print("unsaved:", settings.take_unsaved_note())
    """)
    env = {key: value for key, value in os.environ.items() if key != "XDG_CONFIG_HOME"}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "damaged: ''" in lines
    conf = str(home / ".config" / "petloc" / "petloc.conf")
    assert any(line.startswith(f"unsaved: Settings cannot be saved: {conf} cannot be written") for line in lines)


def _refused(monkeypatch, target: Path, *, file_seen: bool) -> None:
    """Opening ``target`` gives PermissionError, as a folder on its way that cannot be entered
    (``file_seen`` False: stat fails too) or a file that may not be read (True: stat finds it) give it;
    as root neither can be made with permissions."""
    real_open, real_stat = builtins.open, os.stat

    def refusing_open(file, *args, **kwargs):
        if Path(file) == target:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def refusing_stat(file, *args, **kwargs):
        if Path(file) == target and not file_seen:
            raise PermissionError(13, "Permission denied", str(file))
        return real_stat(file, *args, **kwargs)

    monkeypatch.setattr(settings_module, "open", refusing_open, raising=False)
    monkeypatch.setattr(settings_module.os, "stat", refusing_stat)


def test_a_folder_that_cannot_be_entered_is_not_damage(qapp, tmp_path, monkeypatch):
    path = tmp_path / "locked" / "petloc.conf"
    path.parent.mkdir()
    path.write_text("[General]\nlast_folder=/x\n")
    _refused(monkeypatch, path, file_seen=False)
    settings = Settings(str(path))
    assert settings.damaged_note == ""
    assert path.read_text() == "[General]\nlast_folder=/x\n"  # not moved aside: nothing was found damaged


def test_a_file_that_is_there_and_cannot_be_read_is_still_damaged(qapp, tmp_path, monkeypatch):
    path = tmp_path / "petloc.conf"
    path.write_text("[General]\nlast_folder=/x\n")
    _refused(monkeypatch, path, file_seen=True)
    settings = Settings(str(path))
    assert "damaged (unreadable: Permission denied)" in settings.damaged_note
    assert not path.exists() and [p.name.startswith("petloc.conf.damaged-") for p in tmp_path.iterdir()] == [True]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root enters every folder")
def test_a_real_folder_without_search_permission_is_not_damage(qapp, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "petloc.conf").write_text("[General]\nlast_folder=/x\n")
    locked.chmod(0o600)
    try:
        assert Settings(str(locked / "petloc.conf")).damaged_note == ""
    finally:
        locked.chmod(0o700)
