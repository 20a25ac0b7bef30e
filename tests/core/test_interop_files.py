"""Where an export may write, and how images are placed there (core.interop.files)."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import export_coco, export_yolo


@pytest.mark.parametrize("export", [export_yolo, export_coco])
@pytest.mark.parametrize("inside", [".", "sub/out", "new/out"])
def test_an_export_into_the_dataset_itself_is_refused_before_anything_is_written(
        small_voc, export, inside):
    before = sorted(p.relative_to(small_voc) for p in small_voc.rglob("*"))
    out = small_voc / inside
    with pytest.raises(SaveError, match="inside the dataset being exported") as caught:
        export(open_dataset(small_voc), out, overwrite=True)
    assert caught.value.path == out
    assert sorted(p.relative_to(small_voc) for p in small_voc.rglob("*")) == before


def test_an_export_through_a_link_into_the_dataset_is_refused(small_voc, tmp_path):
    (tmp_path / "link").symlink_to(small_voc / "sub")
    with pytest.raises(SaveError, match="inside the dataset"):
        export_yolo(open_dataset(small_voc), tmp_path / "link" / "yolo")


def test_an_export_beside_the_dataset_is_fine(small_voc, tmp_path):
    # A name that merely starts like the dataset's (voc-yolo next to voc) is outside it.
    report = export_yolo(open_dataset(small_voc), tmp_path / "voc-yolo")
    assert report.images == 5 and report.problems == []


def test_a_new_voc_file_that_cannot_be_written_is_named_not_its_temporary(tmp_path):
    from petloc_gui.core.boxes import Box
    from petloc_gui.core.interop.voc_out import write_new_voc
    from petloc_gui.core.voc import VocObject, new_annotation

    annotation = new_annotation(tmp_path / "a.png", 40, 30)
    annotation.objects.append(VocObject(name="c\x01t", box=Box(1, 2, 30, 20)))  # XML cannot hold \x01
    with pytest.raises(SaveError) as caught:
        write_new_voc(annotation, tmp_path / "a.xml")
    assert caught.value.path == tmp_path / "a.xml"
    assert list(tmp_path.iterdir()) == []


class _Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even clean-up."""


def test_a_copy_killed_half_way_leaves_no_image_under_its_name_and_a_rerun_places_it(
        small_voc, tmp_path, monkeypatch):
    import os
    import shutil

    def half_then_killed(src, dst, *_args):
        dst.write(src.read()[:10])
        raise _Killed

    out = tmp_path / "yolo"
    monkeypatch.setattr(shutil, "copyfileobj", half_then_killed)
    monkeypatch.setattr(os, "unlink", lambda *_args, **_kwargs: None)
    with pytest.raises(_Killed):
        export_yolo(open_dataset(small_voc), out, images="copy")
    monkeypatch.undo()
    assert [p.name for p in (out / "images").iterdir() if not p.name.startswith(".")] == []
    report = export_yolo(open_dataset(small_voc), out, images="copy", overwrite=True)
    assert report.problems == [] and report.images == 5
    assert (out / "images" / "a.png").read_bytes() == (small_voc / "a.png").read_bytes()


def test_a_copy_never_replaces_a_file_that_appears_meanwhile(tmp_path, monkeypatch):
    import errno
    import os

    from petloc_gui.core.interop.files import COPY, place_image

    source, target = tmp_path / "a.png", tmp_path / "out" / "a.png"
    source.write_bytes(b"new image")
    real_link = os.link

    def link_after_someone_else(src, dst, *args, **kwargs):
        target.write_bytes(b"someone else's")  # appears between our check and our rename
        if os.fspath(dst) == os.fspath(target):
            raise OSError(errno.EPERM, "no hard links here")  # take the claim-and-replace path
        return real_link(src, dst, *args, **kwargs)

    target.parent.mkdir()
    monkeypatch.setattr(os, "link", link_after_someone_else)
    with pytest.raises(SaveError, match="appeared here meanwhile"):
        place_image(source, target, COPY)
    assert target.read_bytes() == b"someone else's"
    assert [p.name for p in target.parent.iterdir()] == ["a.png"]  # no temporary left


@pytest.mark.parametrize("copystat_fails", [False, True])
def test_a_copied_image_is_readable_by_others_as_its_source_is(tmp_path, monkeypatch, copystat_fails):
    import shutil
    import stat

    from petloc_gui.core.interop.files import COPY, place_image

    def refused(*_args, **_kwargs):
        raise OSError("operation not permitted")

    source, target = tmp_path / "a.png", tmp_path / "out" / "a.png"
    source.write_bytes(b"image")
    source.chmod(0o644)
    monkeypatch.setattr("petloc_gui.core.interop.files._UMASK", 0o022)
    if copystat_fails:  # e.g. a file system refusing it: a new file's usual mode, not mkstemp's 0600
        monkeypatch.setattr(shutil, "copystat", refused)
    assert place_image(source, target, COPY) == "copied"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
