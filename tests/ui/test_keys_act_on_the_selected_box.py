"""Del, the arrows, Alt+arrows and the number keys act on the selected box only, as in labelImg.

With no box selected (a click on empty space, or the box just deleted) they acted on the first box: Del
deleted it, Shift+Right moved it, 2 relabelled it (still unselected). A held Del (its repeats are unmarked
press/release pairs under X) deleted every box of the image, and Ctrl+S wrote an XML with no <object>.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.editing.edit_actions import NO_BOX_SELECTED

from .conftest import write_annotation, write_image

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
CAT, DOG = ("cat", Box(10, 10, 40, 40)), ("dog", Box(60, 30, 100, 80))


def _two_boxes_on_the_image(qtbot, window, tmp_path):
    """A labelImg file with a cat and a dog box, shown with the keyboard on the image; returns its pane."""
    root = tmp_path / "mine"
    root.mkdir()
    write_image(root / "two.png", seed=1)
    write_annotation(root / "two.png", [CAT, DOG])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert window.open_folder(root)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    window.show_row(window.session.model.names.index("two.png"))
    window.focus_canvas()
    canvas = QApplication.focusWidget()
    assert canvas is window.panel.gt_pane
    return canvas


def _click(view, scene_xy) -> None:
    """A left click at ``scene_xy`` (image pixels) on ``view``."""
    pos = QPointF(view.mapFromScene(QPointF(*scene_xy)))
    for kind, buttons in ((QEvent.MouseButtonPress, Qt.LeftButton), (QEvent.MouseButtonRelease, Qt.NoButton)):
        event = QMouseEvent(kind, pos, view.viewport().mapToGlobal(pos), Qt.LeftButton, buttons, Qt.NoModifier)
        QApplication.sendEvent(view.viewport(), event)


def _boxes(window):
    return [(o.name, o.box) for o in window.edits.doc.objects]


def _said(window) -> str:
    return window.statusBar().currentMessage()


@pytest.mark.parametrize(("key", "modifier"), [
    (Qt.Key_Delete, Qt.NoModifier), (Qt.Key_Backspace, Qt.NoModifier), (Qt.Key_Right, SHIFT),
    (Qt.Key_Down, Qt.NoModifier), (Qt.Key_Right, ALT), (Qt.Key_Left, ALT | SHIFT),
], ids=["Del", "Backspace", "Shift+Right", "Down", "Alt+Right", "Alt+Shift+Left"])
def test_with_no_box_selected_del_and_the_arrows_change_no_box_and_say_why(qtbot, window, tmp_path, key, modifier):
    canvas = _two_boxes_on_the_image(qtbot, window, tmp_path)
    assert window.edits.selected == 0  # an image opens with its first box selected
    _click(canvas, (50, 85))  # empty space: no box shows handles
    assert window.edits.selected == -1
    qtbot.keyClick(canvas, key, modifier)
    assert _boxes(window) == [CAT, DOG]
    assert window.edits.stack().count() == 0 and not window.has_unsaved()
    assert _said(window) == NO_BOX_SELECTED


def test_with_no_box_selected_a_number_key_labels_the_next_box_only(qtbot, window, tmp_path):
    canvas = _two_boxes_on_the_image(qtbot, window, tmp_path)
    _click(canvas, (50, 85))
    qtbot.keyClick(canvas, Qt.Key_2)  # dog: for the next box drawn, not a relabelling of the cat
    assert _boxes(window) == [CAT, DOG]
    assert window.edits.stack().count() == 0 and window.edits.selected == -1
    qtbot.keyClick(canvas, Qt.Key_W)
    qtbot.keyClick(canvas, Qt.Key_Return)  # a box placed in the middle of the view
    assert [name for name, _ in _boxes(window)] == ["cat", "dog", "dog"]


def test_f1_says_what_the_keys_do_with_no_box_selected_under_the_number_keys(qtbot, window, tmp_path):
    from petloc_gui.ui.help_dialog import NO_BOX_SELECTED_ROW, HelpDialog

    _two_boxes_on_the_image(qtbot, window, tmp_path)
    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())]
    at = rows.index(NO_BOX_SELECTED_ROW)
    assert rows[at - 2:at] == [("1", "Label: cat"), ("2", "Label: dog")]
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = QFontMetrics(dialog.table.font())  # the row shown whole, on the lines it needs
    lines = -(-metrics.horizontalAdvance(NO_BOX_SELECTED_ROW[1]) // dialog.table.columnWidth(1))
    assert lines > 1 and dialog.table.rowHeight(at) >= lines * metrics.lineSpacing()


def test_the_keys_act_on_the_box_of_an_image_just_opened_and_on_one_selected_again(qtbot, window, tmp_path):
    canvas = _two_boxes_on_the_image(qtbot, window, tmp_path)
    qtbot.keyClick(canvas, Qt.Key_Right, SHIFT)  # the first box, selected as the image opened
    assert _boxes(window) == [("cat", Box(20, 10, 50, 40)), DOG]
    _click(canvas, (50, 85))
    qtbot.keyClick(canvas, Qt.Key_B)  # B after no selection: the first box
    assert window.edits.selected == 0
    qtbot.keyClick(canvas, Qt.Key_B)
    assert window.edits.selected == 1
    qtbot.keyClick(canvas, Qt.Key_1)  # cat
    qtbot.keyClick(canvas, Qt.Key_Left, SHIFT)
    assert _boxes(window) == [("cat", Box(20, 10, 50, 40)), ("cat", Box(50, 30, 90, 80))]


def test_a_held_del_deletes_one_box_and_its_undo_brings_it_back_selected(qtbot, window, tmp_path):
    canvas = _two_boxes_on_the_image(qtbot, window, tmp_path)
    for _ in range(4):  # Del held: under X its repeats are press/release pairs, each an ordinary Del
        qtbot.keyClick(canvas, Qt.Key_Delete)
    assert _boxes(window) == [DOG]
    assert window.edits.selected == -1  # nothing selected after a delete, as in labelImg
    assert _said(window) == NO_BOX_SELECTED
    qtbot.keyClick(canvas, Qt.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = read_voc(tmp_path / "mine" / "two.xml")
    assert [(o.name, o.box) for o in saved.objects] == [DOG]
    qtbot.keyClick(canvas, Qt.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _boxes(window) == [CAT, DOG]
    assert window.edits.selected == 0  # the box brought back, selected as before its delete
    assert window.panel.gt_pane.box_items()[0].selected
    qtbot.keyClick(canvas, Qt.Key_Z, Qt.KeyboardModifier.ControlModifier | SHIFT)  # redo: deleted again
    assert _boxes(window) == [DOG] and window.edits.selected == -1
    qtbot.keyClick(canvas, Qt.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas, Qt.Key_Right, SHIFT)  # the keys act on the box brought back
    assert _boxes(window) == [("cat", Box(20, 10, 50, 40)), DOG]


def test_deleting_the_second_box_leaves_the_first_unselected_and_b_selects_it(qtbot, window, tmp_path):
    canvas = _two_boxes_on_the_image(qtbot, window, tmp_path)
    qtbot.keyClick(canvas, Qt.Key_B)
    assert window.edits.selected == 1
    qtbot.keyClick(canvas, Qt.Key_Delete)
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert _boxes(window) == [CAT] and window.edits.selected == -1
    assert not any(item.selected for item in window.panel.gt_pane.box_items())  # no box shows handles
    window.edits.stack().undo()
    assert _boxes(window) == [CAT, DOG] and window.edits.selected == 1
    qtbot.keyClick(canvas, Qt.Key_Delete)
    qtbot.keyClick(canvas, Qt.Key_B)  # B with none selected: the first box
    assert window.edits.selected == 0
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert _boxes(window) == []
