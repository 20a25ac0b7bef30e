"""The Dataset panel's scrolled body: one Tab stop that shows it has the keyboard and scrolls by the keys.

The panel's figures and charts are taller than it at small sizes and scales. Its scroll area was a Tab
stop already (Tab from the image went there first), frameless and unmarked, and its keys were the
window's: Down to scroll nudged the image's box (saved with the next save), PgDown showed the next image.
`focused_widget_keys` leaves the arrows and Home/End/PgUp/PgDown to a scroll area and to what is in it;
here they scroll, and a frame in the highlight colour, as round the image pane with the keyboard, says
where they act. (The Retrain dialog's and Retraining window's scroll areas are no Tab stops: every part
of them has one of its own, and Qt scrolls the one focused into view. Here the figures and charts have no
keys: without a stop of its own, the keyboard could not scroll the panel.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from petloc_gui.ui.canvas.box_canvas import FOCUS_FRAME_PX


def focus_mark(name: str) -> str:
    """The style of the scroll area named ``name``: a frame while it has the keyboard; without, one of the
    same width, transparent, so the contents do not move as the mark comes and goes."""
    return (f"QScrollArea#{name} {{ border: {FOCUS_FRAME_PX}px solid transparent; }} "
            f"QScrollArea#{name}:focus {{ border: {FOCUS_FRAME_PX}px solid palette(highlight); }}")


class ScrolledPanel(QScrollArea):
    """``body`` scrolled, as wide as the panel, named ``said`` for a screen reader; a Tab stop, marked while it
    has the keyboard. The arrows and PgUp/PgDown scroll it (Qt's), Home and End go to its top and its end."""

    _restyling = False  # applying its sheet again (`changeEvent`)

    def __init__(self, body: QWidget, name: str, said: str) -> None:
        super().__init__(widgetResizable=True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName(name)
        self.setAccessibleName(said)  # a Tab stop: a screen reader said nothing where it landed
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(focus_mark(name))
        self.setWidget(body)

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        # A widget with a style sheet, and what it holds, keep the palette they had when the sheet was applied:
        # the panel's text stayed black once the application's palette turned dark. Applied again, the sheet
        # takes the new one (which sends this widget a palette change again: not applied a third time).
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and not self._restyling:
            self._restyling = True
            try:
                self.setStyleSheet("")
                self.setStyleSheet(focus_mark(self.objectName()))
            finally:
                self._restyling = False
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)
