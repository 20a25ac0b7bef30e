"""What a screen reader says of the Dataset panel and the list's drop-downs: the class balance and the box-size
chart (pictures) had neither a name nor a description, unlike the training curves; the panel's scrolled body, a
Tab stop, had no name; the status and sort drop-downs said only their choice ("All", "Sort: name")."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from petloc_gui.ui.review.size_chart import histogram_words

from .conftest import open_and_wait


def _said(widget, what=QAccessible.Name) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(what).strip() if interface is not None else ""


def test_the_panel_and_its_pictures_are_named_and_described(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    panel = window.dataset_panel
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: panel.stats is not None and panel.isVisible(), timeout=10_000)
    bars, chart = panel.class_bars, panel.size_chart
    assert _said(bars) == "Class balance" and _said(chart) == "Box sizes"
    assert _said(panel.widget()) == "Dataset figures"
    counts = bars.counts()
    described = _said(bars, QAccessible.Description)
    assert counts and all(f"{name} {count}" in described for name, count in counts.items()), described
    boxes = sum(panel.stats.class_counts.values())
    assert f": {boxes} box" in _said(chart, QAccessible.Description)
    bars.set_counts({"rabbit": 7})  # the figures change: so does what is said
    assert _said(bars, QAccessible.Description) == "First objects per image: rabbit 7"


def test_a_histogram_in_words():
    said = histogram_words("Box size", [10.0, 20.0, 30.0], [1, 3])
    assert said == "Box size: 4 boxes from 10 to 30, most (3) from 20 to 30"
    assert histogram_words("Box size", [], []) == "Box size: no boxes yet."


def test_the_list_drop_downs_say_what_they_do(qtbot, window):
    """Their names (Qt's accessibility on Linux says a drop-down's choice as its name, and these names on Windows
    and macOS)."""
    dock = window.file_dock
    assert dock.status_filter.accessibleName() == "Show images"
    assert dock.order.accessibleName() == "Sort images"
