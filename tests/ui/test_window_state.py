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
