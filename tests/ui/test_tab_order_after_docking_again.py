"""Tab after a dock floated and docked again goes where it went before (`dock_tab_place`).

Qt puts a dock's widgets back at the end of the window's focus chain when it docks again: after the Images
list had floated and docked, Tab from the image went to the Label box before the list's search box, and
Shift+Tab the other way round; once that was kept, it went wrong again the second time a dock floated and docked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from petloc_gui.ui.dock_tab_place import tab_stops
from petloc_gui.ui.tab_chain import next_tab_stop

from .conftest import destroy_window, open_and_wait


def _walk(window, forward: bool, steps: int = 12) -> list[str]:
    """The widgets Tab (or Shift+Tab) stops on from the image, named."""
    window.panel.gt_pane.setFocus()
    stops = []
    for _ in range(steps):
        target = next_tab_stop(window, forward)
        if target is None:
            break
        target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        stops.append(f"{type(target).__name__} {target.objectName()} {target.accessibleName()}")
    return stops


@pytest.mark.parametrize(("dock_name", "stop_in_it"), [("file_dock", "Search images"),
                                                      ("dataset_panel", "Dataset figures")])
def test_a_dock_floated_and_docked_again_keeps_its_place_in_the_tab_order(qtbot, window, folder, dock_name,
                                                                          stop_in_it):
    open_and_wait(qtbot, window, folder)
    dock = getattr(window, dock_name)
    if not dock.isVisible():
        dock.show()
        dock.raise_()
    qtbot.waitUntil(dock.isVisible, timeout=5000)
    forward, backward = _walk(window, True), _walk(window, False)
    assert any(stop_in_it in stop for stop in forward)  # the walk reaches the dock
    stops = tab_stops(dock)
    button = dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton")
    for round_ in range(3):  # the second round put the stops after the Label box (the walk began at the dock)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # as a user floats it
        qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible(), timeout=5000)
        if round_ == 1:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # docked again by its button
        else:
            dock.setFloating(False)
        qtbot.waitUntil(lambda: not dock.isFloating(), timeout=5000)
        qtbot.wait(50)  # the place is put back once Qt has docked it (a zero timer)
        assert _walk(window, True) == forward, f"round {round_ + 1}"
        assert _walk(window, False) == backward, f"round {round_ + 1}"
        assert tab_stops(dock) == stops, f"round {round_ + 1}"  # those inside another one too (the summary)


def test_the_images_list_floated_by_a_double_click_on_its_title_keeps_its_place_too(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dock = window.file_dock
    forward, backward = _walk(window, True), _walk(window, False)
    title = dock.mapTo(window, QPoint(dock.width() // 2, 6))
    QTest.mouseDClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, title)
    qtbot.waitUntil(dock.isFloating, timeout=5000)
    dock.setFloating(False)
    qtbot.waitUntil(lambda: not dock.isFloating(), timeout=5000)
    qtbot.wait(50)
    assert _walk(window, True) == forward
    assert _walk(window, False) == backward


@pytest.mark.parametrize(("dock_name", "stop_in_it"), [("file_dock", "Search images"),
                                                      ("dataset_panel", "Dataset figures")])
def test_a_dock_the_saved_layout_floats_keeps_its_place_when_docked_again(qtbot, factory, folder, tmp_path,
                                                                         dock_name, stop_in_it):
    """Floated by the saved layout as the window is made (no press on its title or float button, which is when
    the place was recorded), then docked: Tab from the image went to the Label box before the list."""
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    path = str(tmp_path / "settings.ini")

    def made() -> MainWindow:
        made_window = MainWindow(model_factory=factory, settings=Settings(path))
        made_window.resize(1200, 800)
        made_window.show()
        qtbot.waitExposed(made_window)
        open_and_wait(qtbot, made_window, folder)
        return made_window

    first = made()
    dock = getattr(first, dock_name)
    if not dock.isVisible():
        dock.show()
        dock.raise_()
    qtbot.waitUntil(dock.isVisible, timeout=5000)
    forward, backward = _walk(first, True), _walk(first, False)
    assert any(stop_in_it in stop for stop in forward)
    dock.setFloating(True)
    qtbot.waitUntil(dock.isFloating, timeout=5000)
    destroy_window(first)  # its layout saved, the dock floating

    again = made()
    try:
        dock = getattr(again, dock_name)
        assert dock.isFloating() and dock.isVisible()  # floated by restoreState, no press
        dock.setFloating(False)
        qtbot.waitUntil(lambda: not dock.isFloating(), timeout=5000)
        qtbot.wait(50)  # the place is put back once Qt has docked it (a zero timer)
        # the dock's own stops (Qt's dock-area tab bar, made as the panel docks into a tab again, is no stop of it)
        assert _without_tab_bars(_walk(again, True)) == _without_tab_bars(forward)
        assert _without_tab_bars(_walk(again, False)) == _without_tab_bars(backward)
    finally:
        destroy_window(again)


def _without_tab_bars(stops: list[str]) -> list[str]:
    return [stop for stop in stops if not stop.startswith("QTabBar")]
