"""An image deleted from the open folder: its row says "gone" until the folder is read again, the
review queue passes it by, and it is neither decoded nor predicted again."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from petloc_gui.app.image_document import STATUS_EDITED, STATUS_TEXT
from petloc_gui.core.boxes import Box
from petloc_gui.ui.models.prediction_service import PredictionError
from petloc_gui.ui.review.file_list import COL_PRED, COL_STATUS, GONE_TEXT, GONE_TIP

from .conftest import edit_b, folder_notice, look_now, open_and_wait


def _settled(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.session.model.count_predicted_or_failed() == len(window.session.model.names))
    qtbot.waitUntil(window.predictions.is_idle)


def _status_cell(window, name: str) -> tuple[str, str]:
    """(text, tooltip) of the status cell of image ``name`` in the list as shown."""
    model = window.session.model
    index = model.index(model.view_row(model.names.index(name)), COL_STATUS)
    return model.data(index, Qt.DisplayRole), model.data(index, Qt.ToolTipRole)


def _gone_and_back(qtbot, window, folder, away, name: str, meanwhile=lambda: None) -> None:
    """Image ``name`` moved out of the folder and seen gone, ``meanwhile()``, then moved back (with its
    old time) and seen back."""
    shutil.move(folder / name, away / name)
    look_now(qtbot, window)
    meanwhile()
    shutil.move(away / name, folder / name)
    look_now(qtbot, window)


def test_an_image_back_where_it_was_hides_the_line_and_its_row_is_as_before(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)
    before = _status_cell(window, "d.png")
    shutil.move(folder / "d.png", tmp_path / "d.png")
    look_now(qtbot, window)
    assert folder_notice(window) == "1 image gone from the folder"
    text, tip = _status_cell(window, "d.png")
    assert text == GONE_TEXT and tip == f"d.png — {GONE_TIP}"
    shutil.move(tmp_path / "d.png", folder / "d.png")
    look_now(qtbot, window)
    assert folder_notice(window) == ""
    # its prediction is asked for again in the background: the tooltip names it once it is back
    qtbot.waitUntil(lambda: _status_cell(window, "d.png") == before, timeout=10_000)


def test_a_gone_image_says_gone_in_its_row_and_n_passes_it_by(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)  # a.png shown; b, c, d, e still to review
    labels_before = [window.session.model.pred_label[row] for row in (1, 2)]
    assert None not in labels_before
    for name in ("b.png", "c.png"):
        (folder / name).unlink()
    look_now(qtbot, window)
    assert [_status_cell(window, name)[0] for name in window.session.model.names] == \
        [STATUS_TEXT[window.session.model.status[0]], GONE_TEXT, GONE_TEXT,
         STATUS_TEXT[window.session.model.status[3]], STATUS_TEXT[window.session.model.status[4]]]
    seen = []
    for _ in range(3):
        row = window.session.next_to_review()
        if row is None:
            break
        seen.append(window.session.model.names[row])
        window.show_row(row)
    assert sorted(seen) == ["d.png", "e.png"]  # the deleted images are not offered for review
    window.show_row(0)
    window.show_row(3)  # both have a gone image among their neighbours: neither is decoded nor predicted again
    qtbot.wait(300)
    assert [window.session.model.pred_errors[row] for row in (1, 2)] == [None, None]
    assert [window.session.model.pred_label[row] for row in (1, 2)] == labels_before
    window.act["reload_folder"].trigger()
    assert window.session.model.names == ["a.png", "d.png", "e.png"]
    assert window.session.model.gone == frozenset()


def test_a_gone_image_with_unsaved_edits_says_so_and_is_not_predicted_again(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    edit_b(window)  # b.png has an unsaved edit
    window.show_row(3)
    _settled(qtbot, window)  # nothing in flight: a file deleted during its prediction would fail it
    (folder / "b.png").unlink()
    (folder / "c.png").unlink()
    look_now(qtbot, window)
    assert _status_cell(window, "b.png") == (GONE_TEXT, f"b.png — {GONE_TIP}: it has unsaved edits")
    assert _status_cell(window, "c.png") == (GONE_TEXT, f"c.png — {GONE_TIP}")
    window.session.request_all()  # as after a model switch: the folder is predicted again, less what is gone
    qtbot.wait(300)
    assert [window.session.model.pred_errors[row] for row in (1, 2)] == [None, None]


def test_after_a_model_switch_gone_images_are_not_predicted_and_the_queue_is_known(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _settled(qtbot, window)
    (folder / "c.png").unlink()
    look_now(qtbot, window)
    window.set_model("other")  # every image predicted again by the new model, less the gone one
    qtbot.waitUntil(lambda: window.session.queue_known(), timeout=5000)
    qtbot.wait(300)
    assert window.session.model.pred_errors[2] is None
    boxed = [name for name in window.session.model.gt_name if name]
    assert window.session.model.gt_name[2] and window.session.model.box_counts() == {
        name: boxed.count(name) - (name == window.session.model.gt_name[2]) for name in set(boxed)}


def test_the_queue_puts_a_gone_image_last_and_its_top_is_not_one(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["review_order"].setChecked(True)
    model = window.session.model
    _settled(qtbot, window)
    model.update_ranks()
    top = window.file_dock.first_visible_row()
    (folder / model.names[top]).unlink()
    look_now(qtbot, window)
    model.update_ranks()
    assert model.ranks[top] == len(model.names) - 1
    window.show_row(next(row for row in range(5) if row != top and row != window.file_dock.first_visible_row()))
    window.session.show_queue_top()
    assert window.session.current != top


@pytest.mark.parametrize("leave", [False, True], ids=["still-shown", "left"])
def test_an_image_opened_while_gone_reads_as_before_once_copied_back(qtbot, window, folder, tmp_path, leave):
    open_and_wait(qtbot, window, folder)
    before = _status_cell(window, "d.png")

    def opened_while_gone():
        window.show_row(3)  # its decode fails: its document keeps the error
        qtbot.waitUntil(lambda: window.session.store.loaded(3) is not None, timeout=5000)
        assert window.session.store.loaded(3).image_error
        if leave:
            window.show_row(0)

    _gone_and_back(qtbot, window, folder, tmp_path, "d.png", opened_while_gone)
    # its prediction is asked for again in the background: the tooltip names it once it is back
    qtbot.waitUntil(lambda: _status_cell(window, "d.png") == before, timeout=10_000)


def test_a_prediction_that_failed_while_gone_is_tried_again_once_copied_back(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)
    _settled(qtbot, window)
    before = [window.session.model.pred_label[3], _status_cell(window, "d.png")]

    def failed_while_gone():  # as when it was deleted while its prediction was being made
        window.session.prediction_arrived(str(folder / "d.png"), PredictionError("d.png: image file does not exist"))
        assert window.session.model.pred_errors[3]

    _gone_and_back(qtbot, window, folder, tmp_path, "d.png", failed_while_gone)
    qtbot.waitUntil(lambda: window.session.model.pred_label[3] is not None, timeout=5000)
    assert [window.session.model.pred_label[3], _status_cell(window, "d.png")] == before
    assert window.session.model.pred_errors[3] is None


def test_queue_done_says_deleted_images_were_passed_by(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _settled(qtbot, window)
    for _ in range(6):
        window.next_to_review()
    assert window.statusBar().currentMessage() == "Review queue done: every image is verified or was visited."
    (folder / "e.png").unlink()
    look_now(qtbot, window)
    for _ in range(6):
        window.next_to_review()
    assert "deleted images passed by" in window.statusBar().currentMessage()


def test_the_rows_that_go_and_come_back_are_repainted(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)
    model = window.session.model
    painted: list[int] = []
    model.dataChanged.connect(lambda top, bottom, *_: painted.extend(range(top.row(), bottom.row() + 1)))
    shutil.move(folder / "d.png", tmp_path / "d.png")
    look_now(qtbot, window)
    assert model.view_row(3) in painted
    painted.clear()
    shutil.move(tmp_path / "d.png", folder / "d.png")
    look_now(qtbot, window)
    assert model.view_row(3) in painted


def test_the_image_shown_deleted_keeps_its_prediction_when_another_comes_back(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)  # a.png shown
    _settled(qtbot, window)
    label = window.session.model.pred_label[0]
    (folder / "a.png").unlink()
    shutil.move(folder / "d.png", tmp_path / "d.png")
    look_now(qtbot, window)
    shutil.move(tmp_path / "d.png", folder / "d.png")
    look_now(qtbot, window)  # d.png back: the folder is asked for again, less a.png
    qtbot.wait(300)
    assert window.session.model.pred_label[0] == label and window.session.model.pred_errors[0] is None


def test_an_edited_image_keeps_its_files_news_through_going_and_coming_back(qtbot, window, folder, tmp_path):
    from .conftest import GT, write_annotation

    open_and_wait(qtbot, window, folder)
    edit_b(window)
    write_annotation(folder / "b.png", GT["b.png"] + [("bird", Box(60, 5, 100, 40))])  # another program
    doc = window.session.store.document(1)
    qtbot.waitUntil(lambda: doc.external_change is not None, timeout=10_000)
    news = "changed on disk by another program; saving will ask which version to keep"
    assert news in _status_cell(window, "b.png")[1]
    model = window.session.model
    model.clear_predictions()  # as while another model loads
    window.session.refresh_row(1)
    # the news is the row's own: its prediction column does not read "error", nor does the queue think so
    assert model.data(model.index(model.view_row(1), COL_PRED), Qt.DisplayRole) == ""
    assert not model.queue_entry(1).error
    shutil.move(folder / "b.png", tmp_path / "b.png")
    look_now(qtbot, window)
    assert _status_cell(window, "b.png")[0] == GONE_TEXT and news in _status_cell(window, "b.png")[1]
    shutil.move(tmp_path / "b.png", folder / "b.png")
    look_now(qtbot, window)
    assert _status_cell(window, "b.png")[0] == STATUS_TEXT[STATUS_EDITED] and news in _status_cell(window, "b.png")[1]
    window.show_row(3)
    window.show_row(1)  # refreshed from its document: the news is the document's, so it stays
    assert news in _status_cell(window, "b.png")[1]


def test_the_image_shown_copied_back_is_shown_again(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)
    shutil.move(folder / "d.png", tmp_path / "d.png")
    look_now(qtbot, window)
    window.show_row(3)
    qtbot.waitUntil(lambda: window.session.store.loaded(3) is not None, timeout=5000)
    assert "does not exist" in (window.panel._image_error or "")
    assert "Deleted from the folder" in window.panel._prediction_message
    shutil.move(tmp_path / "d.png", folder / "d.png")
    look_now(qtbot, window)
    qtbot.waitUntil(lambda: window.panel._image_error is None, timeout=5000)


def test_an_unreadable_annotations_text_stays_when_its_image_comes_back(qtbot, window, folder, tmp_path):
    (folder / "e.xml").write_text("<annotation><object>")  # not XML: the list says why
    open_and_wait(qtbot, window, folder)
    _settled(qtbot, window)
    before = _status_cell(window, "e.png")
    assert before[0] == "error"
    _gone_and_back(qtbot, window, folder, tmp_path, "e.png")
    # its prediction is asked for again in the background: the tooltip names it once it is back
    qtbot.waitUntil(lambda: _status_cell(window, "e.png") == before, timeout=10_000)


def test_images_just_deleted_leave_the_prediction_list_which_is_not_started_over(qtbot, window, folder,
                                                                               monkeypatch):
    from .conftest import write_image

    open_and_wait(qtbot, window, folder)
    _settled(qtbot, window)
    service = window.predictions
    # every image looked at: the list comes once the images' file keys are read in the background (`ImageKeys`),
    # which may be after every image was predicted by the requests for the image shown and those around it
    qtbot.waitUntil(lambda: service._background_pos == 5, timeout=5000)
    sent = []
    monkeypatch.setattr(service, "request_background", lambda paths: sent.append(list(paths)))
    write_image(folder / "f.png", seed=7)  # a camera import adds images: nothing to change
    look_now(qtbot, window)
    assert folder_notice(window) == "1 new image in the folder" and sent == []
    (folder / "c.png").unlink()
    look_now(qtbot, window)
    assert sent == []  # not resent: the worker would look at (stat) every image again
    assert str(folder / "c.png") not in [path for path, _stamp in service._background]
    assert len(service._background) == 4
    assert service._background_pos == 4


def test_a_failure_not_cached_is_shown_for_the_image_on_screen_not_predicting(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)  # a.png shown
    _settled(qtbot, window)
    # its prediction failed while its file was being written: the failure arrives, the cache keeps none
    monkeypatch.setattr(window.predictions, "cached", lambda path: None)
    window.session.prediction_arrived(str(folder / "a.png"), PredictionError("a.png: image file is truncated"))
    window.session.show_prediction()  # as when its decode lands, or a model has loaded
    assert window.panel._prediction_message == "No prediction: a.png: image file is truncated"


def test_a_row_back_is_not_counted_as_failed_while_it_is_predicted_again(qtbot, window, folder, tmp_path,
                                                                          monkeypatch):
    open_and_wait(qtbot, window, folder)
    _settled(qtbot, window)
    shutil.move(folder / "d.png", tmp_path / "d.png")
    look_now(qtbot, window)
    window.session.prediction_arrived(str(folder / "d.png"), PredictionError("d.png: image file does not exist"))
    monkeypatch.setattr(window.session, "request_all", lambda: None)  # its prediction not there yet
    shutil.move(tmp_path / "d.png", folder / "d.png")
    look_now(qtbot, window)
    assert window.session.model.pred_errors[3] is None and not window.session.queue_known()


def test_showing_an_image_whose_failure_was_not_kept_predicts_it_again(qtbot, window, folder):
    import os

    open_and_wait(qtbot, window, folder)  # a.png shown
    _settled(qtbot, window)
    window.session.prediction_arrived(str(folder / "a.png"), PredictionError("a.png: image file is truncated"))
    stat = (folder / "a.png").stat()  # the copy finished since: a new version of the file
    os.utime(folder / "a.png", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    window.show_row(1)
    window.show_row(0)
    qtbot.waitUntil(lambda: window.session.model.pred_label[0] is not None, timeout=5000)
    assert window.session.model.pred_errors[0] is None and window.panel._prediction_message == ""


def test_a_deleted_image_says_so_even_with_a_failure_the_cache_did_not_keep(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)
    _settled(qtbot, window)
    monkeypatch.setattr(window.predictions, "cached", lambda path: None)
    (folder / "d.png").unlink()
    look_now(qtbot, window)
    window.session.prediction_arrived(str(folder / "d.png"), PredictionError("d.png: image file does not exist"))
    window.session.show_prediction()
    assert window.panel._prediction_message.startswith("Deleted from the folder")


def test_a_status_filter_lists_no_gone_image_but_the_one_shown(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)  # a.png shown
    model = window.session.model
    a, c = model.names.index("a.png"), model.names.index("c.png")
    assert model.status[a] == model.status[c]
    window.file_dock.status_filter.setCurrentIndex(window.file_dock.status_filter.findData(model.status[c]))
    assert model.view_row(c) >= 0 and model.view_row(a) >= 0
    for name in ("a.png", "c.png"):
        shutil.move(folder / name, tmp_path / name)
    look_now(qtbot, window)
    qtbot.waitUntil(lambda: model.view_row(c) < 0, timeout=3000)
    assert model.view_row(a) >= 0  # shown: it stays, reading "gone"
    shutil.move(tmp_path / "c.png", folder / "c.png")
    look_now(qtbot, window)
    qtbot.waitUntil(lambda: model.view_row(c) >= 0, timeout=3000)


def test_in_review_order_a_re_rank_keeps_the_gone_image_shown_under_a_status_filter(qtbot, window, folder,
                                                                                   tmp_path):
    open_and_wait(qtbot, window, folder)  # a.png shown
    _settled(qtbot, window)
    model = window.session.model
    a, c = model.names.index("a.png"), model.names.index("c.png")
    dock = window.file_dock
    dock.order.setCurrentIndex(dock.order.findData(True))
    window.show_row(a)
    dock.status_filter.setCurrentIndex(dock.status_filter.findData(model.status[a]))
    shutil.move(folder / "a.png", tmp_path / "a.png")
    look_now(qtbot, window)
    assert model.view_row(a) >= 0
    shutil.move(folder / "c.png", tmp_path / "c.png")  # another deletion: the queue is ranked again
    look_now(qtbot, window)
    qtbot.waitUntil(lambda: model.view_row(c) < 0, timeout=3000)
    qtbot.wait(600)  # past the rank and filter timers
    assert window.session.current == a and model.view_row(a) >= 0
