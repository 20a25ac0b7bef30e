"""What the README says a focused widget keeps of the window's single keys is what `focused_widget_keys` keeps:
it said "while a search box, a drop-down or the list has the keyboard, the arrows and Space act there", though
in the image list Space still goes to the next image to review (only the arrows are the list's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

README = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8").split())
NONE = Qt.KeyboardModifier.NoModifier
PAGING = (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def _kept(widget) -> dict[str, bool]:
    from petloc_gui.ui.focused_widget_keys import keeps_key

    return {"arrows": keeps_key(widget, Qt.Key.Key_Down, NONE) and keeps_key(widget, Qt.Key.Key_Left, NONE),
            "space": keeps_key(widget, Qt.Key.Key_Space, NONE),
            "paging": all(keeps_key(widget, key, NONE) for key in PAGING)}


def test_the_readme_says_which_keys_the_search_box_the_drop_down_and_the_image_list_keep(window):
    dock = window.file_dock
    everything = {"arrows": True, "space": True, "paging": True}
    assert _kept(dock.search) == everything and _kept(dock.status_filter) == everything
    assert ("While a text box (search, label) or a drop-down has the keyboard, the arrows, Space and "
            "Home/End/PgUp/PgDown act there") in README
    assert _kept(dock.view) == {"arrows": True, "space": False, "paging": False}
    assert ("while the image list has it, only the arrows do (Up/Down walk the list, showing the image), and "
            "Space (next to review) and Home/End/PgUp/PgDown (first, last, next, previous image) stay the "
            "window's") in README
    assert _kept(dock.next_review_button)["space"] and "a focused button takes Space" in README
    assert "a drop-down or the list has the keyboard, the arrows and Space act there" not in README


def test_the_keys_the_list_leaves_to_the_window_are_the_ones_the_readme_names():
    from petloc_gui.ui.actions import ACTIONS

    by_key = {key: spec.name for spec in ACTIONS for key in spec.shortcuts}
    assert by_key["Space"] == "next_review"
    assert [by_key[key] for key in ("Home", "End", "PgDown", "PgUp")] == [
        "first_image", "last_image", "next_image", "prev_image"]
