"""Edit → Classes… with near-identical long names: the dialog opened 480 px wide whatever its names, so
"american_staffordshire_…_v1", "…_v10" and "…_v2" all read "…patch_and", their ends and their "key N"
off the edge, and the tooltip said only where a class came from. The dialog is as wide as its longest
name needs (up to the screen), a name too wide is elided in the middle, and the tooltip starts with it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
from petloc_gui.ui.wrap_points import BREAK

from .class_list_standins import Classes, shown_class_list

STEM = "american_staffordshire_terrier_with_a_white_patch_on_the_chest_and"
NAMES = [f"{STEM}_v1", f"{STEM}_v10", f"{STEM}_v2", "cat"]


def _dialog(qtbot, names) -> ClassListDialog:
    return shown_class_list(qtbot, Classes(names))


def test_the_dialog_is_as_wide_as_its_longest_name(qtbot):
    dialog = _dialog(qtbot, NAMES)
    area = dialog.screen().availableGeometry()
    assert dialog.width() <= area.width()
    metrics = dialog.list.fontMetrics()
    widest = max(metrics.horizontalAdvance(dialog.list.item(i).text()) for i in range(dialog.list.count()))
    assert widest < area.width() - 200  # the screen has the room (else the test says nothing)
    assert dialog.list.viewport().width() >= widest  # every item whole: its end and its key shown
    assert dialog.list.item(1).text().endswith("_v10    key 2")


def test_short_names_keep_the_usual_size(qtbot):
    assert _dialog(qtbot, ["cat", "dog"]).width() == 480


def test_a_name_too_wide_for_the_screen_keeps_its_end(qtbot):
    dialog = _dialog(qtbot, [f"{'x' * 300}_v1", f"{'x' * 300}_v10"])
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    assert dialog.list.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_the_tooltip_starts_with_the_whole_name(qtbot):
    dialog = _dialog(qtbot, NAMES)
    document = QTextDocument()
    document.setHtml(dialog.list.item(1).toolTip())
    # (with places to wrap in it, drawn as nothing)
    assert document.toPlainText().replace(BREAK, "").startswith(f"{STEM}_v10\nin predefined_classes.txt")
