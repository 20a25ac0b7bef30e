"""A on the model's own pre-label (the box and label the prediction's), saved, then undone and saved again,
left the file reviewed: no pre-label mark, unverified, its box marked as the model's accepted one (ground
truth `petloc train` validated on, though nobody had looked at it), and the list said "saved": the first
save had made the document's read annotation a reviewed one, and the second went by that. Ctrl+Z brings
back the image as it was before A, and a save of that writes the file as it was: the model's unreviewed
pre-label."""

from __future__ import annotations

from petloc_gui.app.image_document import STATUS_PRELABEL, STATUS_VERIFIED
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.editing.accept_guard import PRELABEL_ACCEPTED

from .conftest import PRED, open_and_wait
from .test_accept_confirms_a_prelabel import _prelabel_as_predicted

D = 3  # d.png; the model says cat at PRED["d.png"].box


def _row_status(window, row: int) -> str:
    return window.session.model.status[row]


def test_a_saved_undone_and_saved_again_writes_the_prelabel_back(qtbot, window, folder):
    _prelabel_as_predicted(folder)
    xml = folder / "d.xml"
    before = read_voc(xml)
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    assert _row_status(window, D) == STATUS_PRELABEL

    window.act["accept"].trigger()
    assert window.save_current()
    saved = read_voc(xml)
    assert saved.verified and not saved.unreviewed and b"accepted" in xml.read_bytes()
    assert _row_status(window, D) == STATUS_VERIFIED

    window.act["undo"].trigger()
    assert window.has_unsaved()
    assert window.save_current()
    after = read_voc(xml)
    assert after.unreviewed and after.prelabel == before.prelabel
    assert not after.verified
    assert after.objects == before.objects  # the model's box, marked as its pre-label's (no accepted mark)
    assert [(o.name, o.box) for o in after.objects] == [("cat", PRED["d.png"].box)]
    assert b"accepted" not in xml.read_bytes()
    assert _row_status(window, D) == STATUS_PRELABEL and not window.has_unsaved()

    window.act["redo"].trigger()  # A again, saved: reviewed and verified, as the first time
    assert window.save_current()
    again = read_voc(xml)
    assert again.verified and not again.unreviewed
    assert _row_status(window, D) == STATUS_VERIFIED


def test_a_after_the_saved_review_is_undone_accepts_the_prelabel_again(qtbot, window, folder):
    """Undone, the image is the pre-label it was before A (though the file on disk is the review, until
    saved): A accepts it as before, marked verified, not "nothing to change"."""
    _prelabel_as_predicted(folder)
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    window.act["accept"].trigger()
    assert window.save_current()
    window.act["undo"].trigger()
    assert not window.edits.doc.verified
    window.statusBar().clearMessage()
    window.act["accept"].trigger()
    assert window.edits.doc.verified and not window.has_unsaved()  # the review, as saved
    assert window.statusBar().currentMessage() == PRELABEL_ACCEPTED
