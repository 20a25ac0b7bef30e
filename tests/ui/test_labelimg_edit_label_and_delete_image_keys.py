"""labelImg's Ctrl+E (edit label) and Ctrl+Shift+D (delete image) did nothing here, and nothing said so: F1's
labelImg row, which names what A and Space do here, now names what petloc has instead of these two (the Label
box's key; petloc deletes no image)."""

from __future__ import annotations

from petloc_gui.ui.editing.label_box import LabelBox
from petloc_gui.ui.labelimg_keys import LABEL_BOX_KEY


def test_f1s_labelimg_row_names_both_keys(qtbot):
    from petloc_gui.ui.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    row = next(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())
               if "labelImg" in dialog.table.item(r, 0).text())
    assert "Ctrl+E (edit label): Alt+L (the Label box)" in row
    assert "Ctrl+Shift+D (delete image): petloc deletes no image" in row


def test_the_label_box_key_named_is_its_captions(window):
    caption = window.findChild(LabelBox).caption.text()
    assert f"&{LABEL_BOX_KEY.rpartition('+')[2]}" in caption and LABEL_BOX_KEY.startswith("Alt+")
