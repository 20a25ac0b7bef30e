"""The no-model bar counts the boxes again when the list changes, not every second: it recounted every
row twice per second while shown (`refresh` counted, then `missing` counted again)."""

from __future__ import annotations

from petloc_gui.core.boxes import Box


def _bar_on_a_list(qtbot):
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar
    from petloc_gui.ui.review.file_list import FileListModel

    rows = FileListModel([f"img_{i}.png" for i in range(6)], [False] * 6)
    for row in range(2):
        rows.set_ground_truth(row, "bird", Box(10, 10, 50, 50), False)
    counted = []
    bar = NewClassesBar(None, lambda: (counted.append(1), rows.box_counts())[1])
    qtbot.addWidget(bar)
    bar.show_for(frozenset({"bird"}), frozenset(), rows=rows)
    return bar, rows, counted


def test_no_count_while_nothing_changes(qtbot):
    bar, _rows, counted = _bar_on_a_list(qtbot)
    assert counted == [1]  # shown: counted once
    assert "bird (1 more)" in bar.message.text()
    qtbot.wait(2300)  # (it looked each second)
    assert counted == [1]  # nothing changed: nothing counted


def test_a_change_is_counted_once_after_the_throttle(qtbot):
    from petloc_gui.ui.models.new_classes_bar import THROTTLE_MS

    bar, rows, counted = _bar_on_a_list(qtbot)
    rows.set_ground_truth(2, "bird", Box(10, 10, 50, 50), False)  # the third bird: enough to train
    rows.set_ground_truth(3, "fox", Box(10, 10, 50, 50), False)  # and a new class, in the same burst
    assert counted == [1]  # not at once, for each change
    qtbot.waitUntil(lambda: "fox (2 more)" in bar.message.text(), timeout=THROTTLE_MS * 4)
    assert counted == [1, 1]  # both changes, one count
    assert "bird" not in bar.message.text().split("still needed:")[1]
    qtbot.wait(THROTTLE_MS * 3)
    assert counted == [1, 1]


def test_a_concealed_bar_counts_nothing(qtbot):
    from petloc_gui.ui.models.new_classes_bar import THROTTLE_MS

    bar, rows, counted = _bar_on_a_list(qtbot)
    bar.conceal()
    rows.set_ground_truth(4, "fox", Box(10, 10, 50, 50), False)
    qtbot.wait(THROTTLE_MS * 3)
    assert counted == [1] and not bar.isVisible()


def test_the_screenshot_saves_the_bar_with_its_counts_now(qtbot, window, folder, tmp_path, monkeypatch):
    """It waited out the bar's one-second refresh after the scan (then 1,200 ms): it brings the
    counts up to date itself before the grab."""
    from petloc_gui.ui.screenshot import ScreenshotTaker

    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder)
    bar = window.models.new_classes
    bar.show_for(frozenset({"cat", "dog"}), frozenset())
    bar.message.setText("stale")  # as before the bar's next count
    taker = ScreenshotTaker(window, tmp_path / "shot.png")
    finished = []
    monkeypatch.setattr(taker, "_finish", finished.append)
    taker._save()
    assert finished == [0] and (tmp_path / "shot.png").exists()
    assert bar.message.text().startswith("No available model knows")


def test_an_edit_signal_is_counted_too(qtbot):
    """``edited`` (`EditController.document_changed`): an edit to a row the list's filter hides, of which
    the list says nothing."""
    from PySide6.QtCore import QObject, Signal

    from petloc_gui.ui.models.new_classes_bar import THROTTLE_MS, NewClassesBar

    class Edits(QObject):
        document_changed = Signal(object)

    edits, counts = Edits(), {"bird": 1}
    bar = NewClassesBar(None, lambda: dict(counts))
    qtbot.addWidget(bar)
    bar.show_for(frozenset({"bird"}), frozenset(), edited=edits.document_changed)
    counts["bird"] = 2
    edits.document_changed.emit(object())
    qtbot.waitUntil(lambda: "bird (1 more)" in bar.message.text(), timeout=THROTTLE_MS * 4)
    bar.conceal()  # no longer followed
    counts["bird"] = 3
    edits.document_changed.emit(object())
    qtbot.wait(THROTTLE_MS * 3)
    assert "bird (1 more)" in bar.message.text()
