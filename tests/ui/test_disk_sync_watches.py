"""DiskSync watches the files of the documents opened last, not one more per image for the whole session
(inotify watches are a per-user budget; once spent, adding one failed without a word)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from petloc_gui.core.disk_state import current_state
from petloc_gui.ui.review import disk_sync
from petloc_gui.ui.review.disk_sync import DiskSync

CAP = 20


@pytest.fixture
def docs(tmp_path, monkeypatch):
    """60 opened documents, each in a folder of its own (so no folder watch covers another's file)."""
    monkeypatch.setattr(disk_sync, "MAX_WATCHED", CAP, raising=False)
    out = []
    for row in range(3 * CAP):
        path = tmp_path / f"f{row}" / "a.xml"
        path.parent.mkdir()
        path.write_text(f"<annotation>{row}</annotation>")
        out.append((row, SimpleNamespace(annotation_path=path, disk_state=current_state(path), external_change=None)))
    return out


def _watched(sync: DiskSync) -> list[str]:
    return sync.watcher.files() + sync.watcher.directories()


def test_the_watches_stay_bounded_and_the_last_opened_are_watched(qtbot, docs):
    sync = DiskSync(lambda: docs, lambda *_: None)
    for _row, doc in docs:
        sync.watch(doc)
    assert len(_watched(sync)) <= CAP  # one file and one folder per document before: 120
    last = docs[-1][1].annotation_path
    assert str(last) in sync.watcher.files() and str(last.parent) in sync.watcher.directories()
    image = last.parent / "a.png"
    image.write_bytes(b"png")
    sync.follow_image(image, lambda _path: None)  # the image shown: always watched
    assert str(image) in sync.watcher.files() and len(_watched(sync)) <= CAP
    sync.stop()
    assert _watched(sync) == []


def test_a_file_changed_while_unwatched_is_seen_when_its_document_is_opened_again(qtbot, docs):
    changed = []
    sync = DiskSync(lambda: docs, lambda row, _doc, _state: changed.append(row))
    for _row, doc in docs:
        sync.watch(doc)
    first = docs[0][1]
    assert str(first.annotation_path) not in _watched(sync)
    first.annotation_path.write_text("<annotation>rewritten by another program</annotation>")  # in place
    qtbot.wait(3 * disk_sync.QUIET_MS)
    assert changed == []  # nothing watched there any more
    sync.watch(first)  # shown again
    qtbot.waitUntil(lambda: changed == [0], timeout=3000)
    assert str(first.annotation_path) in sync.watcher.files()
    sync.stop()


def test_the_document_shown_is_followed_as_before(qtbot, docs):
    changed = []
    sync = DiskSync(lambda: docs, lambda row, _doc, _state: changed.append(row))
    for _row, doc in docs:
        sync.watch(doc)
    row, doc = docs[-1]
    doc.annotation_path.write_text("<annotation>rewritten in place</annotation>")
    qtbot.waitUntil(lambda: changed == [row], timeout=3000)
    sync.stop()


def test_the_polled_paths_keep_only_what_the_opened_documents_need(qtbot, docs):
    # a long session steps past many images: each left its paths to the poll, which then grew with every image
    # visited and never stopped; a document no longer opened is read afresh when shown again
    opened = docs[-3:]
    sync = DiskSync(lambda: opened, lambda *_: None)
    for _row, doc in docs:
        sync.watch(doc)
    assert len(sync._given_up) > 2 * CAP  # the paths of the 40 documents stepped past, before the poll
    sync._check_unwatched()
    needed = {str(p) for _row, doc in opened for p in (doc.annotation_path, doc.annotation_path.parent)}
    assert sync._given_up <= needed
    opened = []
    sync._check_unwatched()
    assert not sync._given_up and not sync.poll.isActive()
