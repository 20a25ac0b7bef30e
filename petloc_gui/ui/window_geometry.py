"""Keeping a window inside the screen it is on."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStatusBar, QToolBar, QWidget

FRAME_ALLOWANCE_PX = 16  # window-manager borders, before the first show tells the real size
TITLE_ALLOWANCE_PX = 48  # title bar + borders
SIZE_GRID_BASE = QSize(1, 1)  # any fixed size but (0, 0), which Qt does not send: see `steady_size_grid`


def steady_size_grid(window: QWidget) -> None:
    """Give ``window`` a fixed base size, so that the grid of sizes the window manager keeps it on stays put.

    Under high-DPI scaling Qt's xcb backend asks for resizes in steps of one device-independent pixel in native
    ones (2 px at QT_SCALE_FACTOR=1.5), counted from the base size or, with none given, from the minimum size
    (ICCCM). Every dock or bar shown or hidden, every reload, moves the main window's minimum; openbox then put
    the window on the moved grid, rounding down: a native pixel lost each time (1342x696 -> 1320x682 over a
    session), and the smaller size saved and restored. A floating dock's minimum moves with its contents (the
    Images list's added-images line: 590 -> 584 over three copies and reloads). Counted from a fixed base, a
    window on the grid stays as it is, and a size given off it (restored, or the user's) is put on it once. Set
    on a widget not yet a window (a docked dock), it is sent once the widget floats. Only on X11 (xcb): Qt's
    Cocoa backend sets a window's frame to any valid base size each time it sends the size hints (on every
    minimum size change: each dock shown or hidden), which would shrink a Mac's window to 1x1; Windows and
    Wayland have no such grid."""
    if platform_name() == "xcb":
        window.setBaseSize(SIZE_GRID_BASE)


def platform_name() -> str:
    """Qt's platform plugin ("xcb", "cocoa", "windows", "wayland", "offscreen")."""
    return QGuiApplication.platformName()


def restore_geometry(window: QWidget, saved: QByteArray | None) -> None:
    """``window`` where and as large as it was ``saved`` (if it was), on a size grid that stays put
    (`steady_size_grid`)."""
    steady_size_grid(window)
    if saved is not None:
        window.restoreGeometry(saved)


def fit_into(window: QWidget, area: QRect) -> None:
    """Shrink and move a top-level window (with its frame) into ``area``.

    A size saved on a bigger screen, or at a smaller QT_SCALE_FACTOR, came back
    larger than the screen, with the status bar and the prediction pane out of
    reach. Before the first show the frame's size is unknown, so a typical one
    is allowed for.
    """
    if area.isEmpty():
        return
    extra = frame_extra(window)
    extra_w, extra_h = extra.width(), extra.height()
    # Shown but not framed yet, or half framed (the window manager building the frame: Qt read one 1 px
    # wide, 214 px tall round a 467 px dialog), move() places the contents, not the frame, and the title
    # bar added above them went past the screen's top (the Retrain dialog, grown as it opened at 150%,
    # frame at y=-13). Its contents are placed then, with room kept above them for the title bar and
    # beside them for the borders.
    unframed = window.isVisible() and not _frameless(window) and frame_margins(window).isNull()
    above = extra_h - FRAME_ALLOWANCE_PX // 2 if unframed else 0
    left = FRAME_ALLOWANCE_PX // 2 if unframed else 0
    here = window.geometry().topLeft() if unframed else window.pos()
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(here.x(), area.left() + left), area.right() + 1 - width - (extra_w - left))
    y = min(max(here.y(), area.top() + above), area.bottom() + 1 - height - (extra_h - above))
    if (x, y) != (here.x(), here.y()):
        window.move(x, y)


def _frameless(window: QWidget) -> bool:
    """A window no window manager frames (a floating dock on X11: Qt draws its title bar inside it): all there
    is of it is its contents."""
    return bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)


