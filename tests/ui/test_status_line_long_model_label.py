"""A long model label on the status line takes at most a third of it (or what its compact form needs, up to half:
`test_status_line_compact_model_label`), shortened and whole in its tooltip: with its figures' marks ("15 of 16 hold
boxes accepted from a model; too few images to tell models apart") it left a message ~380 px, cut in the middle."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from petloc_gui.app.model_metrics import ACCEPTED_KEY
from petloc_gui.ui.model_label_fit import loaded_line
from petloc_gui.ui.models.model_handle import ModelInfo
from petloc_gui.ui.status_line import LABEL_SHARE, label_shown_text, label_width_cap, tooltip_html

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
    window.show_status(MESSAGE, 0)
    bar = window.statusBar()
    label = window.model_status
    # laid out: as wide as its text, or its share of the bar (what its compact form needs)
    qtbot.waitUntil(lambda: label.width() >= min(label.sizeHint().width(), label_width_cap(label, bar.width())))
    return bar


def test_the_message_keeps_most_of_the_bar(qtbot, window):
    bar = _long_label(qtbot, window)
    label = window.model_status
    assert label.width() <= label_width_cap(label, bar.width()) <= bar.width() // 2
    # the half the label leaves at most, less the size grip and the margins; in a 1000 px bar the label's least form
    # (its figures, their count and every caution in short) takes its half: a message longer than the rest is
    # elided in its middle, its start and its end in view (whole in its tooltip: test_status_line_long_message)
    assert bar.message_rect().width() >= bar.width() * 2 // 5
    shown = bar.shown_text()
    assert shown == MESSAGE or (shown.startswith(MESSAGE[:20]) and shown.endswith(MESSAGE[-20:]) and "…" in shown)
    assert bar.message_rect().right() < label.x()


def test_the_label_is_shortened_and_whole_in_its_tooltip(qtbot, window):
    bar = _long_label(qtbot, window)
    label = window.model_status
    shown = label_shown_text(label)
    # the figures, their count and the short marks before the name; cut at its end only then (the whole in the tooltip)
    assert shown.startswith("Model: … (acc 0.938 · IoU 0.839 on 16 validation images · 15/16 accepted · ")
    assert shown.endswith("…")
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.text() == MODEL and window.model_status_text() == MODEL  # read back whole
    at = label.rect().center()
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, at, label.mapToGlobal(at)))
    assert QToolTip.isVisible() and QToolTip.text() == tooltip_html(MODEL)
    QToolTip.hideText()
    assert bar.message_rect().width() > 0


def test_a_short_label_is_drawn_whole(qtbot, window):
    _long_label(qtbot, window)
    window.model_status.setText("Model: pets")
    qtbot.waitUntil(lambda: window.model_status.width() < window.statusBar().width() // LABEL_SHARE)
    assert label_shown_text(window.model_status) == "Model: pets"
