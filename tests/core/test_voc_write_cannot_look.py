"""An annotation read fine, then made unreadable (mode 000, a share's permissions changed) before its
save: the write refused it as "not a readable VOC annotation (cannot read annotation: Permission
denied)", a broken file, and the window asked about it as one "replaced by another program". A file
that cannot be read at all is said as one that cannot be looked at, as its own kind of refusal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import LinkTargetError
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc
from petloc_gui.core.voc_write import InaccessibleTargetError, UnreadableTargetError


def _refuse_reading(monkeypatch, path: Path) -> None:
    """Opening ``path`` fails as a file of mode 000 does (the tests may run as root, which chmod does not stop)."""
    denied, open_ = os.fspath(path), os.open

    def refused(name, *args, **kwargs):
        if os.fspath(name) == denied:
            raise PermissionError(13, "Permission denied", denied)
        return open_(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)


def _read_then_edited(tmp_path: Path):
    target = tmp_path / "t.xml"
    first = new_annotation(tmp_path / "t.jpg", 100, 100)
    first.objects.append(VocObject("cat", Box(10, 10, 50, 50)))
    write_voc(first, target)
    annotation = read_voc(target)
    annotation.objects[0].name = "dog"
    return target, annotation


def test_a_file_that_cannot_be_read_is_said_to_be_one_that_cannot_be_looked_at(tmp_path, monkeypatch):
    target, annotation = _read_then_edited(tmp_path)
    before = target.read_bytes()
    with monkeypatch.context() as locked:
        _refuse_reading(locked, target)
        with pytest.raises(InaccessibleTargetError) as info:
            write_voc(annotation, target)
    assert isinstance(info.value, UnreadableTargetError)  # the window's question to replace it still comes
    assert "cannot be looked at (Permission denied)" in info.value.reason
    assert "not a readable VOC annotation" not in info.value.reason
    assert target.read_bytes() == before


def test_said_to_replace_it_the_file_is_replaced(tmp_path, monkeypatch):
    target, annotation = _read_then_edited(tmp_path)
    with monkeypatch.context() as locked:
        _refuse_reading(locked, target)
        write_voc(annotation, target, overwrite_unreadable=True, expected=None)
    assert read_voc(target).objects[0].name == "dog"


def test_a_broken_file_is_still_said_to_be_no_readable_annotation(tmp_path):
    target, annotation = _read_then_edited(tmp_path)
    target.write_bytes(b"<annotation><broken")
    with pytest.raises(UnreadableTargetError) as info:
        write_voc(annotation, target, expected=None)
    assert not isinstance(info.value, InaccessibleTargetError)
    assert "is not a readable VOC annotation" in info.value.reason


def test_a_link_to_a_file_that_cannot_be_read_says_so(tmp_path, monkeypatch):
    target, annotation = _read_then_edited(tmp_path)
    link = tmp_path / "link.xml"
    link.symlink_to(target)
    with monkeypatch.context() as locked:
        _refuse_reading(locked, link)
        with pytest.raises(LinkTargetError) as info:
            write_voc(annotation, link, overwrite_unreadable=True, expected=None)
    assert "which cannot be looked at (Permission denied)" in info.value.reason
