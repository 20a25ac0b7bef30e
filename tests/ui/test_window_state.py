"""The window between runs and between folders: title, size on the screen, settings, recent folders."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box

from .conftest import PRED, FakeFactory, open_and_wait, write_image


def test_the_title_loses_its_star_after_discard_and_another_folder(qtbot, window, folder, tmp_path, monkeypatch):
    other = tmp_path / "other"
    other.mkdir()
    write_image(other / "x.png")
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_box(0, Box(10, 10, 50, 50), Box(12, 10, 52, 50))
    assert window.isWindowModified()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    assert window.open_folder(other)
    assert not window.isWindowModified()
    assert not window.has_unsaved()


def test_a_saved_size_larger_than_the_screen_comes_back_inside_it(qtbot, folder, tmp_path, monkeypatch):
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    ini = str(tmp_path / "petloc.ini")
    big = MainWindow(model_factory=FakeFactory(dict(PRED)), settings=Settings(ini))
    big.setGeometry(0, 0, 1500, 980)
    big.settings.save_window(big.saveGeometry(), big.saveState())
    big.shutdown()
    # The same settings on a smaller screen (as with QT_SCALE_FACTOR=1.5 on a 1600 x 1000 one).
    small = QRect(0, 0, 1066, 666)
    monkeypatch.setattr(MainWindow, "available_screen", lambda self: small)
    window = MainWindow(model_factory=FakeFactory(dict(PRED)), settings=Settings(ini))
    qtbot.addWidget(window)
    assert window.width() <= small.width() and window.height() <= small.height() - 30
    assert small.contains(QRect(window.pos(), window.size()))
    window.show()
    assert window.statusBar().isVisible()
    window.shutdown()


def test_settings_live_under_petlocs_own_organisation_name():
    from petloc_gui.ui.settings import Settings

    settings = Settings()
    q = settings._q  # the QSettings behind it
    assert q.organizationName() == "petloc" and q.applicationName() == "petloc"
    assert "Unknown Organization" not in q.fileName()


def test_recent_folders_newest_first_in_the_file_menu(qtbot, folder, tmp_path):
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    other = tmp_path / "other"
    other.mkdir()
    write_image(other / "x.png")
    window = MainWindow(model_factory=FakeFactory(dict(PRED)), settings=Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, folder)
    open_and_wait(qtbot, window, other)
    assert window.settings.recent_folders == [str(other), str(folder)]
    window.recent_menu.rebuild()
    entries = [a for a in window.recent_menu.actions() if a.toolTip() in (str(folder), str(other))]
    assert [a.toolTip() for a in entries] == [str(other), str(folder)]
    entries[1].trigger()
    assert window.current_folder() == folder
    window.shutdown()


def test_starting_without_a_folder_reopens_the_last_one_and_not_the_demo(qtbot, window, folder, monkeypatch):
    import argparse

    from petloc_gui.app import demo_folder
    from petloc_gui.ui import app

    def no_demo():
        raise AssertionError("the demo is for the first run only")

    monkeypatch.setattr(demo_folder, "ensure_demo_folder", no_demo)
    window.settings.last_folder = str(folder)
    app._startup(window, argparse.Namespace(folder=None, model="fake"), screenshot_mode=False)
    assert window.current_folder() == folder
    assert not window.file_dock.model.review_order  # the demo's review order is not forced on a user folder


def test_dropping_an_image_opens_its_folder_on_that_image(qtbot, window, folder):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "c.png"))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    assert window.current_folder() == folder
    assert window.session.model.names[window.session.current] == "c.png"
    text = QMimeData()
    text.setText("not a file")
    from petloc_gui.ui.folders import dropped_target

    assert dropped_target(text) is None
    folder_drop = QMimeData()
    folder_drop.setUrls([QUrl.fromLocalFile(str(folder))])
    assert dropped_target(folder_drop) == (folder, None)
