"""The Dataset panel says a label of nothing but characters drawn as nothing ("\\u200b") once among its problems,
as `petloc stats` does (the note of `core.voc.read_voc`), the label escaped; opening the folder leaves the file as
written and the window with nothing unsaved.

Before: `core.stats` added a problem of its own for it, and the panel would have said it twice once `read_voc`
says it too."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import write_annotation, write_image
from .dataset_panel_problems import panel_listing_one_problem


def test_the_panel_lists_a_blank_label_once(qtbot, window, folder):
    write_image(folder / "f.png", seed=9)
    xml = write_annotation(folder / "f.png", [("\u200b", Box(10, 10, 50, 50))])
    before = xml.read_bytes()
    panel = panel_listing_one_problem(qtbot, window, folder)
    assert panel.problems.count() == 1
    assert panel.problems.item(0).text().startswith(
        'f.xml: object 1 has no <name> (label) that shows: "\\u200b" holds only characters drawn as nothing')
    assert not window.has_unsaved()
    assert xml.read_bytes() == before
