"""A folder of the list that turns unreadable while open (chmod 000, a network share dropping) said "The list and any
unsaved edits are kept as they are", yet the image shown there was predicted again at once: its file could not be
looked at, so its prediction was not found, the prediction failed, and its row read "error / error", its pane
"No prediction: …: cannot open image: Permission denied", its header "cannot read the image". Once the folder could
be read again the row took its prediction back from the cache, but nothing showed it: pane and header kept the
error until the user moved on.

Now nothing there is asked for while the folder cannot be read, the image shown keeps what it showed, and its pane
and header show its prediction again once the folder can be read."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from petloc_gui.ui.review.file_list import COL_PRED, COL_STATUS

from .conftest import look_now, open_and_wait
from .outage_folder import NIGHT, A, C, D, opened_on_a, outage_begins, pets


def _shown(window, row: int) -> tuple:
    """What the user sees of image ``row``: its list cells, the header and the prediction pane."""
    model = window.session.model
    index = model.view_row(row)
    cells = tuple(model.data(model.index(index, column), Qt.DisplayRole) for column in (COL_STATUS, COL_PRED))
    pane = window.panel.pred_pane.accessibleDescription()
    return cells, model.pred_conf[row], model.iou[row], window.panel.header.text(), pane


def _show_c(qtbot, window, root) -> tuple:
    open_and_wait(qtbot, window, root)
    window.show_row(C)
    qtbot.waitUntil(lambda: "<b>dog</b> (0.80)" in window.panel.header.text(), timeout=5000)
    return _shown(window, C)


def _said_lately(window, start: str) -> bool:
    # among the last messages: the shown image's annotation, read again at once, may say so right after it
    return any(message.text.startswith(start) for message in window.statusBar().message_log.said()[:3])


def test_the_shown_image_keeps_its_prediction_while_its_folder_cannot_be_read(
        qtbot, window, factory, tmp_path, monkeypatch):
    root = pets(tmp_path)
    before = _show_c(qtbot, window, root)
    calls = len(factory.handles[-1].calls)
    with monkeypatch.context() as outage:
        outage_begins(qtbot, window, root / "day", outage)
        look_now(qtbot, window)
        assert window.statusBar().currentMessage().startswith("Cannot read the folder")
        qtbot.wait(500)  # what the outage asked for would have been predicted and shown by now
        assert factory.handles[-1].calls[calls:] == []  # nothing asked for: it would only fail
        assert _shown(window, C) == before
        assert window.session.model.pred_errors[C] is None and window.session.model.image_errors[C] is None
    look_now(qtbot, window)  # readable again
    assert _said_lately(window, "The folder can be read again")
    assert _shown(window, C) == before


def test_another_folder_read_again_leaves_the_shown_image_as_it_was(qtbot, window, tmp_path, monkeypatch):
    root = pets(tmp_path)
    before = _show_c(qtbot, window, root)
    model = window.session.model
    night = (model.pred_label[NIGHT], model.pred_conf[NIGHT])
    with monkeypatch.context() as outage:
        outage_begins(qtbot, window, root / "day", outage)
        with monkeypatch.context() as night_out:
            outage_begins(qtbot, window, root / "night", night_out)
            look_now(qtbot, window)
            assert window.statusBar().currentMessage().startswith("Cannot read the folder")
        look_now(qtbot, window)  # night can be read again, day still not
        assert window.statusBar().currentMessage().startswith(f"Cannot read the folder {root / 'day'}")
        qtbot.wait(300)
        assert _shown(window, C) == before
        assert (model.pred_label[NIGHT], model.pred_conf[NIGHT]) == night and model.pred_errors[NIGHT] is None


def _header_whole(window) -> str:
    # the header cuts what does not fit (the test folder's long temporary path before "cannot read the image",
    # as wide as pytest's numbered folder makes it) and keeps the whole in its tooltip
    return window.panel.header.toolTip() or window.panel.header.text()


def _says_unreadable(header: str) -> bool:
    # the picture's failed read ("cannot read the image") or the prediction's ("…: cannot open image: Permission
    # denied"), whichever of the two the window heard first
    return "cannot read the image" in header or "cannot open image" in header


def test_the_shown_image_that_failed_in_the_outage_shows_its_prediction_once_the_folder_can_be_read(
        qtbot, window, tmp_path, monkeypatch):
    root = pets(tmp_path)
    open_and_wait(qtbot, window, root)
    model = window.session.model
    with monkeypatch.context() as outage:
        outage_begins(qtbot, window, root / "day", outage)
        window.show_row(C)  # stepped onto in the outage: it cannot be read, and says so
        qtbot.waitUntil(lambda: model.pred_errors[C] is not None, timeout=5000)
        qtbot.waitUntil(lambda: _says_unreadable(_header_whole(window)), timeout=5000)
        look_now(qtbot, window)
    window.session.watchers.disk.poll.stop()  # (its look at the shown file would show it anew: not waited for)
    look_now(qtbot, window)  # readable again: its kept prediction is shown, in its row, pane and header
    assert _said_lately(window, "The folder can be read again")
    # the prediction in the header, in markup or in the tooltip's plain text (the header's "GT: unreadable
    # (Permission denied)", true until the file is looked at again, may make it too long to fit)
    assert re.search(r"(<b>)?dog(</b>)? \(0\.80\)", _header_whole(window))
    assert not _says_unreadable(_header_whole(window))
    assert model.pred_errors[C] is None and model.pred_label[C] == "dog"


def test_a_model_loaded_while_a_folder_cannot_be_read_asks_for_nothing_there(
        qtbot, window, factory, tmp_path, monkeypatch):
    root = opened_on_a(qtbot, window, tmp_path)
    model = window.session.model
    with monkeypatch.context() as outage:
        outage_begins(qtbot, window, root / "day", outage)
        look_now(qtbot, window)
        window.set_model("other")
        qtbot.waitUntil(lambda: model.pred_label[NIGHT] is not None, timeout=10_000)
        qtbot.wait(300)  # the walk over the folder has passed day's images by now, had it been given them
        asked = {name for call in factory.handles[-1].calls for name in call}
        assert asked.isdisjoint({"c.png", "d.png"})
        assert model.pred_errors[C] is None and model.pred_errors[D] is None  # blank: not predicted yet
    look_now(qtbot, window)  # readable again: predicted now
    qtbot.waitUntil(lambda: model.pred_label[C] == "dog" and model.pred_label[D] == "cat", timeout=10_000)


def test_stepping_next_to_a_folder_that_cannot_be_read_asks_for_nothing_there(
        qtbot, window, factory, tmp_path, monkeypatch):
    root = opened_on_a(qtbot, window, tmp_path)
    model = window.session.model
    calls = len(factory.handles[-1].calls)
    with monkeypatch.context() as outage:
        outage_begins(qtbot, window, root / "day", outage)
        look_now(qtbot, window)
        window.show_row(A + 1)  # b.png: day's images come next in the list, asked for ahead of need before
        qtbot.wait(300)
        asked = {name for call in factory.handles[-1].calls[calls:] for name in call}
        assert asked.isdisjoint({"c.png", "d.png"})
        assert (model.pred_label[C], model.pred_errors[C], model.pred_label[D]) == ("dog", None, "cat")
