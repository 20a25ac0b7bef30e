"""A folder that turns unreadable while it is open (a network share's hiccup, a sync tool, a chmod), then
readable again. Before: stepping onto an image raised PermissionError from DiskSync.watch's
``path.exists()`` out of the image's decode: the view stayed on "Loading…" for ever, with no message; and
once access came back, the rows of the images opened meanwhile still read "error", their files fine.
Now the image shows its own error, and its document is read again once its file can be looked at."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from . import unreadable_paths
from .conftest import open_and_wait, wait_image_shown

C = 2  # c.png: a cat at (20, 20, 60, 60)


fast_poll = unreadable_paths.fast_poll  # the fixture, for the test below


def test_an_image_stepped_onto_shows_its_error_and_reads_again_once_readable(
        qtbot, window, folder, answers, fast_poll, monkeypatch):
    open_and_wait(qtbot, window, folder)
    session = window.session
    assert session.store.loaded(C) is None
    with monkeypatch.context() as outage:
        unreadable_paths.unreadable(outage, folder / "c.xml", folder / "c.png")
        window.session.show(C)  # raised PermissionError here (a cached image) or in the decode's slot
        wait_image_shown(qtbot, window)
        doc = session.store.document(C)
        assert "cannot check the annotation file: Permission denied" in doc.load_error
        assert session.model.status[C] == "error" and doc.image_error
    # access is back: the poll looks at the file again, and its document is read again (no edits to keep)
    qtbot.waitUntil(lambda: session.store.document(C).load_error is None, timeout=5000)
    assert [(o.name, o.box) for o in doc.objects] == [("cat", Box(20, 20, 60, 60))]
    assert not window.has_unsaved()
    # and its image is decoded again (the poll follows the image shown too)
    qtbot.waitUntil(lambda: session.loading is None and doc.image_error is None, timeout=5000)
    assert session.model.status[C] != "error" and window.edits.doc is doc
