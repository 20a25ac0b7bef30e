"""A warning the window stays usable under (the model controller's failed load, its kept-aside memory)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_warning(title: str, text: str, parent: QWidget) -> QMessageBox:
    """Shown at once and returned: plain text (a path "<b>models/…" named as it is, not as markup), non-modal
    (open() would block the window: annotating goes on without a model), deleted once closed."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
