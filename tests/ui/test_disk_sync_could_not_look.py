"""DiskSync and a file that cannot be looked at (a folder turned unreadable while open): watching it raised
PermissionError out of the image's decode, leaving "Loading…" on screen for good, and a document read
meanwhile was never compared again (no state to compare with), its row reading "error" once access came
back. Now such a file is polled, and its document reported as changed once the file can be looked at."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from petloc_gui.core.disk_state import current_state
from petloc_gui.ui.review import disk_sync
from petloc_gui.ui.review.disk_sync import DiskSync


@pytest.fixture(autouse=True)
def _fast_poll(monkeypatch):
    monkeypatch.setattr(disk_sync, "POLL_MS", 50)


def _doc(path: Path, **fields):
    given = {"annotation_path": path, "disk_state": None, "external_change": None, "shared_with": None,
             "load_error": f"{path}: cannot check the annotation file: Permission denied"}
    return SimpleNamespace(**(given | fields))


def _refused_stat(monkeypatch, *paths):
    denied, stat = {os.fspath(p) for p in paths}, os.stat

    def refused(path, *args, **kwargs):
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied")
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refused)


def test_a_file_that_cannot_be_looked_at_is_polled_not_raised(qtbot, tmp_path, monkeypatch):
    xml, image = tmp_path / "a.xml", tmp_path / "a.png"
    xml.write_text("<annotation/>")
    image.write_bytes(b"png")
    doc = _doc(xml)
    changed, shown_again = [], []
    sync = DiskSync(lambda: [(0, doc)], lambda row, _doc, state: changed.append((row, state)))
    with monkeypatch.context() as outage:
        _refused_stat(outage, xml, image)
        sync.watch(doc)  # raised PermissionError from path.exists()
        sync.follow_image(image, shown_again.append)  # so did this
        qtbot.wait(200)
        assert changed == [] and shown_again == []  # still not to be looked at: nothing to say
    qtbot.waitUntil(lambda: changed == [(0, current_state(xml))], timeout=3000)
    qtbot.waitUntil(lambda: shown_again == [image], timeout=3000)  # decoded again
    sync.stop()


def test_a_document_read_while_its_file_could_not_be_looked_at_is_compared_once_it_can(qtbot, tmp_path):
    xml, shared = tmp_path / "a.xml", tmp_path / "b.xml"
    for path in (xml, shared):
        path.write_text("<annotation/>")  # looked at fine by the watch: access came back since the read
    doc = _doc(xml)
    other = _doc(shared, load_error=None, shared_with="b.png")  # another image's file: no state, never news
    changed = []
    sync = DiskSync(lambda: [(0, doc), (1, other)], lambda row, _doc, state: changed.append(row))
    sync.watch(other)
    sync.watch(doc)
    qtbot.waitUntil(lambda: 0 in changed, timeout=3000)  # no event says so: the poll finds it
    assert 1 not in changed
    sync.stop()


def test_the_poll_stops_once_a_file_not_written_yet_can_be_looked_at(qtbot, tmp_path, monkeypatch):
    """An image without annotation stepped onto while its folder was unreadable: its annotation path was polled
    every 4 s for as long as the folder stayed open, though access came back and the file simply is not there."""
    xml = tmp_path / "a.xml"  # not written yet
    doc = _doc(xml)
    sync = DiskSync(lambda: [(0, doc)], lambda row, _doc, state: None)
    with monkeypatch.context() as outage:
        _refused_stat(outage, xml)
        sync.watch(doc)
        qtbot.wait(150)
        assert sync.poll.isActive()  # polled while it cannot be looked at
    qtbot.waitUntil(lambda: not sync.poll.isActive(), timeout=3000)
    assert str(xml) not in sync._given_up
    xml.write_text("<annotation/>")  # written later: the folder's watch sees it, as for any new file
    sync.stop()
