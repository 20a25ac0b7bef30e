"""The file list says each change of its class counts (`FileListModel.counts_changed`), rows its filter hides
included (they send no dataChanged), once for a burst, and not for what changes no count (a prediction)."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.ui.review.file_list import FLUSH_MS


def _rows(qtbot):
    from petloc_gui.ui.review.file_list import FileListModel

    rows = FileListModel([f"img_{i}.png" for i in range(6)], [False] * 6)
    said = []
    rows.counts_changed.connect(lambda: said.append(rows.box_counts()))
    return rows, said


def test_a_burst_on_hidden_rows_is_said_once(qtbot):
    rows, said = _rows(qtbot)
    rows.set_text("img_5")  # every other row hidden
    for row in range(3):
        rows.set_ground_truth(row, "owl", Box(10, 10, 50, 50), False, emit=False)
    assert said == []  # not at once, for each row
    qtbot.waitUntil(lambda: said != [], timeout=FLUSH_MS * 5)
    qtbot.wait(FLUSH_MS * 2)
    assert said == [{"owl": 3}]


def test_what_changes_no_count_is_not_said(qtbot):
    rows, said = _rows(qtbot)
    rows.set_ground_truth(0, "owl", Box(10, 10, 50, 50), False)
    qtbot.waitUntil(lambda: said != [], timeout=FLUSH_MS * 5)
    said.clear()
    rows.set_prediction(0, "cat", 0.9, Box(12, 12, 50, 50), emit=False)
    rows.set_ground_truth(0, "owl", Box(10, 10, 50, 50), False, emit=False)  # the same boxes read again
    qtbot.wait(FLUSH_MS * 3)
    assert said == []
