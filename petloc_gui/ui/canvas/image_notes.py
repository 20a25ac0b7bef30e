"""The line under the image panel's header: what reading the image's annotation file repaired or left out (a box
outside the image, a wrong <size>), shown where the annotator looks, never repaired silently (`core.voc`,
`ImageDocument.problems`), and the news that another program replaced the image."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.text import visible
from petloc_gui.ui.plain_text import literal

NOTES_SHOWN = 3  # reading notes in the line; the tooltip has them all


def notes_label() -> QLabel:
    """The line, hidden until an image has notes."""
    notes = QLabel()
    notes.setTextFormat(Qt.TextFormat.PlainText)
    notes.setWordWrap(True)
    notes.hide()
    return notes


def show_notes(notes: QLabel, doc: ImageDocument | None) -> None:
    """The image's notes: the news that another program replaced it (`ImageDocument.image_change`), then the
    annotation file's reading notes after "Read from the file:" (that prefix read wrong in front of the news), the
    first few in the line and all of them in its tooltip."""
    if doc is None or not doc.problems:
        notes.hide()
        notes.clear()
        return
    news = [visible(p) for p in doc.problems if p == doc.image_change]
    read = [visible(p) for p in doc.problems if p != doc.image_change]
    more = f" (and {len(read) - NOTES_SHOWN} more)" if len(read) > NOTES_SHOWN else ""
    said = news + (["Read from the file: " + "; ".join(read[:NOTES_SHOWN]) + more] if read else [])
    notes.setText(". ".join(said))
    notes.setToolTip(literal("\n".join(news + read)))  # a label "<b>cat" said as read, not as markup
    notes.show()
