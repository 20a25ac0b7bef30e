"""A label typed in the Label box is applied by Enter alone (or a pick from its list). Typed without Enter, it
was applied or dropped by chance: a class typed then a click on the box was applied (Qt activates the item that
matches the text exactly as the box loses the keyboard), a new class dropped without a word, and Ctrl+S wrote
the old label while the box still showed the typed one, which the next D typed into ("catd"). Now typing left
any other way is dropped visibly: the box shows the box's real label, the status line says it was not applied,
and after Ctrl+S the keyboard is the image's, so D steps."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait

# (dropped: the box shows the box's label again, nothing left there to apply with Enter)
NOT_APPLIED = "Typed label '{}' not applied and cleared: type it again in the Label box and press Enter to apply it"


def _shown_with_a_dog(qtbot, window, folder) -> None:
    """a.png shown, its one box (a cat on disk) relabelled dog with Enter and saved, and selected."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    typing_in = _type(qtbot, window, "dog")
    qtbot.keyClick(typing_in, Qt.Key_Return)
    assert window.save_current()
    assert _label_on_disk(folder) == "dog" and window.edits.selected == 0
    assert QApplication.focusWidget() is window.panel.gt_pane


def _type(qtbot, window, text: str):
    """Click in the Label box and type ``text`` over what it shows (no Enter); the widget typed in."""
    combo = window.label_combo
    qtbot.mouseClick(combo.lineEdit(), Qt.LeftButton)
    typing_in = QApplication.focusWidget()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(typing_in, text)
    assert combo.currentText() == text
    return typing_in


def _click_image(window, x: float, y: float) -> None:
    pane = window.panel.gt_pane
    QTest.mouseClick(pane.viewport(), Qt.LeftButton, Qt.NoModifier, pane.mapFromScene(QPointF(x, y)))


def _label(window) -> str:
    return window.session.store.document(0).objects[0].name


def _label_on_disk(folder) -> str:
    from petloc_gui.core.voc import read_voc

    return read_voc(folder / "a.xml").objects[0].name


def test_a_class_typed_then_a_click_on_the_box_is_dropped_and_said(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    _type(qtbot, window, "cat")
    _click_image(window, 30, 30)  # on the box (10,10-50,50)
    assert _label(window) == "dog"  # it was applied: the item "cat" matched the text as the box lost the keyboard
    assert window.label_combo.currentText() == "dog"
    assert window.statusBar().currentMessage() == NOT_APPLIED.format("cat")
    assert window.save_current() and _label_on_disk(folder) == "dog"


def test_a_new_class_typed_then_a_click_on_the_box_is_dropped_and_said(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    _type(qtbot, window, "rabbit")
    _click_image(window, 30, 30)
    assert _label(window) == "dog" and window.label_combo.currentText() == "dog"
    assert window.statusBar().currentMessage() == NOT_APPLIED.format("rabbit")  # it went without a word


def test_a_class_typed_then_a_click_on_empty_image_is_dropped_and_said(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    _type(qtbot, window, "cat")
    _click_image(window, 100, 80)  # no box there: none is selected
    assert _label(window) == "dog" and window.edits.selected == -1
    assert window.label_combo.currentText() == ""  # no box selected: nothing shown
    assert window.statusBar().currentMessage() == NOT_APPLIED.format("cat")
    assert window.save_current() and _label_on_disk(folder) == "dog"


def test_ctrl_s_with_a_class_typed_saves_the_label_shown_and_gives_the_keyboard_back(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    typing_in = _type(qtbot, window, "cat")
    qtbot.keyClick(typing_in, Qt.Key_S, Qt.ControlModifier)
    assert _label_on_disk(folder) == "dog" and _label(window) == "dog"
    assert window.label_combo.currentText() == "dog"  # it showed "cat", a label the file does not have
    assert window.statusBar().currentMessage() == "Saved 1 image. " + NOT_APPLIED.format("cat")
    assert QApplication.focusWidget() is window.panel.gt_pane
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_D)  # steps to b.png, not "dogd" typed in the box
    assert window.session.current == 1 and window.label_combo.currentText() != "dogd"


def test_enter_still_applies_and_a_pick_from_the_list_too(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)  # Enter applied dog
    window.label_combo.setFocus()
    window.label_combo.showPopup()
    view = window.label_combo.view()
    qtbot.waitUntil(view.isVisible, timeout=5000)
    index = view.model().index(window.labels.names().index("cat"), 0)
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(index).center())
    qtbot.waitUntil(lambda: _label(window) == "cat", timeout=5000)
    assert window.label_combo.currentText() == "cat"


def test_a_class_typed_then_the_list_opened_and_closed_is_dropped_and_said(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    _type(qtbot, window, "cat")
    window.label_combo.showPopup()  # the box loses the keyboard to its list: Qt activated "cat" then
    qtbot.waitUntil(window.label_combo.view().isVisible, timeout=5000)
    assert _label(window) == "dog"
    window.label_combo.hidePopup()  # closed with no pick
    qtbot.waitUntil(lambda: window.label_combo.currentText() == "dog", timeout=5000)
    assert _label(window) == "dog"
    assert window.statusBar().currentMessage() == NOT_APPLIED.format("cat")


def test_typing_dropped_activates_no_class(qtbot, window, folder):
    """Dropped, the typing gives way to the label shown, not to Qt's activation of the class that names it as
    the box loses the keyboard (that relabelled nothing, but gave the next box's label, as a pick does)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(1)  # b.png: a dog, shown after a.png's cat (the list's current item is not its label)
    _type(qtbot, window, "rabbit")
    with qtbot.assertNotEmitted(window.label_combo.activated, wait=50):
        _click_image(window, 20, 20)  # on its box
    assert window.label_combo.currentText() == "dog"
    assert window.statusBar().currentMessage() == NOT_APPLIED.format("rabbit")


def test_a_class_typed_then_tab_is_dropped_and_said(qtbot, window, folder):
    _shown_with_a_dog(qtbot, window, folder)
    typing_in = _type(qtbot, window, "cat")
    qtbot.keyClick(typing_in, Qt.Key_Tab)
    assert QApplication.focusWidget() is not typing_in  # (Tab goes on to the next control, as the user asked)
    assert _label(window) == "dog" and window.label_combo.currentText() == "dog"
    assert window.statusBar().currentMessage() == NOT_APPLIED.format("cat")
