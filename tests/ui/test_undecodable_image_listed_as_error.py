"""An image the background prediction found unreadable is listed under the "error" status filter and
reads "error" before anyone opens it (it read "annotated", with "error" only in the Predicted column);
its annotation's own status is kept for when the file is readable again. A model's failure is not the
image's fault and changes no status."""

from __future__ import annotations

from petloc_gui.app.image_document import STATUS_ANNOTATED, STATUS_EDITED, STATUS_ERROR
from petloc_gui.app.status_filter import shown_status
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import ImageLoadError
from petloc_gui.ui.models.prediction_service import PredictionError
from petloc_gui.ui.review.file_list import COL_STATUS, FileListModel

from .conftest import open_and_wait


def _status_text(model: FileListModel, item: int, role=None) -> str:
    from PySide6.QtCore import Qt

    model.set_status_filter(None)
    return model.data(model.index(model.view_row(item), COL_STATUS), role or Qt.DisplayRole)


def test_a_decode_failure_lists_the_row_under_error_and_a_decoded_image_takes_it_back(qtbot):
    from PySide6.QtCore import Qt

    model = FileListModel(["a.jpg", "b.jpg", "c.jpg"], [True, True, True])
    model.set_status_filter(STATUS_ERROR)
    assert model.rowCount() == 0
    model.set_prediction(1, None, None, None, emit=False)  # as `ReviewSession.prediction_arrived` does
    model.set_prediction_error(1, ImageLoadError("cannot decode image (truncated or corrupt?): image file is "
                                                 "truncated", "/f/b.jpg"), emit=False)
    model.set_prediction_error(2, PredictionError("model failed: RuntimeError: out of memory"), emit=False)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)  # listed in the background batch
    assert model.item_at(0) == 1
    assert model.status[1] == STATUS_ANNOTATED  # kept
    assert _status_text(model, 1) == "error" and _status_text(model, 2) == "annotated"
    tip = _status_text(model, 1, Qt.ToolTipRole)
    assert "cannot decode image (truncated or corrupt?)" in tip and "its annotation: annotated" in tip
    model.set_status_filter(STATUS_ANNOTATED)
    assert [model.item_at(r) for r in range(model.rowCount())] == [0, 2]
    # the file rewritten whole: its prediction now comes; the row is its annotation's again
    model.set_prediction(1, "cat", 0.9, Box(0, 0, 5, 5), emit=False)
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=2000)
    assert _status_text(model, 1) == "annotated"


def test_unsaved_edits_still_say_so_over_an_unreadable_image():
    assert shown_status(STATUS_EDITED, True) == STATUS_EDITED
    assert shown_status(STATUS_ANNOTATED, True) == STATUS_ERROR
    assert shown_status(STATUS_ANNOTATED, False) == STATUS_ANNOTATED


def test_a_truncated_image_never_opened_is_under_the_error_filter(qtbot, window, folder):
    data = (folder / "c.png").read_bytes()
    (folder / "c.png").write_bytes(data[: len(data) // 2])  # its annotation file is fine
    open_and_wait(qtbot, window, folder)
    model = window.session.model
    assert window.session.current != 2 and 2 not in window.session.visited
    assert model.pred_errors[2] and model.status[2] == STATUS_ANNOTATED
    index = window.file_dock.status_filter.findData(STATUS_ERROR)
    window.file_dock.status_filter.setCurrentIndex(index)
    assert [model.names[model.item_at(r)] for r in range(model.rowCount())] == ["c.png"]
