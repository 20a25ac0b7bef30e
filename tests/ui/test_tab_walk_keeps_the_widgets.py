"""Tab and Shift+Tab (`tab_chain.next_tab_stop`) leave no widget of the window to the garbage collector.

PySide records the widget ``nextInFocusChain()`` or ``focusProxy()`` returns as the child of the one it was called
on; the walk tied the wrappers in Tab order and into loops nothing else held (a scroll area and its viewport, each
the other's). The collector freed such a loop, and PySide, clearing it, deleted some of its widgets in the live
window (which depends on the order it clears them in): the Dataset panel's figures went from under the keyboard
after Tab to its "N problems" link ("Internal C++ object (SummaryLabel) already deleted", or a crash), in some
runs of its tests. Here a collection that frees nothing shows every widget's wrapper still held."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from petloc_gui.ui.tab_chain import next_tab_stop

from .test_dataset_panel_keys import _panel_shown_on_image_c, _tab


def _live_widgets_unheld() -> list[str]:
    """The live widgets whose Python wrappers a collection would free (left uncollected when there are any:
    freed, they could delete their widgets under the rest of the test)."""
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collection finds is kept, in gc.garbage, not freed
    try:
        gc.collect()
    finally:
        gc.set_debug(0)
    found = [f"{type(o).__name__}({o.objectName()!r})" for o in gc.garbage
             if isinstance(o, QWidget) and shiboken6.isValid(o)]
    if not found:
        gc.garbage.clear()
    return found


def test_tab_and_shift_tab_over_a_scroll_area_leave_no_widget_unheld(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.addWidget(QLineEdit())
    body = QWidget()  # as the Dataset panel's: held by nothing but the scroll area
    QVBoxLayout(body).addWidget(QLabel("figures"))
    scroll = QScrollArea()
    scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    scroll.setWidget(body)
    layout.addWidget(scroll)
    layout.addWidget(QLineEdit())
    window.show()
    del body, scroll, layout
    for forward in (True, True, True):  # the first field, the scroll area, the last field
        stop = next_tab_stop(window, forward)
        assert stop is not None
        stop.setFocus(Qt.FocusReason.TabFocusReason)
        del stop
    assert _live_widgets_unheld() == []


def test_tab_to_the_problems_link_leaves_no_widget_unheld(qtbot, window, folder):
    (folder / "f.heic").write_bytes(b"\0" * 64)  # "1 problem": a link Tab stops on
    panel = _panel_shown_on_image_c(qtbot, window, folder)[0]  # (not its scroll bar: a wrapper kept holds others)
    assert _tab(qtbot) is panel.widget()
    assert _tab(qtbot) is panel.summary
    assert _live_widgets_unheld() == []
    assert shiboken6.isValid(panel.summary) and panel.summary.isVisible()
