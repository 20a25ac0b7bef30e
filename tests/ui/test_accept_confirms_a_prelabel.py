"""A on a model's unreviewed pre-label whose box and label are the prediction's (`petloc predict
--write-voc` with the same model: the usual case) did nothing and said nothing, so A then D left every
file an unreviewed pre-label: never validated on, no accepted mark. A accepts it as it is now: marked
verified, as V does (README: "press V, then save"), said on the status line, undone by Ctrl+Z; saved,
its box is marked as the model's (ADR 0013)."""

from __future__ import annotations

from petloc_gui.core.voc import read_voc
from petloc_gui.ui.editing.accept_guard import PRELABEL_ACCEPTED

from .conftest import PRED, open_and_wait
from .test_accept_asks_before_replacing import _boxes, _prelabel

D = 3  # d.png; the model says cat at PRED["d.png"].box


def _prelabel_as_predicted(folder):
    _prelabel(folder, PRED["d.png"].box)
    xml = folder / "d.xml"
    xml.write_text(xml.read_text(encoding="utf-8").replace("<name>dog</name>", "<name>cat</name>"),
                   encoding="utf-8")
    assert read_voc(xml).unreviewed and read_voc(xml).objects[0].name == "cat"


def test_a_on_the_models_own_prelabel_marks_it_verified_and_says_so(qtbot, window, folder):
    _prelabel_as_predicted(folder)
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    assert not window.edits.doc.verified and not window.has_unsaved()
    window.act["accept"].trigger()
    assert _boxes(window, D) == [("cat", PRED["d.png"].box)]  # the box stays
    assert window.edits.doc.verified and window.has_unsaved()
    assert window.statusBar().currentMessage() == PRELABEL_ACCEPTED
    window.act["undo"].trigger()
    assert not window.edits.doc.verified and not window.has_unsaved()


def test_a_then_d_with_autosave_saves_the_review(qtbot, window, folder):
    _prelabel_as_predicted(folder)
    window.act["autosave"].setChecked(True)
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    window.act["accept"].trigger()
    window.show_row(0)  # D: leaving the image autosaves it
    qtbot.waitUntil(lambda: not read_voc(folder / "d.xml").unreviewed, timeout=5000)
    saved = read_voc(folder / "d.xml")
    assert saved.verified and saved.objects[0].box == PRED["d.png"].box
    assert saved.objects[0].accepted_from is not None  # scored as the model's box, not a person's


def test_a_on_the_models_box_relabelled_asks_about_the_label(qtbot, window, folder):
    """The box accepted from the model and relabelled by a person is the model's box still (ADR 0013): the
    first A said "This image has your box", though only the label would change."""
    from petloc_gui.ui.editing.accept_guard import ASK_AGAIN_LABEL

    open_and_wait(qtbot, window, folder)
    window.show_row(D)  # no box: A takes the model's at once
    window.act["accept"].trigger()
    window.edits.set_label("dog")  # the person's label on the model's box
    assert window.edits.doc.primary.accepted_from is not None
    qtbot.wait(120)  # a second press, not the key held
    window.act["accept"].trigger()
    assert _boxes(window, D) == [("dog", PRED["d.png"].box)]
    assert window.statusBar().currentMessage() == ASK_AGAIN_LABEL
