"""Esc's entry (the Edit menu, F1) says what Esc does to a box being moved: it said "Leave draw mode, or drop
the box being drawn or moved", and "drop" reads as deleting, though Esc puts a moved or resized box back where
it was (test_escape_cancels_a_box_drag.py) and only a box being dragged out is dropped."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def test_the_escape_entry_drops_only_the_box_being_drawn_and_puts_a_moved_one_back(window):
    from petloc_gui.ui.actions import ACTIONS

    [spec] = [spec for spec in ACTIONS if spec.name == "leave_draw_mode"]
    text = spec.text.replace("&", "")
    assert "drop the box being drawn" in text and "put back a moved one" in text
    assert "moved" not in text.split("drop", 1)[1].split(",", 1)[0]  # "drop" names the box being drawn alone
    assert "goes back where it was" in spec.tip  # the tip, for the resized box too
    assert window.act["leave_draw_mode"].text() == spec.text  # the menu entry and F1 show this text
    assert QKeySequence.mnemonic(spec.text).toString().removeprefix("Alt+") == "W"  # its access key kept
