"""The arrow keys (Shift+, Alt+ and Alt+Shift+arrows too), Space and Home/End/PgUp/PgDown act on the widget
that has the keyboard when it is a text box, a drop-down, a spin box, a list or table, or (Space) a button:
they were the window's shortcuts everywhere, so Down in the search box, the "All statuses" or Sort drop-down
or the Label box moved the image's box without a word (saved with the next save), Alt+Down there resized
it, and Space on a drop-down went to the next image. On the image they still move the box and go on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QSpinBox, QToolBar

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
# every arrow-key shortcut of the window that moves or resizes the box, and Space (next to review)
WINDOW_KEYS = [(arrow, modifier) for arrow in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down)
               for modifier in (NONE, SHIFT, ALT, ALT | SHIFT)] + [(Qt.Key_Space, NONE)]


def _on_image_c(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png: one box, (20, 20, 60, 60)
    window.edits.select(0)
    return window.session.store.document(2)


def _press(qtbot, widget, key, modifier=NONE):
    widget.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _untouched(window, doc, stays=True) -> bool:
    """c.png's box where it was, nothing to save on it or on the image shown, which is still c.png unless
    not ``stays`` (another choice of the status drop-down may not list it: the list's first image is shown)."""
    moved = doc.objects[0].box != Box(20, 20, 60, 60) or doc.dirty or window.edits.doc.dirty
    return not moved and (window.session.current == 2 or not stays)


def _each_window_key_leaves_the_box(qtbot, window, doc, widget, keys=WINDOW_KEYS, stays=True):
    for key, modifier in keys:
        _press(qtbot, widget, key, modifier)
        for popup in QApplication.topLevelWidgets():  # Space and Alt+Down open a drop-down's list
            if popup.isVisible() and popup.inherits("QComboBoxPrivateContainer"):
                popup.hide()
        assert _untouched(window, doc, stays), (widget, key, modifier)


def test_the_search_box_keeps_the_arrows_and_space(qtbot, window, folder):
    doc = _on_image_c(qtbot, window, folder)
    search = window.file_dock.search
    _each_window_key_leaves_the_box(qtbot, window, doc, search)
    assert search.text() == " "  # Space typed a space, as a text box does
    assert QApplication.focusWidget() is search


@pytest.mark.parametrize("combo", ["status_filter", "order"])
def test_the_list_drop_downs_keep_the_arrows_and_space(qtbot, window, folder, combo):
    doc = _on_image_c(qtbot, window, folder)
    box = getattr(window.file_dock, combo)
    _press(qtbot, box, Qt.Key_Space)
    assert box.view().isVisible()  # Space opened its list, the image stayed
    box.hidePopup()
    assert _untouched(window, doc)
    _press(qtbot, box, Qt.Key_Down)
    assert box.currentIndex() == 1  # the drop-down's next choice (a filter, the review order)
    _each_window_key_leaves_the_box(qtbot, window, doc, box, stays=combo == "order")


def test_the_label_box_keeps_the_arrows(qtbot, window, folder):
    doc = _on_image_c(qtbot, window, folder)
    keys = [(key, modifier) for key, modifier in WINDOW_KEYS if key != Qt.Key_Space]  # Space: typed
    for key, modifier in keys:
        _press(qtbot, window.label_combo, key, modifier)
        window.label_combo.hidePopup()
        # Up and Down pick another class for the box, as a drop-down does: the box stays where it was
        assert window.session.current == 2 and doc.objects[0].box == Box(20, 20, 60, 60), (key, modifier)


def test_a_spin_box_and_a_list_keep_their_keys(qtbot, window, folder):
    """Kinds the window holds none of today, added as a pane or a tool would add them."""
    doc = _on_image_c(qtbot, window, folder)
    bar = QToolBar("extra", window)
    bar.setObjectName("extra")
    spin = QSpinBox(bar)
    spin.setRange(0, 100)
    listing = QListWidget(bar)
    listing.addItems([f"item {i}" for i in range(30)])
    bar.addWidget(spin)
    bar.addWidget(listing)
    window.addToolBar(bar)
    _press(qtbot, spin, Qt.Key_Up)
    assert spin.value() == 1 and _untouched(window, doc)
    _press(qtbot, spin, Qt.Key_PageUp)
    assert spin.value() == 11 and _untouched(window, doc)  # PgUp steps the spin box, not the image list
    _each_window_key_leaves_the_box(qtbot, window, doc, spin)
    listing.setCurrentRow(0)
    _press(qtbot, listing, Qt.Key_Down)
    assert listing.currentRow() == 1 and _untouched(window, doc)
    _each_window_key_leaves_the_box(qtbot, window, doc, listing,
                                    [(key, modifier) for key, modifier in WINDOW_KEYS if key != Qt.Key_Space])


def test_on_the_image_the_keys_still_move_the_box_and_go_on(qtbot, window, folder):
    doc = _on_image_c(qtbot, window, folder)
    canvas = window.panel.gt_pane
    _press(qtbot, canvas, Qt.Key_Down)
    _press(qtbot, canvas, Qt.Key_Right, ALT)
    assert doc.objects[0].box == Box(20, 21, 61, 61)
    _press(qtbot, window.file_dock.next_review_button, Qt.Key_Down)  # a plain button has no use for arrows
    assert doc.objects[0].box == Box(20, 22, 61, 62)
    _press(qtbot, canvas, Qt.Key_Space)
    assert window.session.current != 2  # Space: the next image to review


def test_in_the_image_list_the_arrows_show_the_next_image(qtbot, window, folder):
    doc = _on_image_c(qtbot, window, folder)
    _press(qtbot, window.file_dock.view, Qt.Key_Down)
    assert window.session.current == 3 and doc.objects[0].box == Box(20, 20, 60, 60)
    _press(qtbot, window.file_dock.view, Qt.Key_Home)
    assert window.session.current == 0
