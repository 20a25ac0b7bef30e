"""Text typed in the Label box is for the box selected as it was typed. A toolbar button (Next to review,
Accept) and a menu (Go → Next image) take no keyboard from the box: "dog" typed for a.png's cat stayed in it
as the next image showed, unsaid, and Enter relabelled that image's box. Now another image or box shown drops
the typing, as a click elsewhere does: the box shows the new box's label, the status line says so, and the
keyboard goes back to the image."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar

from .conftest import GT, PRED, open_and_wait
from .test_label_box_typing_left import NOT_APPLIED, _type

B = 1  # b.png: a person's dog at 10,10,40,40; the model says dog at 70,50,110,85


def _opened(qtbot, window, folder, row: int = 0) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(row)


def _labels(window) -> list[str]:
    store = window.session.store
    return [obj.name for row in range(len(window.session.dataset.items)) for obj in store.document(row).objects]


def _click_tool(qtbot, window, name: str) -> None:
    """A click on the toolbar's button for action ``name`` (it takes no keyboard)."""
    bar = next(bar for bar in window.findChildren(QToolBar) if bar.widgetForAction(window.act[name]) is not None)
    qtbot.mouseClick(bar.widgetForAction(window.act[name]), Qt.LeftButton)


def _shown_label(window) -> str:
    doc = window.edits.doc
    return doc.objects[window.edits.selected].name if doc is not None and window.edits.selected >= 0 else ""


def _dropped_for_the_new_box(qtbot, window, typed: str, before: list[str]) -> None:
    """The typing dropped and said, the box shows the new box's label, and Enter applies nothing."""
    assert window.label_combo.currentText() == _shown_label(window)
    assert window.statusBar().currentMessage() == NOT_APPLIED.format(typed)
    assert QApplication.focusWidget() is window.panel.gt_pane
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    assert _labels(window) == before


def test_typing_dropped_when_next_to_review_shows_another_image(qtbot, window, folder):
    _opened(qtbot, window, folder)
    before = _labels(window)
    typing_in = _type(qtbot, window, "rabbit")
    _click_tool(qtbot, window, "next_review")
    assert window.session.current != 0
    assert QApplication.focusWidget() is not typing_in or window.label_combo.currentText() != "rabbit"
    _dropped_for_the_new_box(qtbot, window, "rabbit", before)


def test_typing_dropped_when_go_next_image_is_chosen_from_the_menu(qtbot, window, folder):
    _opened(qtbot, window, folder)
    before = _labels(window)
    _type(qtbot, window, "rabbit")  # for a.png's cat
    go = next(entry.menu() for entry in window.menuBar().actions() if entry.text() == "&Go")
    go.popup(window.mapToGlobal(window.rect().center()))  # the box loses the keyboard to a popup: kept
    qtbot.waitUntil(go.isVisible, timeout=5000)
    QTest.mouseClick(go, Qt.LeftButton, Qt.NoModifier, go.actionGeometry(window.act["next_image"]).center())
    qtbot.waitUntil(lambda: window.session.current == 1, timeout=5000)
    qtbot.waitUntil(lambda: not go.isVisible(), timeout=5000)
    _dropped_for_the_new_box(qtbot, window, "rabbit", before)
    assert window.label_combo.currentText() == "dog"  # b.png's own dog, not the typing


def test_typing_dropped_when_go_next_image_is_chosen_by_keyboard(qtbot, window, folder):
    """Alt+G, I: the typing is dropped as the next image shows, and the status line said "press Enter in the
    Label box to apply it", nothing left there to apply (`NOT_APPLIED` says it was cleared)."""
    _opened(qtbot, window, folder)
    before = _labels(window)
    typing_in = _type(qtbot, window, "rabbit")
    seen = {}

    def in_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        seen["menu"] = menu.title() if menu is not None else None
        QTest.keyClick(menu, Qt.Key_I)  # Next &image

    QTimer.singleShot(100, in_the_menu)  # (the menu opens before the key click returns)
    QTest.keyClick(typing_in, Qt.Key_G, Qt.AltModifier)
    qtbot.waitUntil(lambda: window.session.current == 1 and QApplication.activePopupWidget() is None, timeout=5000)
    assert seen["menu"] == "&Go"
    assert "press Enter in the Label box" not in window.statusBar().currentMessage()
    _dropped_for_the_new_box(qtbot, window, "rabbit", before)


def test_typing_dropped_when_accept_replaces_the_selected_box(qtbot, window, folder):
    _opened(qtbot, window, folder, B)
    _type(qtbot, window, "rabbit")
    _click_tool(qtbot, window, "accept")  # a person's box: the first asks
    qtbot.wait(120)
    _click_tool(qtbot, window, "accept")
    assert [(o.name, o.box) for o in window.session.store.document(B).objects] == [("dog", PRED["b.png"].box)]
    assert window.label_combo.currentText() == "dog"
    assert NOT_APPLIED.format("rabbit") in window.statusBar().currentMessage()
    assert QApplication.focusWidget() is window.panel.gt_pane


def test_typing_kept_while_the_same_box_stays(qtbot, window, folder):
    """(An edit elsewhere, a class renamed on another image, leaves the typing, and Enter applies it.)"""
    _opened(qtbot, window, folder)
    typing_in = _type(qtbot, window, "rabbit")
    window.edits.document_changed.emit(window.session.store.document(B))  # another image's box changed
    assert window.label_combo.currentText() == "rabbit" and QApplication.focusWidget() is typing_in
    qtbot.keyClick(typing_in, Qt.Key_Return)
    assert window.session.store.document(0).objects[0].name == "rabbit"
    assert window.session.store.document(B).objects[0].name == GT["b.png"][0][0]


def test_a_new_class_typed_stays_while_a_menu_opens_and_closes(qtbot, window, folder):
    """(A menu opened over the box emptied it when the typing named no class: Enter then did nothing.)"""
    _opened(qtbot, window, folder)
    typing_in = _type(qtbot, window, "rabbit")
    go = next(entry.menu() for entry in window.menuBar().actions() if entry.text() == "&Go")
    go.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(go.isVisible, timeout=5000)
    assert window.label_combo.currentText() == "rabbit"
    go.hide()  # closed with nothing chosen
    qtbot.waitUntil(lambda: QApplication.focusWidget() is typing_in, timeout=5000)
    assert window.label_combo.currentText() == "rabbit"
    qtbot.keyClick(typing_in, Qt.Key_Return)
    assert window.session.store.document(0).objects[0].name == "rabbit"


def test_enter_applying_a_class_by_another_spelling_is_not_said_dropped(qtbot, window, folder):
    """(Enter changes the selected box itself: that is the typing applied, not another box shown.)"""
    _opened(qtbot, window, folder)
    said = []
    window.edits.said.connect(said.append)
    typing_in = _type(qtbot, window, "Dog ")
    qtbot.keyClick(typing_in, Qt.Key_Return)
    assert window.session.store.document(0).objects[0].name == "dog"
    assert window.label_combo.currentText() == "dog" and said == []
