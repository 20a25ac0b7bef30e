"""The Label box's open list as wide as its longest name (`label_box.LabelBox.set_names`)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def fit_list_to_names(combo: QComboBox) -> None:
    """``combo``'s open list as wide as its longest name, within the screen: it was as narrow as the box (~120 px)
    and cut the middle out of long names ("english…spaniel"), so two that share start and end looked alike.
    (Qt widens it to its names only where the style opens it as a popup menu, not for an editable box.)"""
    view, count = combo.view(), combo.count()
    # the delegate's own measure (text, margins) of the widest item, plus the list's frame and the scroll
    # bar it shows past `maxVisibleItems`
    names_width = view.sizeHintForColumn(0) if count else 0
    scroll_bar = view.verticalScrollBar().sizeHint().width() if count > combo.maxVisibleItems() else 0
    wanted = names_width + scroll_bar + 2 * view.frameWidth()
    # the window around the list adds its frame and margins: the whole within the screen's width
    popup = view.window()
    layout = popup.layout()
    margins = layout.contentsMargins().left() + layout.contentsMargins().right() if layout is not None else 0
    around = popup.width() - popup.contentsRect().width() + margins
    view.setMinimumWidth(min(wanted, combo.screen().availableGeometry().width() - around))
