"""labelImg's two most used review keys do something else here: A (labelImg: previous image) accepts the
prediction, Space (labelImg: verify) goes to the next image to review (hunt_sp #1, #4). F1 and the README's
key table say so, with the keys that do those things here."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.ui.actions import ACTIONS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
KEYS = {spec.name: spec.shortcuts for spec in ACTIONS}


def test_the_keys_the_note_is_about_are_the_actions_keys():
    assert "A" in KEYS["accept"] and "Space" in KEYS["next_review"]
    assert KEYS["prev_image"][:2] == ("Shift+D", "PgUp") and KEYS["verify"] == ("V",)
    assert "W" in KEYS["draw_mode"] and "D" in KEYS["next_image"] and "Del" in KEYS["delete"]
    assert "Ctrl+S" in KEYS["save"]


def test_f1_has_a_row_for_labelimg_users(qtbot):
    from petloc_gui.ui.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())]
    said = [text for keys, text in rows if "labelImg" in keys]
    assert len(said) == 1
    assert "previous image: Shift+D, PgUp" in said[0] and "verify: V" in said[0]


def test_the_readme_key_table_has_a_row_for_labelimg_users():
    table = README.split("| Keys | Action |", 1)[1].split("\n\n", 1)[0]
    row = next(line for line in table.splitlines() if line.startswith("| (from labelImg) |"))
    assert "previous image is Shift+D or PgUp" in row and "verify is V" in row


def test_the_labelimg_row_is_shown_whole(qtbot):
    """In one 22 px line at the dialog's width the row was cut before its verify key."""
    from PySide6.QtGui import QFontMetrics

    from petloc_gui.ui.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    text = table.item(0, 1).text()
    width = table.columnWidth(1)
    metrics = QFontMetrics(table.font())
    assert metrics.horizontalAdvance(text) > width  # the case: longer than its column
    lines = -(-metrics.horizontalAdvance(text) // width)
    assert table.rowHeight(0) >= lines * metrics.lineSpacing()
