"""Edit > Classes' result line is plain text: a class named "<b>cat" (a name from any VOC file) was said in bold,
its tags gone, as QLabel took the line for rich text."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from .test_class_list_result_line_wraps import _dialog


def test_a_name_like_markup_is_said_as_typed(qtbot):
    dialog = _dialog(qtbot)
    dialog.add("<b>cat</b>")
    label = dialog.result_line
    assert "<b>cat</b>" in label.text()
    shown = QTextDocument()
    shown.setPlainText(label.text()) if label.textFormat().name == "PlainText" else shown.setHtml(label.text())
    assert "<b>cat</b>" in shown.toPlainText()  # drawn with its tags, as typed
