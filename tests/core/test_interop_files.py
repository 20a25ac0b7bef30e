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
    with pytest.raises(SaveError) as caught:
        export(open_dataset(small_voc), out, overwrite=True)
    assert caught.value.path == out
    # str() is "OUT: reason" (what the CLI and the window show): the reason is one sentence, no
    # second colon that reads as another "FILE: " prefix.
    where = ("is the folder of the dataset being exported" if inside == "."
             else f"is inside the dataset being exported ({small_voc})")
    assert caught.value.reason == (f"{where}, so the export would become part of the dataset; choose a "
                                   "folder outside it")
    assert str(caught.value) == f"{out}: {caught.value.reason}" and ": " not in caught.value.reason
    assert sorted(p.relative_to(small_voc) for p in small_voc.rglob("*")) == before


def test_an_export_through_a_link_into_the_dataset_is_refused(small_voc, tmp_path):
    (tmp_path / "link").symlink_to(small_voc / "sub")
    with pytest.raises(SaveError, match="inside the dataset"):
        export_yolo(open_dataset(small_voc), tmp_path / "link" / "yolo")


def test_an_export_beside_the_dataset_is_fine(small_voc, tmp_path):
    # A name that merely starts like the dataset's (voc-yolo next to voc) is outside it.
    report = export_yolo(open_dataset(small_voc), tmp_path / "voc-yolo")
    assert report.images == 5 and report.problems == []


@pytest.mark.parametrize("layout, images, xmls", [("oxford", "images", "annotations/xmls"),
                                                   ("voc-devkit", "JPEGImages", "Annotations"),
                                                   ("images-annotations", "images", "Annotations")])
def test_a_dataset_of_separate_folders_refuses_only_its_own_folders(tmp_path, layout, images, xmls):
    from tests.core.interop_helpers import write_voc_image

    root = tmp_path / "pets"
    (root / xmls).mkdir(parents=True)
    (root / images).mkdir()
    write_voc_image(root / images, "cat_1.png", 40, 30, [("cat", (5, 5, 20, 20))])
    (root / images / "cat_1.xml").replace(root / xmls / "cat_1.xml")
    dataset = open_dataset(root)
    assert dataset.layout == layout and len(dataset) == 1
    # Beside its folders, not read by it (only they are).
    report = export_yolo(dataset, root / "exports" / "yolo")
    assert report.images == 1 and report.problems == []
    assert len(open_dataset(root)) == 1
    with pytest.raises(SaveError, match=r"is the folder of the dataset being exported, so "):
        export_yolo(dataset, root, overwrite=True)
    for inside in (images, f"{images}/yolo", xmls.split("/")[0]):
        with pytest.raises(SaveError) as caught:
            export_coco(dataset, root / inside, overwrite=True)
        assert caught.value.reason == (f"is inside {inside.split('/')[0]}/ of the dataset being exported "
                                       f"({root}), a folder the dataset is read from; choose a folder "
                                       "outside it")


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
    monkeypatch.setattr("petloc_gui.core.atomic._UMASK", 0o022)
    if copystat_fails:  # e.g. a file system refusing it: a new file's usual mode, not mkstemp's 0600
        monkeypatch.setattr(shutil, "copystat", refused)
        monkeypatch.setattr(shutil, "copymode", refused)
    assert place_image(source, target, COPY) == "copied"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_copy_in_progress_is_not_swept_by_another_export_into_the_same_folder(tmp_path, monkeypatch):
    import os

    from petloc_gui.core.interop import files
    from petloc_gui.core.stale import remove_stale

    source, target = tmp_path / "a.png", tmp_path / "out" / "a.png"
    source.write_bytes(b"image")
    old = 1_500_000_000  # a photo taken years ago
    os.utime(source, (old, old))
    name_exclusive = files._name_exclusive

    def another_export_sweeps_first(complete, final):
        remove_stale(final.parent)  # e.g. convert --from into the same folder, starting now
        return name_exclusive(complete, final)

    monkeypatch.setattr(files, "_name_exclusive", another_export_sweeps_first)
    assert files.place_image(source, target, files.COPY) == "copied"
    assert target.read_bytes() == b"image" and int(target.stat().st_mtime) == old  # its time, once named


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_a_copy_killed_half_way_leaves_a_temporary_a_later_export_removes_once_a_day_old(
        small_voc, tmp_path, monkeypatch, export):
    import os
    import shutil
    import time

    from petloc_gui.core.stale import is_our_temporary_file

    real_copy = shutil.copyfileobj

    def killed_at_r_jpg(src, dst, *args):
        if not src.name.endswith("r.jpg"):
            return real_copy(src, dst, *args)
        dst.write(src.read()[:10])
        raise _Killed

    real_unlink = os.unlink

    def unlink_but_the_killed_copy(path, *args, **kwargs):
        if ".r.jpg." not in os.path.basename(path):  # killed: its clean-up never runs
            real_unlink(path, *args, **kwargs)

    out = tmp_path / "out"
    monkeypatch.setattr(shutil, "copyfileobj", killed_at_r_jpg)
    monkeypatch.setattr(os, "unlink", unlink_but_the_killed_copy)
    with pytest.raises(_Killed):
        export(open_dataset(small_voc), out, images="copy")
    monkeypatch.undo()
    [left] = [p for p in (out / "images").iterdir() if p.name.startswith(".")]
    assert is_our_temporary_file(left.name)
    export(open_dataset(small_voc), out, overwrite=True)
    assert left.exists()  # less than a day old: it could be another export's, still running
    then = time.time() - 2 * 24 * 3600
    os.utime(left, (then, then))
    export(open_dataset(small_voc), out, overwrite=True)
    assert not left.exists()


