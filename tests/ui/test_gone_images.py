"""An image deleted from the open folder: its row says "gone" until the folder is read again, the
review queue passes it by, and it is neither decoded nor predicted again."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from petloc_gui.app.image_document import STATUS_TEXT
from petloc_gui.ui.review.file_list import COL_STATUS, GONE_TEXT, GONE_TIP

from .conftest import edit_b, folder_notice, look_now, open_and_wait


def _status_cell(window, name: str) -> tuple[str, str]:
    """(text, tooltip) of the status cell of image ``name`` in the list as shown."""
    model = window.session.model
    index = model.index(model.view_row(model.names.index(name)), COL_STATUS)
    return model.data(index, Qt.DisplayRole), model.data(index, Qt.ToolTipRole)


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
    assert _status_cell(window, "d.png") == before


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
    assert [window.session.model.errors[row] for row in (1, 2)] == [None, None]
    assert [window.session.model.pred_label[row] for row in (1, 2)] == labels_before
    window.act["reload_folder"].trigger()
    assert window.session.model.names == ["a.png", "d.png", "e.png"]
    assert window.session.model.gone == frozenset()


def test_a_gone_image_with_unsaved_edits_says_so_and_is_not_predicted_again(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    edit_b(window)  # b.png has an unsaved edit
    window.show_row(3)
    qtbot.waitUntil(lambda: window.session.model.count_predicted_or_failed() == 5)  # none in flight
    (folder / "b.png").unlink()
    (folder / "c.png").unlink()
    look_now(qtbot, window)
    assert _status_cell(window, "b.png") == (GONE_TEXT, f"b.png — {GONE_TIP}: it has unsaved edits")
    assert _status_cell(window, "c.png") == (GONE_TEXT, f"c.png — {GONE_TIP}")
    window.session.request_all()  # as after a model switch: the folder is predicted again, less what is gone
    qtbot.wait(300)
    assert [window.session.model.errors[row] for row in (1, 2)] == [None, None]
