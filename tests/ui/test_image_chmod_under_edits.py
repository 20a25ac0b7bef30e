"""In the window: a chmod of the image shown with unsaved edits is no news (the notes, the status line and
the save say nothing of it); a rewrite of it, even of the same size, still is (app test:
tests/app/test_image_metadata_change_no_news.py)."""

from __future__ import annotations

import os

from .conftest import edit_b, open_and_wait, wait_image_shown, write_image

CHANGED = "b.png was changed on disk by another program since your edits"


def _shown_again(qtbot, window) -> None:
    window.session.watchers.disk.check()  # the watcher's look, not waiting for its event
    window.show_row(0)
    window.show_row(1)
    wait_image_shown(qtbot, window)


def test_a_chmod_under_edits_says_nothing(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    doc = window.session.store.document(1)
    os.chmod(folder / "b.png", 0o600)  # the ctime moves; the picture is the same
    _shown_again(qtbot, window)
    assert doc.image_change is None and not doc.problems
    assert CHANGED not in window.statusBar().currentMessage()
    assert window.save_current() and not answers["warnings"] and not doc.problems


def test_a_rewrite_under_edits_is_still_said(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    doc = window.session.store.document(1)
    before = os.stat(folder / "b.png").st_mtime_ns
    write_image(folder / "b.png", seed=9)  # new pixels, the same size
    os.utime(folder / "b.png", ns=(before + 10**9, before + 10**9))
    _shown_again(qtbot, window)
    qtbot.waitUntil(lambda: doc.image_change is not None, timeout=5000)
    assert doc.image_change.startswith(CHANGED)
