"""On X11 a floating QDockWidget (the Dataset panel) is a frameless Tool window that draws its own title bar,
so the window manager never frames it and Qt reads no frame margins round it. `fit_into` took every shown
window without margins for one not framed yet and kept 40 px above it for a title bar it never gets: a
floating panel put at the top of the screen jumped down to y=40 (and 8 px right) on every show and resize
(`FloatingDock.keep_on_screen`). A window frameless by its flags is all there is of it: nothing allowed for."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from petloc_gui.ui.dock_toggle import FloatingDock
from petloc_gui.ui.window_geometry import fit_into, frame_margins

AREA = QRect(0, 0, 1366, 768)
AS_ON_X11 = Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint  # Qt's flags for a floating dock there


def _shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert frame_margins(widget).isNull()
    return widget


def test_a_frameless_tool_window_at_the_top_or_bottom_of_the_screen_stays_where_it_is(qtbot):
    window = _shown(qtbot, QWidget(None, AS_ON_X11))
    for place in (QRect(400, 0, 300, 500), QRect(0, AREA.bottom() + 1 - 500, 300, 500)):
        window.setGeometry(place)
        fit_into(window, AREA)
        assert window.geometry() == place


def test_a_frameless_window_past_the_screen_is_brought_back_to_its_edges(qtbot):
    window = _shown(qtbot, QWidget(None, AS_ON_X11))
    window.setGeometry(-30, -20, 300, 900)
    fit_into(window, AREA)
    assert window.geometry() == QRect(0, 0, 300, AREA.height())


def test_a_floating_dock_kept_on_screen_at_the_top_is_not_moved(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    dock = QDockWidget("Dataset", main)
    dock.setWidget(QLabel("12 images"))
    main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    keeper = FloatingDock(dock)
    main.show()
    qtbot.waitExposed(main)
    # its own title bar: Qt floats it frameless, as it floats every dock on X11 (offscreen gives the others frames)
    dock.setTitleBarWidget(QLabel("Dataset"))
    dock.setFloating(True)
    dock.show()
    qtbot.waitExposed(dock)
    assert dock.windowFlags() & Qt.WindowType.FramelessWindowHint and frame_margins(dock).isNull()
    area = keeper.area()
    dock.setGeometry(area.left() + 200, area.top(), 260, 300)
    for _ in range(3):  # each show or resize keeps it on screen
        keeper.keep_on_screen()
        assert (dock.x(), dock.y()) == (area.left() + 200, area.top())
        dock.resize(dock.width() + 10, dock.height())
