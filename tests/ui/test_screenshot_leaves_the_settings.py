"""`petloc-gui --screenshot OUT.png` (a script's, CI's, the gallery's) leaves the user's settings as they were.

With no folder it opened the demo and kept it as the settings' last folder (and first recent folder): the
user's next plain `petloc-gui` opened the demo instead of their own folder. A screenshot run reads nothing
from the settings file and writes nothing to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PRED, FakeFactory


def _user_settings_file() -> Path:
    """Where `Settings()` (the user's settings, as the window opens them) keeps its file in this test."""
    from petloc_gui.ui.settings import Settings

    return Path(Settings()._q.fileName())  # (the file itself is compared)


def _screenshot(monkeypatch, tmp_path, argv: list[str]) -> int:
    from petloc_gui.ui import app, main_window

    monkeypatch.setattr(main_window, "load_model_handle", FakeFactory(dict(PRED)))
    return app.main([*argv, "--screenshot", str(tmp_path / "shot.png"), "--timeout", "60"])


@pytest.fixture
def users_folder_kept(folder):
    """The user's settings: their own folder open last, the window laid out, a model picked. Returns the file's
    bytes."""
    from PySide6.QtCore import QByteArray

    from petloc_gui.ui.settings import Settings

    file = _user_settings_file()
    file.unlink(missing_ok=True)
    settings = Settings()
    settings.add_recent_folder(str(folder))
    settings.last_model = "pets"
    settings.save_list_width(321)
    settings.save_window(QByteArray(b"geometry"), QByteArray(b"state"))
    del settings
    return file.read_bytes()


@pytest.mark.parametrize("with_folder", [False, True], ids=["the demo", "a folder named"])
def test_a_screenshot_run_leaves_the_settings_file_as_it_was(qtbot, tmp_path, monkeypatch, folder, users_folder_kept,
                                                             with_folder):
    from petloc_gui.app.demo_folder import ensure_demo_folder
    from petloc_gui.ui.settings import Settings

    ensure_demo_folder(count=12)  # (written before: the run opens it at once)
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.png").write_bytes((folder / "a.png").read_bytes())
    assert _screenshot(monkeypatch, tmp_path, [str(other)] if with_folder else []) == 0
    assert (tmp_path / "shot.png").is_file()
    # it was the demo (or the folder the screenshot named): the user's next plain start opened that
    assert Settings().last_folder == str(folder)
    assert _user_settings_file().read_bytes() == users_folder_kept


def test_a_first_runs_screenshot_makes_no_settings_file(qtbot, tmp_path, monkeypatch):
    from petloc_gui.app.demo_folder import ensure_demo_folder

    ensure_demo_folder(count=12)
    file = _user_settings_file()
    file.unlink(missing_ok=True)
    assert _screenshot(monkeypatch, tmp_path, []) == 0
    assert not file.exists()  # the next plain start is still a first run: the demo, the window's own layout
