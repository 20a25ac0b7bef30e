"""A folder whose name is not UTF-8 (``pets\\xff``; Python holds the byte as the surrogate escape "\\udcff"):
another program's change to the open image's annotation, or to the image itself, went unnoticed there.
QFileSystemWatcher takes its paths as QStrings, which drop the escape: the watch was refused (addPath
said False, unread). Such a path is compared every `disk_sync.POLL_MS`, as a watch given up is."""

from __future__ import annotations

import os
import shutil

import pytest

from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import disk_sync

from .conftest import open_and_wait, wait_image_shown


@pytest.fixture
def bad_folder(folder, tmp_path):
    bad = tmp_path / os.fsdecode(b"pets\xff")
    try:
        folder.rename(bad)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take a name that is not UTF-8")
    return bad


def _rewrite_in_place(path, old: str, new: str) -> None:
    """As labelImg saves: the same file rewritten, its folder unchanged."""
    with open(path, "r+", encoding="utf-8") as handle:
        text = handle.read().replace(old, new)
        handle.seek(0)
        handle.write(text)
        handle.truncate()


def test_the_open_image_s_annotation_changed_by_another_program_is_reloaded(qtbot, window, bad_folder,
                                                                             monkeypatch):
    monkeypatch.setattr(disk_sync, "POLL_MS", 200)
    open_and_wait(qtbot, window, bad_folder)
    window.show_row(1)  # b.png: a dog
    doc = window.session.store.document(1)
    assert [o.name for o in doc.objects] == ["dog"] and not doc.dirty
    qtbot.wait(3 * disk_sync.QUIET_MS)  # the comparisons the opening asked for are done
    _rewrite_in_place(bad_folder / "b.xml", "<name>dog</name>", "<name>cat</name>")
    qtbot.waitUntil(lambda: [o.name for o in doc.objects] == ["cat"], timeout=5000)
    assert not doc.dirty and window.session.model.gt_name[1] == "cat"
    assert [o.name for o in read_voc(bad_folder / "b.xml").objects] == ["cat"]  # nothing written back


def test_the_image_shown_restored_by_another_program_is_shown_again(qtbot, window, bad_folder, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setattr(disk_sync, "POLL_MS", 200)
    open_and_wait(qtbot, window, bad_folder)
    shutil.copy(bad_folder / "c.png", tmp_path / "c.png")
    (bad_folder / "c.png").write_bytes((tmp_path / "c.png").read_bytes()[:200])  # truncated
    window.show_row(2)
    doc = window.session.store.document(2)
    assert doc.image_error and window.panel._image_error
    qtbot.wait(3 * disk_sync.QUIET_MS)
    with open(bad_folder / "c.png", "r+b") as handle:  # restored in place: no event in its folder
        handle.write((tmp_path / "c.png").read_bytes())
    qtbot.waitUntil(lambda: doc.image_error is None and window.session.loading is None, timeout=5000)
    wait_image_shown(qtbot, window)
    assert window.panel._image_error is None and window.session.current == 2
