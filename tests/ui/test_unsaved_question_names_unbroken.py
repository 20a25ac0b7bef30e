"""The unsaved-changes question lists each image on one line: a long name, cut to 60 characters, was broken by
the dialog's label after its "…" at scale 1.5, and its tail, flush left on a line of its own, read as another
image of the list. A listed name is now fitted to the room its line has in the question, as the window measures it
(`question_room.line_fits`), and one that had to be shortened, or any where the room is not known, is one piece no
line wraps inside (on the offscreen screen, 800 pixels wide: a 400-pixel dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from petloc_gui.ui.review.question_room import line_fits
from petloc_gui.ui.review.save_texts import unsaved_text

from .shown_text import wrapped_lines

LONG = "IMG_20261201_a_very_long_file_name_from_a_phone_camera_that_never_stops_0042_Abyssinian_1.jpg"
NAMES = [LONG, "my cat photo - beach day 2023-07-14 (edited copy).jpg", "写真写真写真写真写真写真写真写真写真.jpg"]


@pytest.mark.parametrize("name", NAMES)
def test_a_listed_name_is_never_broken_inside(qapp, name):
    listed = next(line for line in unsaved_text([name]).splitlines() if "•" in line)
    shown = listed.split("• ", 1)[1]
    assert wrapped_lines(shown, 40) == 1, repr(shown)  # far narrower than the name: it still does not wrap


def test_the_names_read_as_before():
    """Only invisible characters are added (word joiners, no-break spaces): the cut keeps its start and end."""
    listed = next(line for line in unsaved_text([LONG]).splitlines() if "•" in line)
    assert listed.replace("\u2060", "") == "  • IMG_20261201_a_very_long_file…r_stops_0042_Abyssinian_1.jpg"
    spaced = next(line for line in unsaved_text(["a b-c.jpg"]).splitlines() if "•" in line)
    assert spaced.replace("\u2060", "").replace("\u00a0", " ") == "  • a b-c.jpg"
    assert "  • Bengal_1.jpg" in unsaved_text(["Bengal_1.jpg"]).splitlines()  # a plain name as it was


def test_the_question_shows_each_long_name_on_one_line(qtbot):
    """The question as the window asks it: its label wraps no line of the list (a wrapped label is taller than
    the same text unwrapped)."""
    names = ["Bengal_1.jpg", *NAMES]
    buttons = QMessageBox.SaveAll | QMessageBox.Discard | QMessageBox.Cancel
    box = QMessageBox(QMessageBox.Question, "Unsaved changes", unsaved_text(names, fits=line_fits(None, buttons)),
                      buttons)
    qtbot.addWidget(box)
    QTimer.singleShot(0, box.show)
    qtbot.waitUntil(box.isVisible)
    label = next(child for child in box.findChildren(QLabel) if "•" in child.text())
    assert label.heightForWidth(label.width()) == label.heightForWidth(10_000)
    box.close()
