"""A status message at scale 1.5 on a 1366 px screen and at a 16-pt font: the permanent labels (the image counter,
"New model: not kept yet", the model's label) held a third or half of the bar while it showed, and cut the keyboard
hunt's messages to ~25 characters ("New box in the middle: arro… from the top-left corner)."), whole only in a
tooltip a keyboard user cannot reach. The message comes first now: the labels give way (the model's to its compact
form, then whole), and a message the whole bar holds is read whole on its one line; one longer than the bar keeps
its start and end around "…" (nothing is drawn over the panes), whole in its tooltip and in Help → Recent messages
(test_recent_messages)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QToolButton

from petloc_gui.app.figures_short import Caution
from petloc_gui.app.trained_here_said import status_message
from petloc_gui.ui.actions import ACTIONS
from petloc_gui.ui.editing.edit_actions import PLACED
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.model_label_fit import cautioned_line, least_width
from petloc_gui.ui.status_label_room import LabelNeeds, label_widths
from petloc_gui.ui.status_line import label_shown_text
from petloc_gui.ui.training.retrain_progress import UNDECIDED_NOTE

NAME = "pets-20261203T011551Z-c71d1a"
FOUND = SimpleNamespace(images=540, count=397, by_content=397, by_path=0, complete=True, unchecked=0)
# the hunt's label: "Model: … (acc 1.000 · IoU 0.819 on 48 test images · 397/540 trained on)"
LINE = cautioned_line(ModelInfo(spec="pets", name=NAME, path=None, version_id="v",
                                metrics={"accuracy": 1.0, "mean_iou": 0.819, "n_images": 48}, split="test"),
                      (Caution("397 of this folder's 540 images are its training images", "397/540 trained on"),))
DRAW_TIP = next(spec.tip for spec in ACTIONS if spec.name == "draw_mode")
MESSAGES = {  # the hunt's, as the window says them (in the test font: the first three whole, the others elided)
    "d past a search that matches nothing": "The list shows no image (its search or filter matches none).",
    "w Return": PLACED,
    "a retrain started": "Training started in the background (Model → Show training progress).",
    "Esc on the Retraining window": UNDECIDED_NOTE,
    "the training images at the start": status_message(FOUND, NAME),
    "Edit → Draw box mode's status tip": DRAW_TIP,
}
# QT_SCALE_FACTOR=1.5 on a 1366 x 768 screen: 911 x 512 logical px, the font as wide in them as at scale 1;
# QT_FONT_DPI=170 at scale 1: 1366 x 768 px, the font 170/96 as large
SIZES = {"scale 1.5": (911, 512, 1.0), "16-pt font": (1366, 768, 170 / 96)}
# longer than the whole bar at both sizes, every label given way: on one line, elided in the middle
LONGER_THAN_THE_BAR = ("Esc on the Retraining window", "the training images at the start",
                       "Edit → Draw box mode's status tip")


def _hunts_window(qtbot, window, size: str):
    width, height, font_scale = SIZES[size]
    font = window.font()
    font.setPointSizeF(font.pointSizeF() * font_scale)
    window.setFont(font)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() <= width)
    window.position_label.setText("2 / 540")
    window.model_status.setText(LINE)
    undecided = QToolButton()  # a stand-in for the Retraining window's "New model: not kept yet" button
    undecided.setText("New model: not kept yet")
    undecided.setIcon(undecided.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation))
    undecided.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.add_status_widget(undecided)
    qtbot.waitUntil(lambda: window.model_status.width() > 0)
    return window.statusBar(), window.model_status


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("said", MESSAGES)
def test_each_message_is_shown_whole_or_with_its_start_and_end(qtbot, window, size, said):
    bar, label = _hunts_window(qtbot, window, size)
    message = MESSAGES[said]
    window.show_status(message, 0)
    shown = bar.shown_text()
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_rect().width()  # on its one line
    # the model's label: its least form (every caution in short) or none, never its figures cut
    assert label.width() == 0 or label.contentsRect().width() >= least_width(LINE, label.fontMetrics())
    if said in LONGER_THAN_THE_BAR:  # every label given way, still longer than the bar
        assert label.width() == 0 and window.position_label.width() == 0
        assert bar.is_elided() and shown.startswith(message[:20]) and shown.endswith(message[-20:]), shown
        assert "…" in shown and bar.currentMessage() == message
    else:
        assert shown == message and not bar.is_elided(), shown  # every word of it


def test_a_short_message_leaves_the_labels_whole(qtbot, window):
    bar, label = _hunts_window(qtbot, window, "scale 1.5")
    window.show_status("Saved 1 image.", 0)
    assert bar.shown_text() == "Saved 1 image." and window.position_label.width() > 0
    assert label.contentsRect().width() >= least_width(LINE, label.fontMetrics())
    assert bar.message_rect().right() < window.position_label.x()


def test_the_labels_come_back_whole_when_it_goes(qtbot, window):
    bar, label = _hunts_window(qtbot, window, "scale 1.5")
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least_width(LINE, label.fontMetrics()))
    before = label_shown_text(label)
    window.show_status(MESSAGES["the training images at the start"], 0)
    assert label.width() == 0 and window.position_label.width() == 0
    bar.clearMessage()
    qtbot.waitUntil(lambda: label_shown_text(label) == before)
    assert window.position_label.width() > 0


def test_the_last_label_gives_way_first():
    needs = [LabelNeeds(40, 40), LabelNeeds(60, 20), LabelNeeds(500, 300)]  # a note, the counter, the model's
    assert label_widths(needs, 1000) == [40, 60, 500]
    assert label_widths(needs, 450) == [40, 60, 350]  # the last down to its least form
    assert label_widths(needs, 300) == [40, 60, 0]  # below it: gone whole; the others kept whole
    assert label_widths(needs, 80) == [40, 40, 0]  # the last kept down to its least
    assert label_widths(needs, 10) == [0, 0, 0]
