"""The status filter lists images by what they have: "annotated" listed 10 of 40 images after an
hour's work, since the 30 saved in the session read "saved" (and verified ones "verified"), so a
user filtering for images with a box missed most of them (an hour's hunt under Xvfb)."""

from __future__ import annotations

from petloc_gui.app import status_filter
from petloc_gui.core.boxes import Box

from .conftest import names_in_view_order, open_and_wait

BOX = Box(1, 1, 5, 5)


def _model(qtbot):
    from petloc_gui.ui.review.file_list import FileListModel

    rows = {"annotated.png": "annotated", "saved.png": "saved", "verified.png": "verified", "none.png": "none",
            "edited_box.png": "edited", "edited_empty.png": "edited", "prelabel.png": "prelabel",
            "error.png": "error"}
    model = FileListModel(list(rows), [status != "none" for status in rows.values()])
    for item, status in enumerate(rows.values()):
        model.set_status(item, status)
        if status != "none" and item != 5:  # edited_empty: its box deleted
            model.set_ground_truth(item, "cat", BOX, verified=status == "verified")
    return model


def _listed(model) -> list[str]:
    return [model.names[model.item_at(r)] for r in range(model.rowCount())]


def test_annotated_lists_every_image_with_ground_truth(qtbot):
    model = _model(qtbot)
    model.set_status_filter("annotated")
    assert _listed(model) == ["annotated.png", "saved.png", "verified.png", "edited_box.png"]
    model.set_status_filter("saved")  # the others still list one status each
    assert _listed(model) == ["saved.png"]
    model.set_status_filter("none")
    assert _listed(model) == ["none.png"]
    model.set_status_filter(None)
    assert len(_listed(model)) == 8


def test_an_image_saved_by_another_program_joins_the_annotated_ones(qtbot):
    model = _model(qtbot)
    model.set_status_filter("annotated")
    model.set_status(3, "saved", emit=False)  # none.png, e.g. labelImg saved it (a background change)
    qtbot.waitUntil(lambda: "none.png" in _listed(model), timeout=2000)


def test_each_choice_says_what_it_includes(qtbot, window):
    combo = window.file_dock.status_filter
    assert [combo.itemData(i) for i in range(combo.count())] == [c.key for c in status_filter.CHOICES]
    annotated = combo.findData("annotated")
    tip = combo.itemData(annotated, 3)  # Qt.ToolTipRole
    assert "saved" in tip and "verified" in tip and "edited" in tip
    combo.setCurrentIndex(annotated)
    assert combo.toolTip() == tip


def test_in_the_window_a_saved_image_stays_annotated(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no annotation
    window.accept_prediction()
    assert window.save_current()
    window.show_row(0)
    dock = window.file_dock
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("annotated"))
    assert names_in_view_order(window) == ["a.png", "b.png", "c.png", "d.png", "e.png"]
