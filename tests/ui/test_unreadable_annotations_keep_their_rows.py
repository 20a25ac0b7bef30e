"""Annotation files that cannot be looked at for a while (their folder turned unreadable, a network share's
hiccup). The follower took a file it could not stat for a file gone and read it: every annotated image not
open turned "error: Permission denied", its boxes dropped from the list (label, IoU, the review order) for as
long as it lasted. Now such a file is no news: its row stays as read, and once it can be looked at again it
is read only if it changed meanwhile."""

from __future__ import annotations

import os

from petloc_gui.ui.review.folder_follower import UNLOOKED, changed_files, stamps

from .conftest import open_and_wait


def _stat_refused(monkeypatch, *paths) -> None:
    denied = {os.fspath(path) for path in paths}
    stat = os.stat

    def refused(path, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refused)


def _follow_once(qtbot, window) -> None:
    follower = window.session.watchers.follower
    follower.look()
    qtbot.waitUntil(lambda: not follower.looks.busy, timeout=5000)


def test_rows_stay_as_read_while_their_files_cannot_be_looked_at(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)  # a.png shown; c.png and e.png annotated, not open
    model = window.session.model
    before = [(model.status[row], model.gt_name[row], model.gt_box[row]) for row in (2, 4)]
    with monkeypatch.context() as outage:
        _stat_refused(outage, folder / "c.xml", folder / "e.xml")
        _follow_once(qtbot, window)
        assert [(model.status[row], model.gt_name[row], model.gt_box[row]) for row in (2, 4)] == before
        text = (folder / "e.xml").read_text(encoding="utf-8")  # changed meanwhile by another program
        (folder / "e.xml").write_text(text.replace("<name>dog</name>", "<name>cat</name>"), encoding="utf-8")
        _follow_once(qtbot, window)
        assert model.gt_name[4] == "dog"
    _follow_once(qtbot, window)  # looked at again: the file changed meanwhile is read, the other is not news
    assert model.gt_name[4] == "cat" and (model.status[2], model.gt_name[2], model.gt_box[2]) == before[0]


def test_a_file_first_seen_unlooked_is_read_once_it_can_be(tmp_path, monkeypatch):
    xml, gone = tmp_path / "a.xml", tmp_path / "b.xml"
    xml.write_text("<annotation/>")
    with monkeypatch.context() as outage:
        _stat_refused(outage, xml)
        known = stamps([xml, gone])
        assert known == [UNLOOKED, None]  # not "no file" (b.xml is none)
        assert changed_files([xml, gone], known, read=lambda row: row)[0] == []
    rows, results, now = changed_files([xml, gone], known, read=lambda row: row)
    assert rows == [0] and results == [0] and now[0] not in (None, UNLOOKED)
