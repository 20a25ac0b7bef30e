"""The number keys are bound in one place, the Label box, beside `number_keys` and `pick`: the window
bound 1-9 and the Label box 0 (two lists of the same keys to keep in step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import NUMBER_KEYS, LabelBox

from .conftest import open_and_wait


def test_the_label_box_binds_every_number_key_on_its_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    LabelBox(EditController(window), window)
    keys = sorted(action.shortcut().toString() for action in window.actions())
    assert keys == sorted(NUMBER_KEYS)  # each of 0-9, once


def test_each_number_key_gives_its_class_in_the_window(qtbot, window, folder):
    names = [f"class{i}" for i in range(1, 12)]
    (folder / "predefined_classes.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.show_row(0)
    window.focus_canvas()
    assert window.labels.names()[:11] == names
    doc = window.session.store.document(0)
    number_keys = [getattr(Qt, f"Key_{key}") for key in NUMBER_KEYS]
    for place, key in enumerate(number_keys):  # 1-9, then 0 for the 10th class
        qtbot.keyClick(window.panel.gt_pane, key)
        assert doc.objects[0].name == names[place]
    shortcuts = [a.shortcut().toString() for a in window.findChildren(QAction)]
    assert sorted(s for s in shortcuts if s in set(NUMBER_KEYS)) == sorted(NUMBER_KEYS)  # none bound twice
