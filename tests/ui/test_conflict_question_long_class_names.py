"""The conflict question ("Changed by another program") with a class renamed to a long name in one version: its
line on what differs put both names in whole, and with 200-character names the question grew to the screen's
width, both names cut at its right edge. The names are elided in their middle now (`save_texts.what_differs`):
the question stays narrower than the screen, its line naming both ends of each."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation

YOURS, THEIRS = "x" * 199 + "1", "y" * 199 + "2"


def test_the_question_with_long_names_stays_narrower_than_the_screen(qtbot, window, folder, monkeypatch):
    shown: dict = {}

    def exec_(box):
        box.show()
        QApplication.processEvents()
        shown.update(text=box.text(), width=box.frameGeometry().width(),
                     screen=box.screen().availableGeometry().width())
        {b.text().replace("&", ""): b for b in box.buttons()}["Keep mine"].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label(YOURS)  # a.png: cat 10,10,50,50
    window.session.watchers.disk.stop()
    write_annotation(folder / "a.png", [(THEIRS, Box(10, 10, 50, 50))])
    assert window.save_current()
    line = shown["text"].splitlines()[-1]
    assert line.startswith("Only the label differs: yours xxx") and "x1, theirs yyy" in line and line.endswith("y2.")
    assert shown["width"] < shown["screen"] * 0.9, shown
