"""Two windows (two processes, one settings file) each keep the other's recent folders.

QSettings keeps the file in memory and reads it again only at its next sync(): the second window's
Open recent list was built from the copy it read at its start, and its write replaced the list the first
window had written meanwhile, whose folder was gone from Open recent. "Clear the list" likewise wrote its
empty list at close, over the folders the other window had opened since.

The other window is a process of its own: QSettings objects of one process share one copy of the file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray

from petloc_gui.ui.folders import RecentFoldersMenu
from petloc_gui.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _other_window_opens(path: Path, folder: str) -> None:
    """Another petloc window (a process of its own) opens ``folder``: its settings written at once."""
    code = ("import sys; from petloc_gui.ui.settings import Settings; "
            "Settings(sys.argv[1]).add_recent_folder(sys.argv[2])")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    subprocess.run([sys.executable, "-c", code, str(path), folder], check=True, env=env, timeout=60)


def test_a_folder_opened_in_another_window_stays_listed(tmp_path):
    path = tmp_path / "petloc.conf"
    settings = Settings(str(path))
    settings.add_recent_folder("/data/first")
    assert settings.recent_folders == ["/data/first"]  # read now: the copy this window keeps

    _other_window_opens(path, "/data/other")
    settings.add_recent_folder("/data/mine")

    assert settings.recent_folders == ["/data/mine", "/data/other", "/data/first"]
    assert "/data/other" in path.read_text(encoding="utf-8")  # and on disk


def test_clear_the_list_keeps_a_folder_another_window_opens_afterwards(qtbot, tmp_path):
    path = tmp_path / "petloc.conf"
    settings = Settings(str(path))
    settings.add_recent_folder("/data/first")
    menu = RecentFoldersMenu(settings, lambda folder: None)

    clear = menu.actions()[-1]
    assert clear.text() == "&Clear the list"
    clear.trigger()
    _other_window_opens(path, "/data/later")
    settings.save_window(QByteArray(), QByteArray())  # this window closes

    assert Settings(str(path)).recent_folders == ["/data/later"]
    assert "/data/first" not in path.read_text(encoding="utf-8")
