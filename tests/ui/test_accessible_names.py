"""Every control the keyboard can reach has a name a screen reader can say (WCAG 4.1.2).

The search box (a placeholder is not a name), the Images table, the Retrain dialog's held-out list,
the Classes list, the F1 table and the comparison table had none: a screen reader said nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

INPUTS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Name).strip() if interface is not None else ""


def _unnamed(top: QWidget) -> list[str]:
    """The focusable input widgets of ``top`` (shown in it) whose accessible name is empty."""
    top.show()
    out = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(top) or not widget.focusPolicy() & Qt.TabFocus:
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the box's own editor: the box carries the name
        if not _name(widget):
            out.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return out


class FakeClasses:
    def __init__(self) -> None:
        self.list = ["cat", "dog"]

    def names(self) -> list[str]:
        return list(self.list)

    def describe(self, name: str) -> str:
        return f"{name}: 1 box"

    def add(self, name: str) -> str:
        self.list.append(name)
        return f"added {name}"

    def rename(self, old: str, new: str) -> str:
        self.list[self.list.index(old)] = new
        return f"renamed {old} to {new}"

    def delete(self, name: str) -> str:
        self.list.remove(name)
        return f"deleted {name}"


def test_the_images_dock(qtbot):
    from petloc_gui.ui.review.file_list_dock import FileListDock

    dock = FileListDock()
    qtbot.addWidget(dock)
    assert _unnamed(dock) == []
    assert dock.view.accessibleDescription()  # what a row holds, and that the arrows pick an image


def test_the_retrain_dialog(qtbot):
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog

    dialog = RetrainDialog(None, model_name="pets", data_name="/data/pets", n_annotated=40, has_unsaved=True)
    qtbot.addWidget(dialog)
    assert _unnamed(dialog) == []
    # shown once the held-out images are read (none here): named all the same
    assert _name(dialog.holdout_list) and dialog.holdout_list.accessibleDescription()


def test_the_classes_dialog(qtbot):
    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog

    dialog = ClassListDialog(FakeClasses())
    qtbot.addWidget(dialog)
    assert _unnamed(dialog) == []


def test_the_help_dialog(qtbot):
    from petloc_gui.ui.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert _unnamed(dialog) == []


def test_the_model_comparison(qtbot):
    from petloc_gui.ui.training.model_comparison import ModelComparison

    comparison = ModelComparison()
    qtbot.addWidget(comparison)
    comparison.set_metrics({"accuracy": 0.8}, {"accuracy": 0.9})
    assert _unnamed(comparison) == []
    assert comparison.table.accessibleDescription()
