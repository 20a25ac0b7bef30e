"""Tab and Shift+Tab stop only on what the window shows. Qt's dock layout parks a dock that is a tab behind
another, and the tab bar of a dock area left with one dock, outside the window, "visible" to Qt: with
the Dataset tab in front, Tab from the image walked through the hidden image list (typed "zzz" filtered
it unseen), and in every layout one Tab stop was the tab bar parked at (-600, -530)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from petloc_gui.ui.tab_chain import parked

from .conftest import open_and_wait


def _seen(widget: QWidget) -> bool:
    """Shown, and within its window (a parked dock or tab bar lies above and left of it)."""
    window = widget.window()
    return widget.isVisible() and QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).intersects(window.rect())


def _tab_stops(qtbot, window, key=Qt.Key_Tab) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) gives the focus to, from the image round to it again."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.focus_canvas()
    start = window.panel.gt_pane
    qtbot.waitUntil(start.hasFocus, timeout=3000)
    stops: list[QWidget] = []
    for _ in range(40):
        qtbot.keyClick(window.focusWidget(), key)
        if window.focusWidget() is start:
            return stops
        stops.append(window.focusWidget())
    raise AssertionError(f"Tab never came back to the image: {stops}")


def _show_the_dataset_panel(qtbot, window) -> None:
    """Ctrl+I: the Dataset tab in front of the Images tab, its figures computed (a computation still
    running as the window closes reports to a panel gone)."""
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: window.dataset_panel.stats is not None, timeout=10_000)


def _describe(widgets) -> list[str]:
    return [f"{type(w).__name__} {w.accessibleName()!r} at {w.mapTo(w.window(), w.rect().topLeft()).toTuple()}"
            for w in widgets]


def test_tab_with_the_dataset_tab_in_front_skips_the_image_list_behind_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _show_the_dataset_panel(qtbot, window)
    dock = window.file_dock
    qtbot.waitUntil(lambda: _seen(window.dataset_panel) and not _seen(dock), timeout=3000)
    for key in (Qt.Key_Tab, Qt.Key_Backtab):
        stops = _tab_stops(qtbot, window, key)
        unseen = [w for w in stops if not _seen(w)]
        assert not unseen, _describe(unseen)
        assert not any(dock.isAncestorOf(w) for w in stops), _describe(stops)
        assert any(window.dataset_panel.isAncestorOf(w) for w in stops)  # the panel in front is reached
    window.act["image_list"].trigger()  # the Images tab in front again: its search box is a Tab stop
    qtbot.waitUntil(lambda: _seen(dock.search), timeout=3000)
    assert dock.search in _tab_stops(qtbot, window)


def test_the_tab_bar_parked_outside_the_window_is_no_tab_stop(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    bars = window.findChildren(QTabBar)
    assert any(parked(bar, window) and bar.isVisible() for bar in bars)  # the Dataset panel closed
    for key in (Qt.Key_Tab, Qt.Key_Backtab):
        stops = _tab_stops(qtbot, window, key)
        unseen = [w for w in stops if not _seen(w)]
        assert not unseen, _describe(unseen)
        assert window.file_dock.search in stops and window.file_dock.view in stops


def test_a_tab_bar_shown_between_two_docks_stays_a_tab_stop(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _show_the_dataset_panel(qtbot, window)
    qtbot.waitUntil(lambda: any(_seen(bar) for bar in window.findChildren(QTabBar)), timeout=3000)
    shown = [bar for bar in window.findChildren(QTabBar) if _seen(bar)]
    assert any(bar in _tab_stops(qtbot, window) for bar in shown)  # the arrow keys switch the two tabs there


def test_parked_is_about_lying_outside_the_parent():
    parent = QWidget()
    parent.resize(200, 100)
    inside, outside = QWidget(parent), QWidget(parent)
    inside.setGeometry(10, 10, 50, 20)
    outside.setGeometry(-600, -530, 100, 30)  # where Qt parks a dock area's unused tab bar
    grandchild = QWidget(outside)
    grandchild.setGeometry(0, 0, 10, 10)
    assert not parked(inside, parent) and parked(outside, parent) and parked(grandchild, parent)
    assert not parked(parent, parent)
