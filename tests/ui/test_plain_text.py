"""Tooltips built from labels and file names show them as written (ui.plain_text): Qt took a first line
holding a tag for rich text, so a class "<b>cat" came out bold and one-a-line lists ran together."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from petloc_gui.ui.plain_text import as_plain


def test_markup_in_a_label_is_shown_literally_and_lines_stay_lines(qtbot):
    document = QTextDocument()
    document.setHtml(as_plain("<b>cat</b>: the first object of 2 images\nx.xml: <i>broken</i> & more"))
    assert document.toPlainText().splitlines() == ["<b>cat</b>: the first object of 2 images",
                                                   "x.xml: <i>broken</i> & more"]
    assert as_plain("") == ""
