"""With the Dataset panel's keyboard (Ctrl+I, then Tab from the image), the arrows and PgUp/PgDown/Home/End scroll
the panel, and the place they act is marked. Its scroll area, its summary and its box-size chart were the first
three Tab stops after the image, none marked, and their keys the window's: Down, to scroll, nudged the image's
box ("● unsaved", saved by the next save or autosave), Alt+Down resized it, PgDown/PgUp/Home/End showed another
image. The chart, a picture, is no Tab stop now, nor the summary unless it holds the "N problems" link (Tab
shows the link, Enter lists them); from either the keys scroll the panel, never move the box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGraphicsView, QLabel, QListWidget, QScrollArea, QVBoxLayout, QWidget

from petloc_gui.core.boxes import Box
from petloc_gui.ui.focused_widget_keys import keeps_key

from .conftest import open_and_wait

NONE = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
C_BOX = Box(20, 20, 60, 60)  # c.png's box


def _panel_shown_on_image_c(qtbot, window, folder):
    """c.png shown, its box selected, the Dataset panel in front with its figures, the keyboard on the image; the
    window short enough that the panel scrolls (a 1024x700 screen, less its bars)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.resize(1000, 420)
    open_and_wait(qtbot, window, folder)
    window.show_row(2)
    window.edits.select(0)
    panel = window.dataset_panel
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: panel.stats is not None and panel.isVisible(), timeout=10_000)
    window.focus_canvas()
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    bar = panel.widget().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)  # there is something to scroll
    return panel, bar, window.session.store.document(2)


def _press(qtbot, key, modifier=NONE):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _tab(qtbot):
    _press(qtbot, Qt.Key_Tab)
    return QApplication.focusWidget()


def _image_untouched(window, doc) -> bool:
    return window.session.current == 2 and doc.objects[0].box == C_BOX and not doc.dirty and not window.edits.doc.dirty


def _marked(widget) -> bool:
    """The highlight colour along the widget's left edge, halfway down."""
    image = widget.grab().toImage()
    return image.pixelColor(0, image.height() // 2) == widget.palette().color(QPalette.ColorRole.Highlight)


def test_tab_from_the_image_reaches_the_panel_marked_whose_keys_scroll_it(qtbot, window, folder):
    panel, bar, doc = _panel_shown_on_image_c(qtbot, window, folder)
    scroll = panel.widget()
    assert not _marked(scroll)
    assert _tab(qtbot) is scroll
    assert _marked(scroll)
    _press(qtbot, Qt.Key_Down)
    assert bar.value() > 0 and _image_untouched(window, doc)
    _press(qtbot, Qt.Key_Up)
    assert bar.value() == 0 and _image_untouched(window, doc)
    _press(qtbot, Qt.Key_PageDown)
    assert bar.value() > 0 and _image_untouched(window, doc)
    _press(qtbot, Qt.Key_Home)
    assert bar.value() == 0 and _image_untouched(window, doc)
    _press(qtbot, Qt.Key_End)
    assert bar.value() == bar.maximum() and _image_untouched(window, doc)
    _press(qtbot, Qt.Key_PageUp)
    assert bar.value() < bar.maximum() and _image_untouched(window, doc)
    for key in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Down, Qt.Key_Up):  # nudge fast, resize, move the left/top edge
        for modifier in (SHIFT, ALT, ALT | SHIFT):
            _press(qtbot, key, modifier)
            assert _image_untouched(window, doc), (key, modifier)
    assert QApplication.focusWidget() is scroll


def test_the_chart_and_the_summary_without_a_link_are_no_tab_stops(qtbot, window, folder):
    panel, _bar, _doc = _panel_shown_on_image_c(qtbot, window, folder)
    assert not panel.stats.problems
    assert _tab(qtbot) is panel.widget()
    after = _tab(qtbot)
    assert not panel.isAncestorOf(after), after  # the next stop is outside the panel
    assert panel.size_chart.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_problems_link_is_a_tab_stop_whose_arrows_scroll_the_panel(qtbot, window, folder):
    (folder / "f.heic").write_bytes(b"\0" * 64)  # a format petloc does not read: "1 problem"
    panel, bar, doc = _panel_shown_on_image_c(qtbot, window, folder)
    assert len(panel.stats.problems) == 1
    assert _tab(qtbot) is panel.widget()
    assert _tab(qtbot) is panel.summary
    assert panel.summary.selectedText() == "1 problem"  # the link shown at once (Qt's: at a second Tab)
    _press(qtbot, Qt.Key_Return)
    assert panel.problems.isVisibleTo(panel) and QApplication.focusWidget() is panel.summary  # listed
    _press(qtbot, Qt.Key_Down)
    assert bar.value() > 0 and _image_untouched(window, doc)
    _press(qtbot, Qt.Key_PageDown)
    _press(qtbot, Qt.Key_Home)
    assert bar.value() == 0 and _image_untouched(window, doc)
    _press(qtbot, Qt.Key_End)
    assert bar.value() == bar.maximum() and _image_untouched(window, doc)


def test_a_clicked_summary_passes_the_arrows_to_the_panel(qtbot, window, folder):
    panel, bar, doc = _panel_shown_on_image_c(qtbot, window, folder)
    panel.summary.setFocus(Qt.MouseFocusReason)  # a click on its text (to select some) gives it the keyboard
    qtbot.waitUntil(panel.summary.hasFocus, timeout=2000)
    _press(qtbot, Qt.Key_Down)
    assert bar.value() > 0 and _image_untouched(window, doc)
    _press(qtbot, Qt.Key_PageUp)
    assert bar.value() == 0 and _image_untouched(window, doc)


def test_a_scroll_area_and_what_is_in_it_keep_the_arrows_and_paging_an_image_view_does_not(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    scroll, label, rows, alone, view = QScrollArea(), QLabel("figures"), QListWidget(), QListWidget(), QGraphicsView()
    body = QWidget()
    QVBoxLayout(body).addWidget(label)
    body.layout().addWidget(rows)
    scroll.setWidget(body)
    layout = QVBoxLayout(host)
    for widget in (scroll, alone, view):
        layout.addWidget(widget)
    moving = (Qt.Key_Up, Qt.Key_Down, Qt.Key_Left, Qt.Key_Right, Qt.Key_PageUp, Qt.Key_PageDown, Qt.Key_Home,
              Qt.Key_End)
    for widget in (scroll, label, rows):
        assert all(keeps_key(widget, key, NONE) for key in moving), widget
        assert not keeps_key(widget, Qt.Key_Space, NONE)  # next to review, as ever
        assert not keeps_key(widget, Qt.Key_Down, Qt.KeyboardModifier.ControlModifier)  # a command
    # elsewhere, as before: a list walks with the arrows and leaves paging to the window (the image list's
    # first, last, next and previous image); an image pane (a QGraphicsView) leaves the window every key
    assert keeps_key(alone, Qt.Key_Down, NONE) and not keeps_key(alone, Qt.Key_PageDown, NONE)
    assert not any(keeps_key(view, key, NONE) for key in moving)
