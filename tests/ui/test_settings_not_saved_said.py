"""Settings that cannot be written (a read-only ~/.config; here a path under a regular file, which fails
for root too) were lost at close without a word: QSettings.sync() only sets status() AccessError. The
first failed write leaves one sentence naming the file (`Settings.take_unsaved_note`), which the window
says on its status line once a session, not on every write."""

from __future__ import annotations

from petloc_gui.ui.settings import Settings

from .conftest import destroy_window


def _unwritable(tmp_path) -> str:
    (tmp_path / "not_a_folder").write_text("a file where the settings' folder should be")
    return str(tmp_path / "not_a_folder" / "petloc.conf")


def test_a_failed_write_is_said_once_naming_the_file(qapp, tmp_path):
    path = _unwritable(tmp_path)
    settings = Settings(path)
    assert settings.take_unsaved_note() == ""  # nothing written yet
    settings.add_recent_folder(str(tmp_path))
    note = settings.take_unsaved_note()
    assert note.startswith(f"Settings cannot be saved: {path} cannot be written")
    settings.add_recent_folder(str(tmp_path / "other"))
    assert settings.take_unsaved_note() == ""  # said once


def test_a_writable_file_says_nothing(qapp, tmp_path):
    settings = Settings(str(tmp_path / "settings.ini"))
    settings.add_recent_folder(str(tmp_path))
    assert settings.take_unsaved_note() == ""
    assert "last_folder" in (tmp_path / "settings.ini").read_text()  # on disk at once, not only at close


def test_the_window_says_it_on_the_status_line_once(qtbot, tmp_path, folder, factory):
    from petloc_gui.ui.main_window import MainWindow

    path = _unwritable(tmp_path)
    win = MainWindow(model_factory=factory, settings=Settings(path))
    try:
        win.open_folder(folder)
        said = win.statusBar().currentMessage()
        assert "Settings cannot be saved" in said and path in said
        win.statusBar().clearMessage()
        win.open_folder(folder)
        assert "Settings cannot be saved" not in win.statusBar().currentMessage()
    finally:
        destroy_window(win)
