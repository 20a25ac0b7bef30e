"""The unsaved-changes question laid out a Hebrew-named image's line right to left, among the left-to-right lines
of the Latin names: flush right, its bullet at the right end ("jpg.חתול •"). Its label (a `QTextDocument`) takes
a line's direction from its first strong letter, the name's. Each line is left to right now, the name set apart
as `core.text.isolated` sets it apart in the status line and Recent messages; the warning after a failed save
lists the names the same way. Checked on the question's own label, laid out offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from petloc_gui.core.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from petloc_gui.ui.review.question_room import line_fits
from petloc_gui.ui.review.save_texts import failed_text, unsaved_text

HEBREW = "חתול_עם_שם_ארוך.jpg"
LONG_HEBREW = "חתול_של_סבתא_בחלון_תמונה_מספר_שבע_מהטלפון_של_אבא_ושל_אמא_בבוקר.jpg"  # elided to fit
NAMES = ["Bengal_108.jpg", HEBREW, LONG_HEBREW]
BUTTONS = QMessageBox.StandardButton.SaveAll | QMessageBox.StandardButton.Cancel


TEXTS = {"question, the room measured": lambda: unsaved_text(NAMES, fits=line_fits(None, BUTTONS)),
         "question, the room not known": lambda: unsaved_text(NAMES, gone={HEBREW}),
         "after a failed save": lambda: failed_text(["disk full"], 0, NAMES, leaving="closed")}


@pytest.mark.parametrize("which", list(TEXTS))
def test_each_listed_line_is_left_to_right_and_flush_left(qtbot, which):
    box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes", TEXTS[which](), BUTTONS)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    [document] = label.findChildren(QTextDocument)  # the label's own layout of the text
    block, listed = document.begin(), []
    while block.isValid():
        if "•" in block.text():
            listed.append(block)
        block = block.next()
    assert len(listed) == len(NAMES)
    for block in listed:
        assert block.textDirection() == Qt.LayoutDirection.LeftToRight, repr(block.text())
        assert block.layout().lineAt(0).naturalTextRect().left() == 0, repr(block.text())  # not flush right
    hebrew = [block.text() for block in listed if "ח" in block.text()]
    assert len(hebrew) == 2
    for line in hebrew:  # the name, whole or elided, laid out on its own between the isolates
        name = line.split(FIRST_STRONG_ISOLATE, 1)[1].split(POP_DIRECTIONAL_ISOLATE, 1)[0]
        assert name.startswith("ח") and name.endswith(".jpg"), repr(line)
    assert any("…" in line for line in hebrew)  # the long one elided, the isolates still around it


def test_a_latin_name_is_listed_as_it_was():
    assert "  • Bengal_108.jpg" in unsaved_text(NAMES, fits=lambda line: True).splitlines()
