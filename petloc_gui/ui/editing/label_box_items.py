"""The Label box's items (`label_box.LabelBox`): one per class, the name shown escaped (`visible`: control
characters), the name itself its data, its tooltip the whole name (the list may be too narrow for it) and the
number key that gives it (F1 lists them all); the list as wide as the names need."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from petloc_gui.core.text import visible
from petloc_gui.ui.editing.class_keys import key_of
from petloc_gui.ui.editing.list_width import fit_list_to_names
from petloc_gui.ui.plain_text import as_plain


def fill_items(combo: QComboBox, names: list[str]) -> None:
    """``combo``'s items replaced by ``names``' (its signals as the caller left them)."""
    combo.clear()
    keys = key_of(names)
    for i, name in enumerate(names):
        combo.addItem(visible(name), name)
        key = f"\nKey {keys[name]}" if name in keys else ""
        combo.setItemData(i, as_plain(visible(name) + key), Qt.ItemDataRole.ToolTipRole)
    fit_list_to_names(combo)


def label_at(combo: QComboBox, i: int) -> str:
    """The label of item ``i``: items show it escaped (control characters), the data is the label itself."""
    data = combo.itemData(i)
    return data if isinstance(data, str) else combo.itemText(i)
