"""A pre-label marked verified (V) but not saved yet was replaced by one A without a word, and stayed
verified: the guard let A through on "the model's unreviewed pre-label" whatever the person had said of it,
so another model's box and label sat under the person's "verified". Verified, it is the person's: the first
A asks, as on any box of theirs, and a second replaces it."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.ui.editing.accept_guard import ASK_AGAIN, REPLACED

from .conftest import PRED, open_and_wait
from .test_accept_asks_before_replacing import _boxes, _prelabel

D = 3  # d.png: a pre-label dog at 5,5,45,45 here; the model says cat at 30,30,70,70


def test_a_on_a_prelabel_marked_verified_asks_first(qtbot, window, folder):
    _prelabel(folder, Box(5, 5, 45, 45))
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    window.act["verify"].trigger()  # V: the person says the pre-label's box is right
    window.act["accept"].trigger()  # A (labelImg's previous image)
    assert _boxes(window, D) == [("dog", Box(5, 5, 45, 45))]
    assert window.edits.doc.verified
    assert window.statusBar().currentMessage() == ASK_AGAIN
    window.act["accept"].trigger()
    assert _boxes(window, D) == [("cat", PRED["d.png"].box)]
    assert window.statusBar().currentMessage() == REPLACED


def test_a_on_a_prelabel_verified_then_unmarked_is_one_key_again(qtbot, window, folder):
    _prelabel(folder, Box(5, 5, 45, 45))
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    window.act["verify"].trigger()
    window.act["verify"].trigger()  # V again: not verified, nothing of the person's left
    window.act["accept"].trigger()
    assert _boxes(window, D) == [("cat", PRED["d.png"].box)]