def frame_extra(window: QWidget) -> QSize:
    """How much wider and taller ``window`` is with its frame (borders, title bar) than its contents: its frame
    margins once the window manager has framed it; before that, or while the frame is half built
    (`frame_margins` reads none), typical ones (`FRAME_ALLOWANCE_PX`, `TITLE_ALLOWANCE_PX`); nothing for a
    window frameless by its flags, which never gets a frame. Given a title bar's room, a floating Dataset panel
    put at the screen's top jumped 40 px down (and 8 px right) on every show and resize."""
    if _frameless(window):
        return QSize(0, 0)
    margins = frame_margins(window)
    return QSize((margins.left() + margins.right()) or FRAME_ALLOWANCE_PX,
                 (margins.top() + margins.bottom()) or TITLE_ALLOWANCE_PX)


def shrink_to_screen(dialog: QWidget, parent: QWidget | None) -> None:
    """Resize ``dialog`` (not yet shown) to at most the available area of its parent's screen, frame allowed
    for: on a small screen or at 150% scale its scrolling body takes what the screen has. Resized only: a
    move() would stop Qt centring it on the window."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        dialog.resize(min(dialog.width(), area.width() - FRAME_ALLOWANCE_PX),
                      min(dialog.height(), area.height() - TITLE_ALLOWANCE_PX))


def beside(owner: QRect, size: QSize, area: QRect) -> QPoint:
    """Where a tool window of ``size`` (frame included) goes first: right of its ``owner``'s frame
    when the screen ``area`` has room there, else left of it, else in the area's bottom-right corner,
    over the owner's edge rather than its middle (the photo the user is reviewing)."""
    top = min(max(owner.top(), area.top()), area.bottom() + 1 - size.height())
    if area.right() - owner.right() >= size.width():
        return QPoint(owner.right() + 1, top)
    if owner.left() - area.left() >= size.width():
        return QPoint(owner.left() - size.width(), top)
    return QPoint(area.right() + 1 - size.width(), area.bottom() + 1 - size.height())


def room_beside(owner: QRect, size: QSize, area: QRect, taken: Sequence[QRect] = ()) -> QPoint | None:
    """A spot for a tool window of ``size`` (frame included) beside its ``owner``'s frame, right of it
    before left, inside the screen ``area``, that none of ``taken`` covers (another floating dock: the
    Images list floated after the Dataset panel went to the same spot and hid it): level with the owner's
    top, else below one of them, else in a column further out beside them; None when there is none."""
    size = QSize(size.width(), min(size.height(), area.height()))  # one taller than the screen: shrunk to it
    top = min(max(owner.top(), area.top()), area.bottom() + 1 - size.height())
    columns = [owner.right() + 1, owner.left() - size.width()]
    columns += sorted((rect.right() + 1 if rect.center().x() > owner.center().x() else rect.left() - size.width()
                       for rect in taken), key=lambda x: abs(x - owner.center().x()))
    tops = [top, *sorted(rect.bottom() + 1 for rect in taken)]
    for x in columns:
        for y in tops:
            spot = QRect(QPoint(x, y), size)
            if area.contains(spot) and not spot.intersects(owner) and not any(spot.intersects(r) for r in taken):
                return spot.topLeft()
    return None


def least_cover(size: QSize, area: QRect, panes: QRect | Sequence[QRect]) -> QPoint:
    """Where a window of ``size`` (frame included) in the screen ``area`` covers the least of ``panes``
    (the photos being reviewed, the tool bars): one of the area's corners, the bottom-right one on a
    tie. Over a maximised main window the corner over the image list wins: the bottom-right one hid
    both panes."""
    right, bottom = area.right() + 1 - size.width(), area.bottom() + 1 - size.height()
    corners = (QPoint(right, bottom), QPoint(area.left(), bottom), QPoint(right, area.top()), area.topLeft())
    parts = [panes] if isinstance(panes, QRect) else list(panes)

    def covered(corner: QPoint) -> int:
        commons = (QRect(corner, size).intersected(part) for part in parts)
        return sum(common.width() * common.height() for common in commons if not common.isEmpty())

    return min(corners, key=covered)


