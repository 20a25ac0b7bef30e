"""A status message longer than the status bar: elided in the middle, whole in its tooltip. QStatusBar cut it
at the first permanent widget, and a failed save lost the part that says why. (The permanent labels give way to a
message first: test_status_line_message_whole; this one is longer than all the bar.)"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from petloc_gui.ui.status_line import tooltip_html

# longer than all a 900 px window's bar, every label given way to it
LONG = ("Save failed: /home/user/datasets/" + "very/long/folder/name/for/the/camera/" * 2
        + "IMG_20261201_000042.xml: [Errno 13] Permission denied")


def _narrow(qtbot, window):
    window.resize(900, 600)
    qtbot.waitUntil(lambda: window.width() <= 900)
    window.show_status(LONG, 0)
    bar = window.statusBar()
    assert bar.fontMetrics().horizontalAdvance(LONG) > bar.message_rect().width()  # it does not fit
    return bar


def test_a_long_message_keeps_its_start_and_its_end(qtbot, window):
    bar = _narrow(qtbot, window)
    shown = bar.shown_text()
    assert shown.startswith("Save failed: /home/") and shown.endswith("Permission denied") and "…" in shown
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_rect().width()
    label = window.model_status
    assert label.width() == 0 or bar.message_rect().right() < label.x()  # given way to it, or not under it
    assert bar.currentMessage() == LONG  # for whoever reads it back


def test_it_is_drawn_as_shown_text_says(qtbot, window):
    bar = _narrow(qtbot, window)
    drawn = bar.grab().toImage()
    bar.showMessage(bar.shown_text())  # fits: drawn as it is
    assert bar.grab().toImage() == drawn


def test_hovering_it_shows_all_of_it(qtbot, window):
    bar = _narrow(qtbot, window)
    at = bar.message_rect().center()
    QApplication.sendEvent(bar, QHelpEvent(QEvent.Type.ToolTip, at, bar.mapToGlobal(at)))
    assert QToolTip.isVisible() and QToolTip.text() == tooltip_html(LONG)
    QToolTip.hideText()


def test_a_message_that_fits_has_no_tooltip_of_its_own(qtbot, window):
    window.show_status("Saved 1 image.", 0)
    bar = window.statusBar()
    assert bar.shown_text() == "Saved 1 image." and not bar.is_elided()
    QToolTip.hideText()
    at = QPoint(20, bar.height() // 2)
    QApplication.sendEvent(bar, QHelpEvent(QEvent.Type.ToolTip, at, bar.mapToGlobal(at)))
    assert not QToolTip.isVisible()


def test_the_tooltip_wraps_even_inside_a_path():
    assert tooltip_html("a <b> /x/y") == "<p dir='ltr'>a &lt;b&gt; /&#8203;x/&#8203;y</p>"
