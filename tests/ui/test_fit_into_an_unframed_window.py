"""At QT_SCALE_FACTOR=1.5 on a 1366 x 768 screen the Retrain dialog's title bar was once above the screen (frame at
y=-13): grown as it opened (its held-out list arrived), it was moved up by `fit_into` before the window manager had
framed it, when move() places a window's contents, not its frame, and the title bar then added above them went
past the screen's top, or while it was building the frame (Qt then read a frame smaller than the dialog). A shown
window with no frame yet, or half a frame, is kept far enough below the top for a title bar."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from petloc_gui.ui.window_geometry import FRAME_ALLOWANCE_PX, TITLE_ALLOWANCE_PX, fit_into, frame_margins


def test_a_shown_unframed_window_moved_up_leaves_room_for_its_title_bar():
    # no frame, as a window shown but not yet framed by the window manager (offscreen frames them at once;
    # a frameless one is never framed, `test_fit_into_a_frameless_window.py`)
    area = QRect(0, 0, 800, 600)
    window = NotFramedYet(QRect(-5, 300, 400, area.height() - TITLE_ALLOWANCE_PX))  # its bottom past the screen's
    assert frame_margins(window).isNull()
    fit_into(window, area)
    inside = window.geometry()
    assert inside.top() >= area.top() + TITLE_ALLOWANCE_PX - FRAME_ALLOWANCE_PX, inside  # a title bar's room
    assert inside.bottom() <= area.bottom() and inside.left() > area.left(), inside  # and its borders'


def test_a_window_not_shown_yet_is_placed_by_its_frame_as_before(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(100, 300, 400, 200)
    fit_into(window, QRect(0, 0, 800, 400))  # move() then places the frame, the title allowed for below it
    assert window.y() == 400 - 200 - TITLE_ALLOWANCE_PX


class NotFramedYet:
    """A shown window the window manager has not framed yet (Qt reads its frame as its contents); move() places
    its contents, as Qt does with frame margins it reads as none."""

    def __init__(self, inner: QRect) -> None:
        self.inner = QRect(inner)

    def isVisible(self) -> bool:  # noqa: N802 - Qt's names, from here on
        return True

    def windowFlags(self) -> Qt.WindowType:  # noqa: N802
        return Qt.WindowType.Dialog  # one the window manager frames

    def geometry(self) -> QRect:
        return QRect(self.inner)

    def frameGeometry(self) -> QRect:  # noqa: N802
        return QRect(self.inner)

    def pos(self):
        return self.frameGeometry().topLeft()

    def width(self) -> int:
        return self.inner.width()

    def height(self) -> int:
        return self.inner.height()

    def resize(self, width: int, height: int) -> None:
        self.inner.setSize(QSize(width, height))

    def move(self, x: int, y: int) -> None:
        self.inner.moveTopLeft(QPoint(x, y))


class HalfFramedDialog(NotFramedYet):
    """A shown window as Qt saw the Retrain dialog while openbox built its frame (frame 1 px wide, 214 px tall
    round a 560 x 467 dialog)."""

    def __init__(self) -> None:
        super().__init__(QRect(0, 133, 560, 467))

    def frameGeometry(self) -> QRect:  # noqa: N802
        return QRect(self.inner.x(), self.inner.y(), 1, 214)


def test_a_half_framed_window_is_placed_by_its_contents_with_room_for_its_title_bar():
    dialog = HalfFramedDialog()
    area = QRect(0, 0, 911, 512)  # 1366 x 768 at 150%
    assert frame_margins(dialog).isNull()  # a frame that does not hold the window is no frame
    fit_into(dialog, area)
    inside = dialog.geometry()
    assert inside.top() >= area.top() + TITLE_ALLOWANCE_PX - FRAME_ALLOWANCE_PX, inside
    assert inside.bottom() <= area.bottom(), inside
    assert inside.left() > area.left() and inside.right() < area.right(), inside  # its borders' room
