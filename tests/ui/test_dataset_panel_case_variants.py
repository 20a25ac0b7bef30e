"""The Dataset panel shows a class typed two ways ("cat" and "Cat") among its problems, as `petloc
stats` lists it (the same `core.stats` record), and its row opens the file with the rarer spelling."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import write_annotation, write_image
from .dataset_panel_problems import panel_listing_one_problem


def test_the_panel_lists_a_class_typed_two_ways(qtbot, window, folder):
    write_image(folder / "f.png", seed=9)
    write_annotation(folder / "f.png", [("Cat", Box(10, 10, 50, 50))])
    panel = panel_listing_one_problem(qtbot, window, folder)
    row = panel.problems.item(0)
    assert row.text().startswith('f.xml: labels "cat" (2 boxes) and "Cat" (1 box) differ only in case: ')
    panel.problems.itemActivated.emit(row)
    qtbot.waitUntil(lambda: window.session.loading is None, timeout=10_000)
    assert window.session.image_path(window.session.current).name == "f.png"