def test_a_label_file_killed_half_way_leaves_a_temporary_core_stale_removes(tmp_path, monkeypatch):
    import os

    from petloc_gui.core.interop.files import write_derived
    from petloc_gui.core.stale import is_our_temporary_file

    def killed(*_args):
        raise _Killed

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "unlink", lambda *_args, **_kwargs: None)  # killed: its clean-up never runs
    with pytest.raises(_Killed):
        write_derived(tmp_path / "a.txt", b"0 0.5 0.5 0.1 0.1\n")
    monkeypatch.undo()
    [left] = list(tmp_path.iterdir())
    assert is_our_temporary_file(left.name)


def test_a_conversion_into_a_folder_removes_a_killed_one_s_day_old_temporaries(tmp_path):
    import os
    import time

    from petloc_gui.core.interop import read_yolo, write_voc_records
    from petloc_gui.core.interop.records import ConversionReport
    from tests.cli.helpers import write_image

    src, out = tmp_path / "src", tmp_path / "voc"
    src.mkdir()
    write_image(src / "a.jpg", 40, 30)
    (src / "classes.txt").write_text("cat\n")
    (src / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    out.mkdir()
    left = out / ".a.jpg.k2j3h4g5.4242.petloc-new"
    left.write_bytes(b"half an image")
    then = time.time() - 2 * 24 * 3600
    os.utime(left, (then, then))
    write_voc_records(read_yolo(src, ConversionReport()), out)
    assert sorted(p.name for p in out.iterdir()) == ["a.jpg", "a.xml"]


def test_an_image_name_claimed_for_a_copy_is_not_left_empty_when_the_copy_cannot_take_it(
        tmp_path, monkeypatch):
    import errno
    import os

    from petloc_gui.core.interop.files import COPY, place_image

    source, target = tmp_path / "a.png", tmp_path / "out" / "a.png"
    source.write_bytes(b"image")

    def no_link(*_args, **_kwargs):
        raise OSError(errno.EPERM, "no hard links here")

    def replace_fails(*_args, **_kwargs):
        raise OSError(errno.EIO, "input/output error")

    monkeypatch.setattr(os, "link", no_link)
    monkeypatch.setattr(os, "replace", replace_fails)
    with pytest.raises(SaveError, match="input/output error"):
        place_image(source, target, COPY)
    monkeypatch.undo()
    assert list(target.parent.iterdir()) == []  # neither the empty claim nor the temporary
    assert place_image(source, target, COPY) == "copied"  # a rerun is not refused
