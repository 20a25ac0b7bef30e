"""An image whose only box lies wholly outside it (clamped to nothing) reads as needing a box: in its
list row before and after it is opened, and in the review queue, whatever its file's verified flag.

Before: the pane said "No box yet", but the row read "verified" (or "annotated", labelImg's "checked,
nothing there"), and a verified one sat in the queue's last tier, where N never brought it up."""

from __future__ import annotations

import dataclasses

import pytest

from petloc_gui.app import review_queue
from petloc_gui.app.image_document import STATUS_ERROR, STATUS_SAVED
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc

from .conftest import open_and_wait

LOST = "needs a box: no box of its 1 object is left inside the image"


def _lost_box(image, verified):
    """b.png is 120x90; its file says 3000x2000, with the one box far right of the real image."""
    annotation = new_annotation(image, 3000, 2000)
    annotation.objects.append(VocObject(name="dog", box=Box(1000, 500, 2000, 1500)))
    write_voc(dataclasses.replace(annotation, verified=verified), image.with_suffix(".xml"))


def _reviewed_by_n(window) -> list[int]:
    """The rows N shows, one after another, until the queue says it is done."""
    shown = []
    for _ in range(len(window.session.model.names) + 1):
        row = window.session.next_to_review()
        if row is None:
            break
        window.show_row(row)
        shown.append(row)
    return shown


@pytest.mark.parametrize("verified", [True, False])
def test_an_image_whose_only_box_was_clamped_to_nothing_needs_a_box(qtbot, window, folder, verified):
    _lost_box(folder / "b.png", verified)
    open_and_wait(qtbot, window, folder)
    model = window.session.model
    # the list, from the scan (not opened yet)
    assert model.status[1] == STATUS_ERROR and LOST in model.errors[1]
    assert ("the file's verified mark was for that box" in model.errors[1]) == verified
    entry = model.queue_entry(1)
    assert not entry.verified and not entry.has_gt and review_queue.tier(entry) == review_queue.TIER_ERROR

    window.show_row(1)
    doc = window.session.store.document(1)
    assert doc.objects == [] and not doc.dirty
    assert doc.status() == STATUS_ERROR and LOST in doc.problem_text()
    assert model.status[1] == STATUS_ERROR and not model.queue_entry(1).verified  # the row says the same

    window.show_row(0)
    window.session.visited.clear()
    assert 1 in _reviewed_by_n(window)  # N brings it up

    # drawn again and saved: an image with a box, the note gone
    window.show_row(1)
    assert window.edits.add_box(Box(10, 10, 40, 40), "dog")
    assert window.save_current()
    assert doc.status() == STATUS_SAVED and doc.problem_text() is None
    assert [o.box for o in read_voc(folder / "b.xml").objects] == [Box(10, 10, 40, 40)]
