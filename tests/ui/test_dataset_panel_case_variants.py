"""The Dataset panel shows a class typed two ways ("cat" and "Cat") among its problems, as `petloc
stats` lists it (the same `core.stats` record), and its row opens the file with the rarer spelling."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation, write_image


def test_the_panel_lists_a_class_typed_two_ways(qtbot, window, folder):
    write_image(folder / "f.png", seed=9)
    write_annotation(folder / "f.png", [("Cat", Box(10, 10, 50, 50))])
    open_and_wait(qtbot, window, folder)
    window.act["dataset_panel"].trigger()
    panel = window.dataset_panel
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    assert '<a href="#problems">1 problem</a>' in panel.summary.text()
    panel.summary.linkActivated.emit("#problems")
    row = panel.problems.item(0)
    assert row.text().startswith('f.xml: labels "cat" (2 boxes) and "Cat" (1 box) differ only in case: ')
    panel.problems.itemActivated.emit(row)
    qtbot.waitUntil(lambda: window.session.loading is None, timeout=10_000)
    assert window.session.image_path(window.session.current).name == "f.png"
