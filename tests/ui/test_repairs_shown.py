"""What reading an annotation repaired is shown with the image (`core.voc`: nothing repaired silently),
and a box clamped to zero area is no box: never saved as a verified zero-area box."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from .conftest import open_and_wait, write_annotation


def _notes(window) -> str:
    notes = window.panel.notes
    return notes.text() if notes.isVisibleTo(window.panel) else ""


def test_a_box_outside_a_wrongly_sized_image_is_said_and_is_no_box(qtbot, window, folder):
    # b.png is 120x90; the file says 3000x2000 with the box far right of the real image
    write_annotation(folder / "b.png", [("dog", Box(1000, 500, 2000, 1500))], size=(3000, 2000))
    open_and_wait(qtbot, window, folder)
    window.show_row(1)
    doc = window.session.store.document(1)
    notes = _notes(window)
    assert "size in file 3000x2000 differs from the image 120x90" in notes
    assert "lies outside the 120x90 image" in notes and "no box is left inside the image" in notes
    assert doc.objects == [] and "No box yet" in window.panel.gt_title.text()  # over the pane, not on the image
    assert window.session.model.gt_box[1] is None  # the list reads it as needing a box
    window.edits.toggle_verified()  # V, then Ctrl+S
    assert window.save_current()
    saved = read_voc(folder / "b.xml")
    assert all(o.box.area > 0 for o in saved.objects)  # never a verified zero-area box
    assert _notes(window) == ""  # the file now holds what is shown


def test_a_box_clamped_to_a_sliver_is_shown_with_its_note(qtbot, window, folder):
    write_annotation(folder / "c.png", [("cat", Box(-50, 60, 200, 200))])
    open_and_wait(qtbot, window, folder)
    window.show_row(2)
    assert "lies outside the 120x90 image; clamped to" in _notes(window)
    assert window.session.store.document(2).objects[0].box == Box(0, 60, 120, 90)
    window.show_row(0)  # a clean file: no line
    assert _notes(window) == ""
