"""An annotation file that could not be read for a moment when its image was opened (a folder unreadable
while the user stepped onto it: a network share's hiccup, a sync tool, a chmod), readable and valid again
by the save. Before: the document kept the error of that moment and no state of the file, so the save
checked nothing and, once the user said to overwrite "the unreadable file", replaced the good annotation.
Now the save looks at the file again: readable, it is another program's version (ExternalChangeError)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from petloc_gui.app.annotation_look import could_not_look, unreadable_now
from petloc_gui.app.annotation_store import read_document, save_document
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import ExternalChangeError, SaveError
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc

DENIED = PermissionError(13, "Permission denied")


@pytest.fixture
def cat(tmp_path) -> tuple[Path, Path]:
    image = tmp_path / "a.png"
    Image.new("RGB", (120, 90)).save(image)
    annotation = new_annotation(image, 120, 90)
    annotation.objects.append(VocObject(name="cat", box=Box(10, 10, 50, 50)))
    xml = tmp_path / "a.xml"
    write_voc(annotation, xml)
    return image, xml


def _denied(monkeypatch, xml: Path) -> None:
    """Every look at ``xml`` fails, as in a folder that is not searchable."""
    is_file, stat = Path.is_file, os.stat

    def refused_is_file(path):
        if path == xml:
            raise DENIED
        return is_file(path)

    def refused_stat(path, *args, **kwargs):
        if os.fspath(path) == str(xml):
            raise DENIED
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(Path, "is_file", refused_is_file)
    monkeypatch.setattr(os, "stat", refused_stat)


def _one_open_fails(monkeypatch, xml: Path) -> None:
    """The first open of ``xml`` fails (an I/O error of a moment); the next one, for its state, works."""
    real_open = os.open
    failures = [OSError(5, "Input/output error")]

    def open_once_refused(path, *args, **kwargs):
        if os.fspath(path) == str(xml) and failures:
            raise failures.pop()
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_once_refused)


def _read_while_denied(monkeypatch, image: Path, xml: Path, whole_folder: bool = True):
    with monkeypatch.context() as denied:
        (_denied if whole_folder else _one_open_fails)(denied, xml)
        doc = read_document(image, xml, (120, 90))
    assert doc.load_error and "cannot check the annotation file" in doc.load_error and doc.annotation is None
    doc.image_size = (120, 90)
    doc.objects.append(VocObject(name="dog", box=Box(1, 1, 20, 20)))  # drawn on "GT: none"
    return doc


@pytest.mark.parametrize("whole_folder", [True, False], ids=["no state recorded", "the good file's state recorded"])
def test_a_file_readable_again_is_not_replaced_by_overwrite_unreadable(monkeypatch, cat, whole_folder):
    image, xml = cat
    doc = _read_while_denied(monkeypatch, image, xml, whole_folder)
    assert could_not_look(doc) == whole_folder
    before = xml.read_bytes()
    with pytest.raises(ExternalChangeError) as raised:
        save_document(doc, overwrite_unreadable=True)
    assert raised.value.found is not None and raised.value.found.exists
    assert xml.read_bytes() == before and [o.name for o in read_voc(xml).objects] == ["cat"]
    assert doc.dirty
    save_document(doc, overwrite_unreadable=True, keep_mine=True)  # the user's "Keep mine"
    assert [o.name for o in read_voc(xml).objects] == ["dog"]


def test_a_file_still_not_to_be_looked_at_is_written_only_when_the_user_said_so(monkeypatch, cat):
    image, xml = cat
    doc = _read_while_denied(monkeypatch, image, xml)
    before = xml.read_bytes()
    with monkeypatch.context() as denied:
        _denied(denied, xml)
        assert "cannot check the annotation file: Permission denied" in unreadable_now(doc)
        with pytest.raises(SaveError, match="cannot look at the file before saving"):
            save_document(doc)
    assert xml.read_bytes() == before and doc.dirty


def test_a_file_gone_since_is_expected_to_stay_gone(monkeypatch, cat):
    image, xml = cat
    doc = _read_while_denied(monkeypatch, image, xml)
    xml.unlink()
    assert unreadable_now(doc) is None
    save_document(doc)
    assert [o.name for o in read_voc(xml).objects] == ["dog"] and not doc.dirty


def test_a_file_that_cannot_be_opened_is_said_as_one_not_looked_at(monkeypatch, cat):
    image, xml = cat
    real_open = os.open

    def refused_open(path, *args, **kwargs):
        if os.fspath(path) == str(xml):
            raise DENIED
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused_open)
    doc = read_document(image, xml, (120, 90))
    assert doc.load_error == f"{xml}: cannot check the annotation file: Permission denied"
    assert could_not_look(doc)
