"""Edit → Classes… after adding a 200-character name: the "Added …" line under the list wraps, but a name
with nowhere to break set its least width, and the dialog's, to 1502 px on a 1366 px screen (Add, Rename,
Delete and Close off its edge). The long words in the line get places to wrap, drawn as nothing."""

from __future__ import annotations

from petloc_gui.ui.editing.class_list_dialog import MIN_WIDTH, ClassListDialog
from petloc_gui.ui.wrap_points import BREAK, BREAK_EVERY, breakable_words

from .class_list_standins import EditedClasses, shown_class_list

LONG = "very_long_class_name_" + "segment_" * 22 + "END_v1"


def _dialog(qtbot) -> ClassListDialog:
    return shown_class_list(qtbot, EditedClasses(["cat", "dog"]))


def test_adding_a_long_name_leaves_the_dialog_its_width(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.result_line.fontMetrics().horizontalAdvance(LONG) > 2 * MIN_WIDTH  # else it says nothing
    for act, said in ((lambda: dialog.add(LONG), f"Added {LONG}."),
                      (lambda: dialog.rename(LONG, LONG + "_2"), f"Renamed {LONG} to {LONG}_2."),
                      (lambda: dialog.delete(LONG + "_2"), f"Deleted {LONG}_2.")):
        act()
        assert dialog.result_line.text().replace(BREAK, "") == said  # all of it, in order
        assert dialog.minimumSizeHint().width() <= MIN_WIDTH
        assert dialog.result_line.minimumSizeHint().width() < MIN_WIDTH // 2


def test_only_long_words_get_places_to_wrap():
    assert breakable_words("Added cat. See predefined.txt") == "Added cat. See predefined.txt"
    shown = breakable_words(f"Added {LONG}.")
    assert shown.replace(BREAK, "") == f"Added {LONG}."
    assert all(len(part) <= BREAK_EVERY + 1 for part in shown.removeprefix("Added ").split(BREAK))
