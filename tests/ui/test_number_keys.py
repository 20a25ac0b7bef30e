"""The number keys give the class named by the key: on the bundled digits model (classes "0".."9")
key 7 gave "6" (the 7th class) and "9" had no key at all (an hour's hunt under Xvfb). F1 lists the
key of each class of the open folder."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.editing.class_keys import number_keys

from .conftest import open_and_wait

DIGITS = [str(d) for d in range(10)]


def test_digit_classes_take_the_key_of_their_name():
    keys = number_keys(DIGITS)
    assert keys == {d: d for d in DIGITS}
    assert number_keys(["3", "7"]) == {"3": "3", "7": "7"}  # not also 1 -> "3", 2 -> "7"


def test_ordinary_names_take_keys_by_place_and_0_the_tenth():
    names = [f"class{i}" for i in range(12)]
    keys = number_keys(names)
    assert [keys[str(n)] for n in range(1, 10)] == names[:9]  # key n: the n-th class, as before
    assert keys["0"] == names[9] and names[10] not in keys.values()


def test_in_a_mix_the_name_wins_and_the_others_take_the_keys_left():
    assert number_keys(["cat", "1"]) == {"1": "1", "2": "cat"}
    assert number_keys(["cat", "dog", "2"]) == {"2": "2", "1": "cat", "3": "dog"}
    assert number_keys(["10", "cat"]) == {"1": "10", "2": "cat"}  # only a whole name of one key is a key's


def test_a_name_of_several_digits_is_no_key_s_and_takes_one_by_place():
    """"12" and "90" are pieces of "1234567890", not keys: they were taken as named by a key, got none,
    and on classes 10, 11, 12 key 3 gave nothing."""
    assert number_keys(["10", "11", "12"]) == {"1": "10", "2": "11", "3": "12"}
    assert number_keys(["cat", "12", "dog"]) == {"1": "cat", "2": "12", "3": "dog"}
    assert number_keys(["90", "4567", "9"]) == {"9": "9", "1": "90", "2": "4567"}


def _digits_folder(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("\n".join(DIGITS) + "\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.show_row(0)
    window.focus_canvas()
    assert window.labels.names()[:10] == DIGITS


def test_on_a_digits_folder_key_7_gives_7_and_0_gives_0(qtbot, window, folder):
    _digits_folder(qtbot, window, folder)
    doc = window.session.store.document(0)
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_7)
    assert doc.objects[0].name == "7"
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_9)
    assert doc.objects[0].name == "9"
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_0)
    assert doc.objects[0].name == "0"
    assert "Key 7" in window.label_combo.itemData(7, Qt.ToolTipRole)  # the list says it too (with the name)


def test_help_lists_each_key_with_its_class_in_the_open_folder(qtbot, window, folder):
    from petloc_gui.ui.help_dialog import HelpDialog

    _digits_folder(qtbot, window, folder)
    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert rows["7"] == "Label: 7" and rows["0"] == "Label: 0"
    assert "0 … 9" in rows


def test_classes_named_by_several_digits_get_keys_in_the_window_and_f1(qtbot, window, folder):
    from petloc_gui.ui.help_dialog import HelpDialog

    (folder / "predefined_classes.txt").write_text("10\n11\n12\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.focus_canvas()
    assert window.labels.names()[:3] == ["10", "11", "12"]
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_3)
    assert window.session.store.document(0).objects[0].name == "12"
    tip = window.label_combo.itemData(2, Qt.ToolTipRole)
    assert "Key 3" in tip and "Key 12" not in tip
    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert rows["3"] == "Label: 12" and "12" not in rows
