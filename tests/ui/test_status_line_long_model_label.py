"""A long model label on the status line gives way to a message: with its figures' marks ("15 of 16 hold boxes
accepted from a model; too few images to tell models apart") it left a message ~380 px, cut in the middle; held to a
third or half of the bar since, it still cut the hunt's messages to ~25 characters at scale 1.5. Beside a message
it keeps its least form or none (`status_label_room`); with none, in a narrow window, it is shortened (the figures
and their short marks kept: `test_status_line_compact_model_label`), whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from petloc_gui.app.model_metrics import ACCEPTED_KEY
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.model_label_fit import least_width, loaded_line
from petloc_gui.ui.status_line import LABEL_SHARE, label_elided, label_shown_text, tooltip_html

# as the window sends it (`loaded_line`): its text, and the figures' parts, each caution's short form built with it
FIGURES = {"accuracy": 0.938, "mean_iou": 0.839, "n_images": 16, ACCEPTED_KEY: {"n_images": 15, "n_scored": 16}}
MODEL = loaded_line(ModelInfo(spec="digits", name="digits d-2", path=None, version_id="v", metrics=FIGURES))


def test_the_label_is_the_one_the_window_shows():
    assert MODEL == ("Model: digits d-2 (acc 0.938 · IoU 0.839 on 16 validation images (15 of 16 hold boxes accepted "
                     "from a model; too few images to tell models apart))")
MESSAGE = "Accepted the model's box for IMG_20261201_000042.jpg: cat (0.93); 3 images left to review"


def _long_label(qtbot, window):
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: window.width() <= 1000)
    window.model_status.setText(MODEL)
    window.show_status(MESSAGE, 0)  # laid out before it returns
    return window.statusBar()


def test_the_message_keeps_the_bar(qtbot, window):
    bar = _long_label(qtbot, window)
    label = window.model_status
    # what the message leaves is less than the label's least form (its figures, their count and every caution in
    # short): it gives way whole, the message whole
    assert label.width() == 0
    assert bar.shown_text() == MESSAGE and not bar.is_elided()
    bar.clearMessage()  # and it comes back
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least_width(MODEL, label.fontMetrics()))


def test_the_label_is_shortened_and_whole_in_its_tooltip(qtbot, window):
    window.resize(683, 600)  # 1024 px at scale 1.5, no message: the bar beside the counter holds no least form
    qtbot.waitUntil(lambda: window.width() <= 683)
    label = window.model_status
    label.setText(MODEL)
    qtbot.waitUntil(lambda: label.width() >= window.statusBar().width() // 2 and label_elided(label))
    shown = label_shown_text(label)
    # the figures, their count and the short marks before the name; cut at its end only then (the whole in the tooltip)
    assert shown.startswith("Model: ") and (
        "(acc 0.938 · IoU 0.839 on 16 validation images · 15/16 accepted · " in shown), shown
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.text() == MODEL and window.model_status_text() == MODEL  # read back whole
    at = label.rect().center()
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, at, label.mapToGlobal(at)))
    assert QToolTip.isVisible() and QToolTip.text() == tooltip_html(MODEL)
    QToolTip.hideText()


def test_a_short_label_is_drawn_whole(qtbot, window):
    _long_label(qtbot, window)
    window.model_status.setText("Model: pets")
    # beside the message now (whole: it fits)
    qtbot.waitUntil(lambda: 0 < window.model_status.width() < window.statusBar().width() // LABEL_SHARE)
    assert label_shown_text(window.model_status) == "Model: pets"
