"""The Dataset panel's class balance with near-identical long names: elided at their end, "…_v1" and
"…_v10" both read "domestic_shorthair_cat_from_the_neighbo…". Elided in the middle, each keeps its end."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from petloc_gui.ui.review.class_bars import ClassBars

STEM = "domestic_shorthair_cat_from_the_neighbours_garden"
NAMES = [f"{STEM}_v1", f"{STEM}_v10", f"{STEM}_v2"]


def test_near_identical_names_are_told_apart(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    bars = ClassBars(owner)
    bars.set_counts({name: i + 1 for i, name in enumerate(NAMES)})
    bars.resize(300, bars.sizeHint().height())
    rows = bars.rows()
    metrics = bars.fontMetrics()
    assert all(row.shown != row.name for row in rows)  # too wide: elided (else the test says nothing)
    assert len({row.shown for row in rows}) == len(rows)
    for row in rows:
        start, end = row.shown.split("…")
        assert start and row.name.startswith(start)
        assert end.endswith(row.name.rsplit("_", 1)[1]) and row.name.endswith(end)
        assert metrics.horizontalAdvance(row.shown) <= row.label.width()
