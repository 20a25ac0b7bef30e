"""Rows whose image could not be read while its folder was unreadable (chmod 000, a network share's hiccup)
read "error / error" in Status and Predicted. Once the folder could be read again they stayed so until F5: the
failure cleared only when a new prediction came, and none did (the image's prediction from before the outage
was cached, so it was neither signalled nor asked again). The review queue ranked them unreadable and the status
filter counted them; the header of such an image, shown again, read its cached prediction over a row saying
"error". Now the rows take their prediction back once the folder can be read again, and an image shown with a
cached prediction puts it in its row."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from petloc_gui.app.image_document import STATUS_ERROR, STATUS_NONE, STATUS_TEXT
from petloc_gui.core.boxes import Box
from petloc_gui.ui.review.file_list import COL_PRED, COL_STATUS

from .conftest import look_now, open_and_wait, wait_image_shown, write_annotation, write_image
from .unlistable_folder import not_listable

C, D = 2, 3  # day/c.png (annotated), day/d.png


def _folder(tmp_path):
    root = tmp_path / "pets"
    (root / "day").mkdir(parents=True)
    for seed, relative in enumerate(("a.png", "b.png", "day/c.png", "day/d.png")):
        write_image(root / relative, seed=seed)
    write_annotation(root / "day" / "c.png", [("cat", Box(20, 20, 60, 60))])
    return root


def _cell(model, item: int, column: int) -> str:
    return model.data(model.index(model.view_row(item), column), Qt.DisplayRole)


def _rows_fail_in_an_outage(qtbot, window, root, outage) -> None:
    """day/c.png shown while day cannot be read: its row and its neighbour's (predicted ahead) read "error"."""
    open_and_wait(qtbot, window, root)
    model = window.session.model
    assert model.pred_label[C] == "dog" and model.iou[C] is not None and model.image_errors[C] is None
    look_now(qtbot, window)  # each folder's change time noted
    os.chmod(root / "day", 0o700)  # a chmod moves the change time alone
    not_listable(outage, root / "day")
    window.show_row(C)
    qtbot.waitUntil(lambda: model.image_errors[C] is not None and model.image_errors[D] is not None, timeout=10_000)
    assert "Permission denied" in model.image_errors[C]
    assert [_cell(model, item, COL_STATUS) for item in (C, D)] == ["error", "error"]
    assert [_cell(model, item, COL_PRED) for item in (C, D)] == ["error", "error"]
    assert model.iou[C] is None


def test_rows_that_failed_in_an_outage_take_their_prediction_back_once_the_folder_can_be_read(
        qtbot, window, tmp_path, monkeypatch):
    root = _folder(tmp_path)
    with monkeypatch.context() as outage:
        _rows_fail_in_an_outage(qtbot, window, root, outage)
        look_now(qtbot, window)  # said: the folder cannot be read (nothing asked again succeeds meanwhile)
    model = window.session.model
    look_now(qtbot, window)  # readable again
    # said (the shown image's annotation, read again at once, may say so after it: Help > Recent messages has both)
    said = [message.text for message in window.statusBar().message_log.said()]
    assert any(text.startswith("The folder can be read again") for text in said[:3]), said[:3]
    window.session.watchers.disk.check()  # as its poll does: the image shown, readable again, is decoded anew
    wait_image_shown(qtbot, window)
    qtbot.waitUntil(lambda: model.image_errors[C] is None and model.image_errors[D] is None, timeout=10_000)
    assert model.pred_errors[C] is None and model.pred_errors[D] is None
    assert [_cell(model, item, COL_STATUS) for item in (C, D)] == ["annotated", "no annotation"]
    assert (_cell(model, C, COL_PRED), _cell(model, D, COL_PRED)) == ("≠ dog", "cat")
    assert model.pred_conf[C] == 0.8 and model.iou[C] is not None
    model.set_status_filter(STATUS_ERROR)
    assert model.rowCount() == 0  # the error filter counts none of them


def test_an_image_shown_with_its_cached_prediction_puts_it_in_its_row(qtbot, window, tmp_path, monkeypatch):
    root = _folder(tmp_path)
    with monkeypatch.context() as outage:
        _rows_fail_in_an_outage(qtbot, window, root, outage)
        window.session.watchers.image_watch.stop()  # readable again before the watch looks (its poll)
    model = window.session.model
    window.show_row(D)
    assert "Prediction: <b>cat</b> (0.60)" in window.panel.header.text()  # its cached prediction
    assert model.image_errors[D] is None and model.pred_errors[D] is None  # at once: the header's result
    assert _cell(model, D, COL_STATUS) == STATUS_TEXT[STATUS_NONE] and _cell(model, D, COL_PRED) == "cat"
    assert model.pred_conf[D] == 0.6
