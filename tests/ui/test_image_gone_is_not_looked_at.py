"""The "image gone" of the unsaved-changes question (`save_guard._gone`) is its own rule, not
`annotation_look.looked_at(image) is False`: the cases where the two differed (a folder at the name, a stat
refused where Path.is_file says False) are now said alike by the look too: something there, or why not known."""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.app.annotation_look import looked_at
from petloc_gui.ui.review.save_guard import _gone


def test_missing_or_under_a_file_is_gone_there_or_a_folder_is_not(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"x")
    (tmp_path / "f").write_bytes(b"")
    (tmp_path / "dir.jpg").mkdir()
    assert _gone(tmp_path / "b.jpg") and _gone(tmp_path / "f" / "a.jpg")
    assert not _gone(tmp_path / "a.jpg")
    assert not _gone(tmp_path / "dir.jpg") and looked_at(tmp_path / "dir.jpg") is True  # there, no regular file


def test_an_image_that_cannot_be_looked_at_is_not_gone_where_is_file_hides_why(tmp_path, monkeypatch):
    image = tmp_path / "a.jpg"
    image.write_bytes(b"x")
    real_stat = os.stat

    def denied(path, *args, **kwargs):
        if os.fspath(path) == str(image):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", denied)
    assert not _gone(image)
    # Python 3.14's Path.is_file (os.path.isfile: False for any OSError), on every Python this runs on
    monkeypatch.setattr(Path, "is_file", lambda self: os.path.isfile(self))
    assert not _gone(image) and "cannot check the annotation file: Permission denied" in str(looked_at(image))
