"""The classes an Edit → Classes… dialog is shown in its tests (names as given, each "in
predefined_classes.txt"), and the dialog shown on a window of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from petloc_gui.ui.editing.class_list_dialog import ClassListDialog


class Classes:
    """Names as given; an add, a rename or a delete changes nothing and says nothing."""

    def __init__(self, names: list[str]) -> None:
        self._names = names

    def names(self) -> list[str]:
        return list(self._names)

    def describe(self, name: str) -> str:
        return "in predefined_classes.txt"

    def add(self, name: str) -> str:
        return ""

    def rename(self, old: str, new: str) -> str:
        return ""

    def delete(self, name: str) -> str:
        return ""


class EditedClasses(Classes):
    """An add, a rename or a delete done on the names, and said as the class list says it."""

    def add(self, name: str) -> str:
        self._names.append(name)
        return f"Added {name}."

    def rename(self, old: str, new: str) -> str:
        self._names[self._names.index(old)] = new
        return f"Renamed {old} to {new}."

    def delete(self, name: str) -> str:
        self._names.remove(name)
        return f"Deleted {name}."


def shown_class_list(qtbot, classes: Classes) -> ClassListDialog:
    """The dialog on a window shown for it, exposed."""
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    dialog = ClassListDialog(classes, owner)
    dialog.owner = owner  # held as long as the dialog (qtbot holds widgets weakly, and the dialog went with it)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog
