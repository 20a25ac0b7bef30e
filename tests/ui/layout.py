"""A check that a dialog, at the size it opens with, gives its input fields room."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

FIELDS = (QAbstractSpinBox, QComboBox, QLineEdit)


def input_fields(dialog: QWidget) -> list[QWidget]:
    """Visible spin boxes, combo boxes and line edits (not the line edit inside a spin/combo box)."""
    out = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, FIELDS) or not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue
        out.append(widget)
    return out


def assert_fields_fit(dialog: QWidget) -> None:
    """Each field is at least its minimum size hint and lies inside the dialog."""
    fields = input_fields(dialog)
    inside = QRect(0, 0, dialog.width(), dialog.height())
    for field in fields:
        hint = field.minimumSizeHint()
        name = f"{type(field).__name__} {field.objectName() or field.toolTip()[:30]!r} in {type(dialog).__name__}"
        assert field.width() >= hint.width() and field.height() >= hint.height(), (
            f"{name} is {field.size().toTuple()}, needs {hint.toTuple()}")
        rect = QRect(field.mapTo(dialog, field.rect().topLeft()), field.size())
        assert inside.contains(rect), f"{name} at {rect.getRect()} is outside the dialog {inside.getRect()}"
