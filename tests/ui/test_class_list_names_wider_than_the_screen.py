"""Edit → Classes… with names wider than the screen: each item was laid out at its whole text's width
(2211 px in a 674 px list), cut at the list's edge with a horizontal scroll bar, so "x…x_v1" and "x…x_v10"
looked the same and their "key N" was out of sight; the tooltip was one line, cut at the screen's edge.
What is drawn is checked: the text the style is given, and that the style draws it as it is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetricsF, QTextDocument
from PySide6.QtWidgets import QLabel, QProxyStyle, QStyle, QStyleOptionViewItem

from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
from petloc_gui.ui.wrap_points import BREAK

from .class_list_standins import Classes, shown_class_list

LONG = [f"{'x' * 300}_v1", f"{'x' * 300}_v10"]


class Recording(QProxyStyle):
    """The application's style, noting each item's text and rect as drawn; with ``whole`` set, it draws the
    text it is given as it is (never elided): the same pixels then mean the style drew that text."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn: list[tuple[str, object]] = []
        self.whole = False

    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 - Qt's name
        if element == QStyle.ControlElement.CE_ItemViewItem:
            self.drawn.append((option.text, QRect(option.rect)))
            if self.whole:
                option = QStyleOptionViewItem(option)
                option.textElideMode = Qt.TextElideMode.ElideNone
        super().drawControl(element, option, painter, widget)


@pytest.fixture
def dialog(qtbot) -> ClassListDialog:
    return shown_class_list(qtbot, Classes(LONG))


def test_an_item_is_as_wide_as_the_list_with_no_scroll_bar(dialog):
    viewport = dialog.list.viewport().rect()
    metrics = dialog.list.fontMetrics()
    assert metrics.horizontalAdvance(dialog.list.item(0).text()) > viewport.width()  # else it says nothing
    for row in range(dialog.list.count()):
        assert viewport.contains(dialog.list.visualItemRect(dialog.list.item(row)))
    assert dialog.list.horizontalScrollBar().maximum() == 0
    assert not dialog.list.horizontalScrollBar().isVisible()


def test_the_drawn_names_keep_their_ends_and_keys(dialog):
    style = Recording()
    dialog.list.setStyle(style)
    elided = dialog.list.viewport().grab().toImage()
    drawn = {text: rect for text, rect in style.drawn}
    assert len(drawn) == 2, drawn  # told apart
    first, second = drawn
    assert "…" in first and first.endswith("_v1    key 1")
    assert "…" in second and second.endswith("_v10    key 2")
    viewport = dialog.list.viewport().rect()
    room = QFontMetricsF(dialog.list.font())
    for text, rect in drawn.items():
        assert viewport.contains(rect) and room.horizontalAdvance(text) < rect.width()
    style.whole = True  # the text drawn as given: the same pixels (the style did not elide it again)
    assert dialog.list.viewport().grab().toImage() == elided


def test_the_tooltip_wraps_within_the_screen(dialog):
    tooltip = dialog.list.item(1).toolTip()
    shown = QLabel(tooltip)  # as QToolTip shows rich text: wrapped at word boundaries only
    shown.setWordWrap(True)
    assert shown.minimumSizeHint().width() < dialog.screen().availableGeometry().width() // 2
    document = QTextDocument()
    document.setHtml(tooltip)
    assert document.toPlainText().replace(BREAK, "").startswith(f"{LONG[1]}\nin predefined_classes.txt")
