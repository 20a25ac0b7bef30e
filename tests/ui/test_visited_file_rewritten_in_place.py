"""An image visited long ago (its document still open, its file's watch given up to newer ones) whose
annotation another program rewrites in place, as labelImg saves: its row follows (label and IoU), as
an image never opened does, not only after a reopen."""

from __future__ import annotations

from petloc_gui.ui.review import disk_sync

from .conftest import open_and_wait


def _rewrite_in_place(path, old: str, new: str) -> None:
    """Same file, same inode: no folder event, only the file's own (no longer watched)."""
    with open(path, "r+", encoding="utf-8") as handle:
        text = handle.read().replace(old, new)
        handle.seek(0)
        handle.write(text)
        handle.truncate()


def test_a_visited_image_s_file_rewritten_in_place_updates_its_row(qtbot, window, folder, monkeypatch):
    monkeypatch.setattr(disk_sync, "MAX_WATCHED", 2)  # one document's file and folder
    monkeypatch.setattr(disk_sync, "POLL_MS", 200)
    open_and_wait(qtbot, window, folder)
    model = window.session.model
    window.show_row(4)  # e.png: dog, predicted dog (IoU 0.33)
    for row in (0, 1, 2):  # its watches go to the images opened after it (another folder's would too)
        window.show_row(row)
    sync = window.session.watchers.disk
    assert str(folder / "e.xml") not in sync.watcher.files()
    assert window.session.store.loaded(4) is not None and round(model.iou[4], 2) == 0.33
    qtbot.wait(3 * disk_sync.QUIET_MS)  # the comparisons the opening of those images asked for are done
    _rewrite_in_place(folder / "e.xml", "<name>dog</name>", "<name>cat</name>")
    qtbot.waitUntil(lambda: model.gt_name[4] == "cat", timeout=5000)
    assert model.iou[4] == 0.0  # the predicted dog is on no box now
    assert model.data(model.index(model.view_row(4), 4)) == "0.00"
    assert [o.name for o in window.session.store.loaded(4).objects] == ["cat"]
