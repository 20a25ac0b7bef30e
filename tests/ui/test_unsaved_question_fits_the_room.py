"""The unsaved-changes question fits each name it lists to the room its line has (`question_room.line_fits`,
`save_texts._shown`), not to a fixed count of characters.

Cut to 40 characters for every screen, to keep an 800-pixel screen's question from wrapping, names of 41 to 60
characters that fitted a larger screen's question were cut too; and every name, "my photo-1.jpg" as well, was
filled with invisible word joiners (what a copy or a screen reader got), one put between "e" and its accent and
inside joined emoji too, splitting what reads as one character.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from petloc_gui.ui.review.save_texts import NO_BREAK_SPACE, WORD_JOINER, unsaved_text

from .shown_text import wrapped_lines

LONG = "IMG_20261201_a_very_long_file_name_from_a_phone_camera_that_never_stops_0042_Abyssinian_1.jpg"
FIFTY = "holiday at the beach with the cats - day 2 (1).jpg"  # 50 characters: cut to 40 before


def _listed(text: str) -> list[str]:
    return [line.removeprefix("  • ") for line in text.splitlines() if line.startswith("  • ")]


def test_a_name_that_fits_the_room_is_shown_whole_and_as_it_is():
    """A room wide enough: a 50-character name whole, and no name gets an invisible character."""
    shown = _listed(unsaved_text([FIFTY, "my photo-1.jpg", "Bengal_1.jpg"], fits=lambda line: True))
    assert shown == [FIFTY, "my photo-1.jpg", "Bengal_1.jpg"]


def test_the_fixed_cut_stays_at_60_characters():
    [shown] = _listed(unsaved_text([LONG], fits=lambda line: True))
    assert len(shown.replace(WORD_JOINER, "")) == 60
    assert shown.startswith("IMG_20261201") and shown.endswith("_Abyssinian_1.jpg")


def test_a_name_too_wide_for_the_room_is_elided_to_it_and_kept_in_one_piece(qapp):
    metrics = QFontMetricsF(QFont())

    def fits(line: str) -> bool:
        return metrics.horizontalAdvance(line) <= 220

    [shown, plain] = _listed(unsaved_text([FIFTY, "my photo-1.jpg"], fits=fits))
    assert metrics.horizontalAdvance("  • " + shown) <= 220
    read = shown.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ")
    assert read.startswith("holiday") and read.endswith("(1).jpg") and "…" in read
    assert wrapped_lines(shown, 40) == 1  # shortened: one piece, however narrow the label turns out
    assert plain == "my photo-1.jpg"  # it fits: as it is


@pytest.mark.parametrize("name", ["cafe\u0301 au lait.jpg", "\U0001f468\u200d\U0001f469 at home.jpg",
                                  "\u2764\ufe0f love.jpg"])
def test_no_word_joiner_goes_inside_a_character(name):
    """Where the room is not known every name is kept whole, but no joiner splits "e" from its accent, joined
    emoji, or an emoji from its selector (`wrap_points.one_character`)."""
    [shown] = _listed(unsaved_text([name]))
    assert shown.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ") == name
    for mark in ("\u0301", "\u200d", "\ufe0f", "\U0001f469"):
        assert WORD_JOINER + mark not in shown
    assert "\u200d" + WORD_JOINER not in shown


SCRIPT = r"""
import json
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

app = QApplication([])
from petloc_gui.ui.review.save_guard import SaveGuard

names = json.loads(__import__("sys").argv[1])
store = SimpleNamespace(has_unsaved=lambda: True, dirty_indices=lambda: list(range(len(names))))
session = SimpleNamespace(store=store, model=SimpleNamespace(names=names), image_path=lambda row: Path("/"))
parent = QWidget()
parent.resize(700, 500)
parent.show()
asked = []
QMessageBox.question = lambda parent, title, text, *args: asked.append(text) or QMessageBox.Cancel
SaveGuard(SimpleNamespace(session=session, autosave=lambda: False), parent).confirm_leave()
box = QMessageBox(QMessageBox.Question, "Unsaved changes", asked[0],
                  QMessageBox.SaveAll | QMessageBox.Discard | QMessageBox.Cancel, parent)
box.show()
app.processEvents()
label = box.findChild(QLabel, "qt_msgbox_label")
metrics = QFontMetricsF(label.font())
lines = [line for line in asked[0].splitlines() if line.startswith("  • ")]
print(json.dumps({"room": label.contentsRect().width(), "lines": lines,
                  "widths": [metrics.horizontalAdvance(line) for line in lines]}))
"""


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_the_question_on_leaving_fits_each_name_to_its_line(scale):
    """The question `SaveGuard.confirm_leave` asks, shown at scale 1 and 1.5 on the offscreen screen (800 pixels
    wide; 533 at 1.5, the room a 40-character name did not fit): no listed line is wider than the label."""
    names = [LONG, FIFTY, "my photo-1.jpg", "写真写真写真写真写真写真写真写真写真.jpg"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    done = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(names)], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert all(width <= seen["room"] for width in seen["widths"]), seen
    assert "  • my photo-1.jpg" in seen["lines"]  # fits: as it is, no invisible characters
    assert "…" in seen["lines"][0]
