"""A status message that replaces another is drawn on a clean line. After Discard was refused, the message ended
"…the current model is unchang6s)." / "…unchangess).": the tail of the message before ("…Show training progress).")
stayed under the new one for its time. QStatusBar repaints its own message's rect, which ends at its first
permanent widget shown, 0 px wide here (each label given way to the message), a few pixels left of where
`StatusLine` draws the message's end (the size grip). `QWidget.grab` paints the bar afresh and cannot see this; the
window's backing store, as the screen shows it, can."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

FIRST = ("Training finished: new model version pets-20261206T100017Z-0a9d92, compared with the current one in the "
         "Retraining window (Model → Show training progress).")
FORMAT = QImage.Format.Format_RGB32
SECOND = ("The new model (pets-20261206T100017Z-0a9d92) is kept, not deleted: it is the model this folder uses: "
          "/work/s38/h2/pets (picked in Model → Versions, maybe in another window); another petloc window has it "
          "loaded as its model (process 31410). It stays in Model → Versions; the current model is unchanged.")


def _on_screen(window, bar):
    """The bar as the screen shows it (the window's backing store)."""
    shown = window.screen().grabWindow(window.winId()).toImage()
    return shown.copy(QRect(bar.mapTo(window, bar.rect().topLeft()), bar.size())).convertToFormat(FORMAT)


def _afresh(bar) -> QImage:
    return bar.grab().toImage().convertToFormat(FORMAT)


def _columns_differing(one: QImage, other: QImage) -> list[int]:
    return [x for x in range(one.width()) if any(one.pixel(x, y) != other.pixel(x, y) for y in range(one.height()))]


def test_a_message_replacing_another_leaves_nothing_of_it(qtbot, window):
    window.resize(911, 512)  # QT_SCALE_FACTOR=1.5 on a 1366 px screen
    qtbot.waitUntil(lambda: window.width() <= 911)
    window.position_label.setText("5 / 30")
    window.model_status.setText("Model: pets (acc 1.000 · IoU 0.819 on 48 test images · 15/30 trained on)")
    qtbot.waitExposed(window)
    bar = window.statusBar()
    window.show_status(FIRST, 0)
    qtbot.wait(100)  # painted
    window.show_status(SECOND, 3000)
    assert bar.is_elided() and window.model_status.width() == 0  # longer than the bar: every label given way
    qtbot.wait(100)  # the repaint
    # as the bar drawn afresh: the message's end (up to the size grip) too
    assert _columns_differing(_on_screen(window, bar), _afresh(bar)) == []

