"""What Qt draws of a text: as written where it is plain (or taken for plain), else its rich text's words.

A QLabel, a message box or a tooltip in Qt's AutoText takes a text for HTML when `Qt.mightBeRichText` says so
(a tag-like "<b>" on its first line); then "<b>x.png" is drawn as a bold "x.png", its tags gone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocumentFragment, QTextLayout, QTextOption
from PySide6.QtGui import Qt as GuiQt


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The words Qt draws of ``text`` in ``text_format``."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    return QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text


def label_shown(label) -> str:
    """The words a QLabel draws."""
    return shown(label.text(), label.textFormat())


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped at word boundaries within ``width`` pixels, as a label wraps it."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    count = 0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        count += 1
    layout.endLayout()
    return count
