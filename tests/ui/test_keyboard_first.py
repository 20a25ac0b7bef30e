"""A keyboard-first workflow: the keys act on the image, text boxes give the keyboard back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait


def _focused():
    return QApplication.focusWidget()


def _activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def test_the_keyboard_starts_on_the_image_and_n_goes_down_the_queue(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    window.file_dock.set_review_order(True)
    assert _focused() is window.panel.gt_pane  # not the search box
    qtbot.keyClick(_focused(), Qt.Key_N)
    assert window.file_dock.search.text() == ""  # N did not type into a text box
    assert window.session.current is not None and window.session.visited
    qtbot.keyClick(_focused(), Qt.Key_Plus)
    assert window.file_dock.search.text() == "" and window.session.model.rowCount() == 5


def test_enter_and_escape_in_the_search_box_give_the_keyboard_back(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    qtbot.keyClick(_focused(), Qt.Key_F, Qt.ControlModifier)
    assert _focused() is window.file_dock.search
    qtbot.keyClicks(window.file_dock.search, "png")
    qtbot.keyClick(window.file_dock.search, Qt.Key_Escape)
    assert _focused() is window.panel.gt_pane
    qtbot.keyClick(_focused(), Qt.Key_B)  # B: next box, not a "b" in the search box
    assert window.file_dock.search.text() == "png"
    qtbot.keyClick(_focused(), Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClick(window.file_dock.search, Qt.Key_Return)
    assert _focused() is window.panel.gt_pane


def test_after_typing_a_label_and_enter_b_selects_the_next_box(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.add_box(Box(60, 50, 100, 80), "cat")  # a second box on a.png
    edit = window.label_combo.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "rabbit")
    qtbot.keyClick(edit, Qt.Key_Return)
    doc = window.session.store.document(0)
    assert doc.objects[1].name == "rabbit"
    assert _focused() is window.panel.gt_pane
    qtbot.keyClick(_focused(), Qt.Key_B)
    assert window.edits.selected == 0 and window.label_combo.currentText() == "cat"  # not "rabbitb"


def test_escape_in_the_label_box_restores_the_label_and_gives_the_keyboard_back(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    edit = window.label_combo.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "zebra")
    qtbot.keyClick(edit, Qt.Key_Escape)
    assert window.label_combo.currentText() == "cat"
    assert window.session.store.document(0).objects[0].name == "cat"
    assert _focused() is window.panel.gt_pane


def test_escape_where_a_click_in_the_label_box_put_the_keyboard_gives_it_back(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    qtbot.mouseClick(window.label_combo.lineEdit(), Qt.LeftButton)
    typing_in = _focused()  # the combo box (its line edit's focus proxy), as in a real session
    qtbot.keyClicks(typing_in, "do")
    window.label_combo.setEditText("dog")  # the class typed out, as X's key events leave it (the list still on cat)
    qtbot.keyClick(typing_in, Qt.Key_Escape)  # Qt 6 applies typed text that names a class when the box is left
    assert _focused() is window.panel.gt_pane
    assert window.label_combo.currentText() == "cat"  # the typing is dropped, the box's label shown
    assert window.session.store.document(0).objects[0].name == "cat" and not window.has_unsaved()
    qtbot.keyClick(_focused(), Qt.Key_D)  # the next image, not a "d" in the label box
    assert window.session.current == 1
    assert window.label_combo.currentText() == window.session.store.document(1).objects[0].name


def test_a_class_picked_from_the_label_list_gives_the_keyboard_back(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    combo = window.label_combo
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(combo.findText("dog"), 0))
    with qtbot.waitSignal(window.labels.typing_done):
        qtbot.keyClick(view, Qt.Key_Return)  # picked
    assert window.session.store.document(0).objects[0].name == "dog"
    _activate(qtbot, window)  # offscreen, the closed list leaves no window active
    assert _focused() is window.panel.gt_pane
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(view.isVisible)
    with qtbot.waitSignal(window.labels.typing_done):
        qtbot.keyClick(view, Qt.Key_Escape)  # the list closed without a pick
    _activate(qtbot, window)
    assert _focused() is window.panel.gt_pane and window.label_combo.currentText() == "dog"


def test_a_click_elsewhere_that_closes_the_label_list_keeps_the_keyboard_there(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    combo, search = window.label_combo, window.file_dock.search
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    taken_back = []
    window.labels.typing_done.connect(lambda: taken_back.append(True))
    combo.hidePopup()  # the list closes on a press outside it, and the press goes on to the search box
    _activate(qtbot, window)  # offscreen, the closed list leaves no window active
    search.setFocus(Qt.MouseFocusReason)
    qtbot.wait(50)
    assert _focused() is search and not taken_back  # not taken back to the image under the user's typing


def test_enter_keeps_a_typed_new_class_that_begins_like_a_class(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    qtbot.mouseClick(window.label_combo.lineEdit(), Qt.LeftButton)
    typing_in = _focused()
    window.label_combo.lineEdit().selectAll()
    qtbot.keyClicks(typing_in, "Doge")  # "dog" is a class: a completion must not make it "dog"
    qtbot.keyClick(typing_in, Qt.Key_Return)
    qtbot.wait(50)
    assert window.session.store.document(0).objects[0].name == "Doge" and window.edits.stack().count() == 1
    # ("Dog", a class apart from case, is that class: tests/ui/test_label_box_case.py)


def test_choosing_a_model_leaves_the_keyboard_on_the_image(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    entries = {a.text().replace("&", ""): a for a in window.model_menu.actions()}
    entries["Bundled: pets"].trigger()
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert _focused() is window.panel.gt_pane


def test_the_label_box_follows_the_selection_after_a_delete(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.add_box(Box(60, 50, 100, 80), "dog")
    assert window.label_combo.currentText() == "dog"  # the new box is selected
    window.act["delete"].trigger()
    doc = window.session.store.document(0)
    assert [o.name for o in doc.objects] == ["cat"]
    assert window.edits.selected == -1  # nothing selected after a delete (labelImg)
    assert window.label_combo.currentText() == ""  # not the deleted box's "dog": nothing selected, nothing shown
    window.act["next_box"].trigger()
    assert window.label_combo.currentText() == "cat"
    window.act["delete"].trigger()
    assert window.label_combo.currentText() == ""
    window.edits.stack().undo()
    assert window.label_combo.currentText() == "cat"  # the box brought back, selected


def test_overlay_off_removes_the_prediction_from_the_ground_truth_pane(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(1)
    pane = window.panel.gt_pane
    window.act["overlay"].trigger()
    ghosts = pane._ghost_items  # the overlay's items
    assert len(ghosts) == 1
    ghost = ghosts[0]
    window.act["overlay"].trigger()
    assert pane._ghost_items == [] and ghost.scene() is None
    # The view repaints only an item's bounding rectangle when it goes: everything the
    # item painted (the tag under the dashed box, wider than the box) must be inside it.
    assert _painted_outside_bounding_rect(ghost) == 0


def _painted_outside_bounding_rect(item) -> int:
    """Pixels the item paints outside its boundingRect (rendered alone at scale 1)."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    image = QImage(400, 300, QImage.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(50, 50)
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    bounds = item.boundingRect().translated(50, 50).toAlignedRect()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).alpha() and not bounds.contains(x, y))


def test_the_counter_counts_in_the_order_shown_and_the_queue_breaks_ties_naturally(qtbot, window, tmp_path):
    from .conftest import FakeFactory, FakePrediction, write_image

    root = tmp_path / "natural"
    root.mkdir()
    names = ["img1.png", "img2.png", "img10.png", "img11.png"]
    for i, name in enumerate(names):
        write_image(root / name, seed=i)
    same = FakePrediction("cat", 0.5, Box(10, 10, 50, 50))  # every image ties in the queue
    window.predictions._factory = FakeFactory({n: same for n in names})
    open_and_wait(qtbot, window, root)
    window.file_dock.set_review_order(True)
    shown = [window.session.model.index(r, 0).data() for r in range(4)]
    assert shown == ["img1.png", "img2.png", "img10.png", "img11.png"]  # natural, as "Sort: name"
    window.show_row(names.index("img10.png"))
    assert window.position_label.text() == "3 / 4"
    window.file_dock.search.setText("img1")
    assert window.position_label.text() == "2 / 3 (of 4)"  # img1, img10, img11
