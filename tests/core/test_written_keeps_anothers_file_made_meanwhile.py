"""A path noted as the run's before its write or placing (`Written._new`) where another program put a file before
the run's own exclusive link, the run then stopped (Ctrl+C) inside the write: the note was kept, as a file was there,
and the take-back removed the other program's file. `petloc convert --from yolo` into the VOC folder the window has
open, the user pressing Ctrl+S on r.xml (or dropping e.jpg in) just before the run came to that name, then Ctrl+C:
their r.xml and e.jpg were deleted. The writers now tell the `Written` which file they are about to give the name
(`written.naming`: the temporary, or the image a hard link shares), and a raise keeps the note only when that file is
the one there."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from petloc_gui.core.interop import files, voc_out
from petloc_gui.core.interop.written import Written
from petloc_gui.core.voc import new_annotation

THEIRS = b"<annotation>the user's own save</annotation>"


def _annotation(folder: Path):
    return new_annotation(folder / "r.jpg", 100, 100, 3)


def test_a_voc_file_saved_by_another_before_the_runs_link_stays(tmp_path, monkeypatch):
    target = tmp_path / "Annotations" / "r.xml"
    target.parent.mkdir()

    def saved_meanwhile_then_stopped(_annotation, _staging):
        target.write_bytes(THEIRS)  # the window's Ctrl+S, as the run writes its staging file
        raise KeyboardInterrupt  # Ctrl+C before the run's link

    monkeypatch.setattr(voc_out, "write_voc", saved_meanwhile_then_stopped)
    written = Written()
    with pytest.raises(KeyboardInterrupt):
        written.created(target, lambda: voc_out.write_new_voc(_annotation(tmp_path), target))
    assert written.files == [] and written.take_back() == (0, [])
    assert target.read_bytes() == THEIRS


@pytest.mark.parametrize("mode", [files.COPY, files.LINK])
def test_an_image_put_by_another_before_the_runs_placing_stays(tmp_path, monkeypatch, mode):
    source, image = tmp_path / "src.jpg", tmp_path / "JPEGImages" / "e.jpg"
    source.write_bytes(b"source image bytes")
    image.parent.mkdir()

    def dropped_meanwhile_then_stopped(*_args):
        image.write_bytes(b"the user's own photo")
        raise KeyboardInterrupt

    # the user's photo lands during the copy, or (linking) just before the link: then the Ctrl+C
    monkeypatch.setattr(files.shutil, "copyfileobj", dropped_meanwhile_then_stopped)
    monkeypatch.setattr(files.os, "link", dropped_meanwhile_then_stopped)
    written = Written()
    with pytest.raises(KeyboardInterrupt):
        written.placing(image, lambda: files.place_image(source, image, mode))
    assert written.files == [] and written.take_back() == (0, [])
    assert image.read_bytes() == b"the user's own photo"


def test_a_label_file_put_by_another_before_the_runs_rename_stays(tmp_path, monkeypatch):
    label = tmp_path / "labels" / "r.txt"
    label.parent.mkdir()

    def put_meanwhile_then_stopped(_tmp, _path):
        label.write_bytes(b"1 0.5 0.5 0.2 0.2\n")
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", put_meanwhile_then_stopped)
    written = Written()
    with pytest.raises(KeyboardInterrupt):
        written.wrote(label, lambda: files.write_derived(label, b"0 0.1 0.1 0.1 0.1\n"), tells_identity=True)
    assert written.files == [] and written.take_back() == (0, [])
    assert label.read_bytes() == b"1 0.5 0.5 0.2 0.2\n"


def _stopped_right_after(monkeypatch, name: str) -> None:
    """``files.os.<name>`` (link or replace) does its work, then a Ctrl+C lands as it returns."""
    real = getattr(os, name)

    def then_stopped(*args, **kwargs):
        real(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, name, then_stopped)


def test_the_runs_own_voc_file_linked_as_a_stop_lands_is_taken_back(tmp_path, monkeypatch):
    target = tmp_path / "r.xml"
    _stopped_right_after(monkeypatch, "link")
    written = Written()
    with pytest.raises(KeyboardInterrupt):
        written.created(target, lambda: voc_out.write_new_voc(_annotation(tmp_path), target))
    assert written.take_back() == (1, []) and os.listdir(tmp_path) == []


@pytest.mark.parametrize("mode", [files.COPY, files.LINK])
def test_the_runs_own_image_placed_as_a_stop_lands_is_taken_back(tmp_path, monkeypatch, mode):
    source, image = tmp_path / "src.jpg", tmp_path / "out" / "e.jpg"
    source.write_bytes(b"source image bytes")
    _stopped_right_after(monkeypatch, "link")
    written = Written()
    with pytest.raises(KeyboardInterrupt):
        written.placing(image, lambda: files.place_image(source, image, mode))
    assert written.take_back() == (1, []) and os.listdir(image.parent) == []
    assert source.read_bytes() == b"source image bytes"


def test_the_runs_own_label_file_renamed_as_a_stop_lands_is_taken_back(tmp_path, monkeypatch):
    label = tmp_path / "r.txt"
    _stopped_right_after(monkeypatch, "replace")
    written = Written()
    with pytest.raises(KeyboardInterrupt):
        written.wrote(label, lambda: files.write_derived(label, b"0 0.1 0.1 0.1 0.1\n"), tells_identity=True)
    assert written.take_back() == (1, []) and os.listdir(tmp_path) == []


def test_a_copy_named_by_its_claim_where_links_fail_is_the_runs(tmp_path, monkeypatch):
    """No hard links (FAT, some shares): the copy takes its name by an exclusive claim replaced by the copy."""
    source, image = tmp_path / "src.jpg", tmp_path / "out" / "e.jpg"
    source.write_bytes(b"source image bytes")

    def no_links(*_args):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    _stopped_right_after(monkeypatch, "replace")
    written = Written()
    with pytest.raises(KeyboardInterrupt):
        written.placing(image, lambda: files.place_image(source, image, files.COPY))
    assert written.take_back() == (1, []) and os.listdir(image.parent) == []
