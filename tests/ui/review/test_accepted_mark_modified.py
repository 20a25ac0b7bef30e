"""An image is modified exactly when a save would change what its file says: its boxes, labels and
verified flag, and the mark of a box accepted unchanged from a model (ADR 0013), which a save writes
though nothing on screen shows it.

Before, the document compared the mark's raw fields: a box accepted with A and then moved back onto
the person's box the file holds kept the model's name in memory (void, since the box moved), and the
image read as modified ('*', "edited (unsaved)", a question on close) with nothing a save would change.
"""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from ..conftest import GT, PRED, open_and_wait


def _marks(xml) -> list[str | None]:
    return [o.accepted_from for o in read_voc(xml, find_image=False).objects]


def test_an_accepted_box_moved_back_onto_the_persons_box_is_no_edit(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png: the person's cat 20,20,60,60; the model says dog 22,22,62,62
    edits, doc = window.edits, window.edits.doc
    before = (folder / "c.xml").read_bytes()
    window.accept_prediction()
    assert doc.primary.accepted_from is not None and doc.dirty
    assert edits.set_label("cat")
    assert edits.nudge(-1, 0) and edits.nudge(-1, 0) and edits.nudge(0, -1) and edits.nudge(0, -1)
    assert doc.shown() == ((("cat", Box(*GT["c.png"][0][1].as_tuple())),), False)
    assert doc.primary.accepted_from is None  # moved: the person's box again, as the file holds it
    assert not doc.dirty and not window.has_unsaved() and not window.isWindowModified()
    assert window.save_current()
    assert (folder / "c.xml").read_bytes() == before  # indeed nothing to write
    # moved onto the model's box again, it is the model's box accepted unchanged: a save writes the mark
    assert edits.nudge(1, 0) and edits.nudge(1, 0) and edits.nudge(0, 1) and edits.nudge(0, 1)
    assert doc.primary.accepted_from is not None and doc.dirty


def test_a_accepted_onto_the_persons_very_box_is_an_edit_a_save_writes(qtbot, window, folder):
    """a.png's file holds the person's cat 10,10,50,50, the box the model proposes too. Moved away and
    accepted back with A, it shows what the file holds, but it is the model's box now: modified, and
    the save writes the mark (A on the person's box itself changes nothing and marks nothing)."""
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    edits, doc = window.edits, window.edits.doc
    assert GT["a.png"][0] == (PRED["a.png"].label, PRED["a.png"].box)
    window.accept_prediction()
    assert edits.stack().count() == 0 and doc.primary.accepted_from is None and not doc.dirty
    assert edits.nudge(10, 0)
    window.accept_prediction()
    assert doc.shown() == ((tuple(GT["a.png"][0]),), False)
    assert doc.primary.accepted_from == "model fake" and doc.dirty and window.isWindowModified()
    assert window.save_current()
    assert _marks(folder / "a.xml") == ["model fake"] and not doc.dirty
