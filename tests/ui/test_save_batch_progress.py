"""Save All on a slow disk: each file synced, the folder once per batch, and the window says how far it is.

Measured with an fsync of 0.5 s (a network share, a USB stick): Ctrl+Shift+S of five images froze the
window 5.2 s (two fsyncs a file), with every row still "edited (unsaved)" and no word on the status line.
"""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtWidgets import QStatusBar

from petloc_gui.app.image_document import STATUS_EDITED
from petloc_gui.core import atomic
from petloc_gui.ui.review import save_guard

from .conftest import open_and_wait

EDITED = [1, 2, 3, 4]  # b, c, e change box; d gets its first one (a new file)


def _edit(window, rows=EDITED) -> None:
    for row in rows:
        window.show_row(row)
        window.accept_prediction()
    assert window.session.store.dirty_indices() == rows


@pytest.fixture
def fsyncs(monkeypatch):
    """"dir" or "file" for every fsync, in order."""
    seen: list[str] = []
    real = os.fsync

    def fsync(fd):
        seen.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    return seen


def test_save_all_syncs_each_file_and_the_folder_once(qtbot, window, folder, fsyncs):
    open_and_wait(qtbot, window, folder)
    _edit(window)
    assert window.save_all()
    assert fsyncs == ["file"] * len(EDITED) + ["dir"]  # was ["file", "dir"] * 4
    assert not window.has_unsaved()
    assert window.statusBar().currentMessage() == "Saved 4 images."


def test_a_batch_says_how_far_it_is_and_shows_each_row_saved_as_it_lands(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    _edit(window)
    model, bar = window.session.model, window.statusBar()
    painted: list[str] = []
    monkeypatch.setattr(QStatusBar, "repaint", lambda self: painted.append(self.currentMessage()))
    seen = []  # (file written, the status line then, the edited rows then, painted so far)
    real_replace = atomic.os.replace

    def replace(src, dst):
        seen.append((os.path.basename(dst), bar.currentMessage(),
                     [row for row in EDITED if model.status[row] == STATUS_EDITED], list(painted)))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    assert window.save_all()
    assert [(name, message, edited) for name, message, edited, _ in seen] == [
        ("b.xml", "Saving 1 of 4: b.xml…", [1, 2, 3, 4]),
        ("c.xml", "Saving 2 of 4: c.xml…", [2, 3, 4]),
        ("d.xml", "Saving 3 of 4: d.xml…", [3, 4]),
        ("e.xml", "Saving 4 of 4: e.xml…", [4]),
    ]
    # painted before each write (the event loop does not run until the batch is done); the paints are
    # spaced on a fast disk, so the first is checked, and the last row painted before the folder's sync
    assert seen[0][3] == ["Saving 1 of 4: b.xml…"]
    assert len(painted) >= 2 and painted[-1] == "Saving 4 of 4: e.xml…"
    assert bar.currentMessage() == "Saved 4 images."


def test_one_image_saved_says_its_name(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    _edit(window, [1])
    said = []
    real_replace = atomic.os.replace
    monkeypatch.setattr(atomic.os, "replace", lambda src, dst: said.append(window.statusBar().currentMessage())
                        or real_replace(src, dst))
    assert window.save_current()
    assert said == ["Saving b.xml…"]
    assert window.statusBar().currentMessage() == "Saved 1 image."


def test_the_files_saved_before_a_question_are_durable_while_it_is_asked(qtbot, window, folder, monkeypatch, fsyncs):
    open_and_wait(qtbot, window, folder)
    _edit(window, [1, 2])
    (folder / "c.xml").write_text((folder / "c.xml").read_text().replace("cat", "dog"))  # another program
    asked = []
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: asked.append(list(fsyncs)) or save_guard.KEEP_MINE)
    assert window.save_all()
    assert asked == [["file", "dir"]]  # b.xml and its folder synced before the question on c.xml
    assert fsyncs == ["file", "dir", "file", "dir"]
