"""A mouse wheel over the toolbar's Label box, a box selected: scrolling the image list or zooming near the toolbar,
the pointer crossing the box, relabelled the selected box (cat -> dog, the image "edited (unsaved)", nothing said:
Qt's combo box takes a wheel notch as a pick of the next class) and took the keyboard (a combo box's focus policy
takes it on a wheel), so the next D was typed there ("ddog") instead of going to the next image. Now the wheel
changes no label, and the keyboard stays on the image."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _wheel(widget, notches: int = -1) -> None:
    """``notches`` of the mouse wheel over the middle of ``widget`` (negative: towards the user)."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(middle, QPointF(widget.mapToGlobal(middle)), QPoint(), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _shown_with_the_image_keyboard(qtbot, window, folder) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: a cat, selected
    window.focus_canvas()
    assert window.edits.selected == 0 and window.label_combo.currentText() == "cat"


def test_a_wheel_over_the_label_box_changes_no_label_and_d_goes_on(qtbot, window, folder):
    _shown_with_the_image_keyboard(qtbot, window, folder)
    for notches in (-1, 1, -2):
        _wheel(window.label_combo, notches)
    assert window.session.store.document(0).objects[0].name == "cat"
    assert window.label_combo.currentText() == "cat"
    assert not window.has_unsaved()
    # a real wheel (a spontaneous event, which a test cannot send) gives the keyboard to a widget whose focus
    # policy takes it on a wheel: the box's must not
    wheel_focus = Qt.FocusPolicy.WheelFocus.value
    assert window.label_combo.focusPolicy().value & wheel_focus != wheel_focus
    qtbot.keyClick(window, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: window.session.current == 1, timeout=5000)
    assert window.label_combo.currentText() == "dog"  # b.png's box, nothing typed into the box


def test_a_wheel_with_the_keyboard_in_the_label_box_changes_no_label(qtbot, window, folder):
    # (the user clicked into the box: the wheel there still relabels nothing, as labelImg's; the list, the
    # arrows, a number key or typing + Enter do)
    _shown_with_the_image_keyboard(qtbot, window, folder)
    qtbot.mouseClick(window.label_combo.lineEdit(), Qt.MouseButton.LeftButton)
    _wheel(window.label_combo)
    _wheel(window.label_combo.lineEdit())
    assert window.session.store.document(0).objects[0].name == "cat"
    assert window.label_combo.currentText() == "cat"