def panes_of(owner: QWidget) -> list[QRect]:
    """The parts of ``owner`` a tool window should leave uncovered, on the screen: a main window's
    central widget (the two image panes) and its tool bars (the tools, the new-classes bar and its
    button: covered, the first run hid them), else all of it."""
    central = owner.centralWidget() if isinstance(owner, QMainWindow) else None
    if central is None or not central.isVisible():
        return [owner.frameGeometry()]
    bars = [QRect(bar.mapToGlobal(QPoint(0, 0)), bar.size()) for bar in owner.findChildren(QToolBar)
            if bar.isVisible() and not bar.isFloating()]
    return [QRect(central.mapToGlobal(QPoint(0, 0)), central.size()), *bars]


def room_between_bars(owner: QWidget, area: QRect) -> QRect:
    """The part of the screen ``area`` a tool window over ``owner`` may take: below a main window's menu
    bar and top tool bars, above its bottom tool bars and its status bar (the run's messages). The
    Retraining window, grown by its result, moved up over the menus, the tools and the new-classes bar."""
    if not isinstance(owner, QMainWindow):
        return area
    top, bottom = area.top(), area.bottom()
    menu, status = owner.menuWidget(), owner.findChild(QStatusBar)
    if menu is not None and menu.isVisible():
        top = max(top, menu.mapToGlobal(QPoint(0, menu.height())).y())
    if status is not None and status.isVisible() and status.parentWidget() is owner:
        bottom = min(bottom, status.mapToGlobal(QPoint(0, 0)).y() - 1)
    for bar in owner.findChildren(QToolBar):
        if not bar.isVisible() or bar.isFloating() or bar.parentWidget() is not owner:
            continue
        place = owner.toolBarArea(bar)
        if place == Qt.ToolBarArea.TopToolBarArea:
            top = max(top, bar.mapToGlobal(QPoint(0, bar.height())).y())
        elif place == Qt.ToolBarArea.BottomToolBarArea:
            bottom = min(bottom, bar.mapToGlobal(QPoint(0, 0)).y() - 1)
    room = QRect(QPoint(area.left(), top), QPoint(area.right(), bottom))
    return room if room.height() >= area.height() // 3 else area  # a screen of tool bars: the screen


def room_of(window: QWidget, owner: QWidget | None, area: QRect) -> QRect:
    """Where in the screen ``area`` a tool ``window`` may grow or be moved to: over its ``owner`` (a main
    window), between its bars (`room_between_bars`), or as far as the user put it past them; else anywhere."""
    frame = window.frameGeometry()
    if owner is None or not frame.intersects(owner.frameGeometry()):
        return area
    room = room_between_bars(owner, area)
    return room.adjusted(0, min(frame.top() - room.top(), 0), 0, max(frame.bottom() - room.bottom(), 0))


def side_strip(room: QRect, panes: Sequence[QRect]) -> int:
    """How wide the widest strip of ``room`` left or right of the first of ``panes`` (the photos) is: where
    the image list lies beside them, all a tool window covers there is the list."""
    if not panes:
        return room.width()
    photos = panes[0]
    return max(photos.left() - room.left(), room.right() - photos.right(), 0)


def frame_margins(window: QWidget) -> QMargins:
    """How far ``window``'s frame (title bar, borders) reaches past its contents; none until the window
    manager has framed it, nor while the frame Qt reads does not hold the contents (being built)."""
    frame, inner = window.frameGeometry(), window.geometry()
    if not frame.contains(inner):
        return QMargins()
    return QMargins(inner.left() - frame.left(), inner.top() - frame.top(), frame.right() - inner.right(),
                    frame.bottom() - inner.bottom())
