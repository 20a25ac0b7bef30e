"""The earlier export's manifest kept aside by `export_yolo --overwrite` was deleted at the first label file with a
box of other classes, so a stop could not give it back even though every file of the run's can be taken back
(`unfinished.OutputBefore`). It is kept aside until the export finishes now, marked outdated from that file on: a
stopped run puts it back once its files are taken back; one killed leaves it marked, and the next run, which finds
label files it would read wrong, removes it rather than put it back."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_yolo, unfinished
from petloc_gui.core.interop.unfinished import OutputBefore
from tests.cli.helpers import stop_at_placing


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (no except clause of the export catches it)."""


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _earlier_export_then_other_classes(small_voc: Path, out: Path) -> None:
    export_yolo(open_dataset(small_voc), out)
    xml = small_voc / "a.xml"
    xml.write_text(xml.read_text().replace("<name>cat</name>", "<name>bird</name>", 1))


def _stopped(small_voc: Path, out: Path, monkeypatch) -> unfinished.TakenBack:
    before = OutputBefore(out, "yolo")
    stop_at_placing(monkeypatch, 3)
    with pytest.raises(KeyboardInterrupt):
        export_yolo(open_dataset(small_voc), out, overwrite=True, written=before.written)
    monkeypatch.undo()
    return before.take_back()


def test_a_stop_after_a_label_file_of_other_classes_puts_the_earlier_export_back(small_voc, tmp_path,
                                                                                  monkeypatch):
    out = tmp_path / "out"
    _earlier_export_then_other_classes(small_voc, out)
    earlier = _contents(out)
    taken = _stopped(small_voc, out, monkeypatch)
    assert taken.put_back == ("classes.txt", "data.yaml") and not taken.unfinished
    assert taken.files_put_back >= 1  # a.txt, in bird/cat/dog ids, among them
    assert _contents(out) == earlier


def test_a_kill_after_it_leaves_it_marked_and_the_next_run_drops_it(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _earlier_export_then_other_classes(small_voc, out)
    stop_at_placing(monkeypatch, 3, Killed)
    with pytest.raises(Killed):
        export_yolo(open_dataset(small_voc), out, overwrite=True)
    monkeypatch.undo()
    assert (out / unfinished.EARLIER / unfinished.OUTDATED).exists()  # labels/a.txt holds bird/cat/dog ids

    taken = _stopped(small_voc, out, monkeypatch)
    assert taken.put_back == () and taken.unfinished
    assert not (out / "classes.txt").exists() and not (out / unfinished.EARLIER).exists()
    assert unfinished.interrupted(out)


def test_a_kill_before_any_label_file_of_other_classes_leaves_it_to_be_put_back(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _earlier_export_then_other_classes(small_voc, out)
    manifest = {name: (out / name).read_bytes() for name in ("classes.txt", "data.yaml")}
    stop_at_placing(monkeypatch, 0, Killed)
    with pytest.raises(Killed):
        export_yolo(open_dataset(small_voc), out, overwrite=True)
    monkeypatch.undo()
    assert not (out / unfinished.EARLIER / unfinished.OUTDATED).exists()

    taken = _stopped(small_voc, out, monkeypatch)
    assert taken.put_back == ("classes.txt", "data.yaml") and not unfinished.interrupted(out)
    assert {name: (out / name).read_bytes() for name in manifest} == manifest


def test_one_left_aside_by_a_stop_in_finish_is_never_put_back(small_voc, tmp_path, monkeypatch):
    """A stop in `unfinished.finish` once its mark was gone leaves the export complete and the earlier manifest
    aside, with no mark: a leftover. The next run removes it rather than put it back on a stop, also where OUT no
    longer holds a manifest to set aside in its place."""
    out = tmp_path / "out"
    export_yolo(open_dataset(small_voc), out)
    (out / unfinished.EARLIER).mkdir()
    for name in ("classes.txt", "data.yaml"):
        (out / unfinished.EARLIER / name).write_bytes((out / name).read_bytes().replace(b"cat", b"lynx"))
        (out / name).unlink()  # removed by hand since
    left = _contents(out)
    del left[unfinished.EARLIER], left[f"{unfinished.EARLIER}/classes.txt"], left[f"{unfinished.EARLIER}/data.yaml"]

    taken = _stopped(small_voc, out, monkeypatch)
    assert taken.put_back == () and not taken.unfinished
    assert _contents(out) == left


@pytest.mark.parametrize("leftover", [unfinished.EARLIER, unfinished.EARLIER_OUTDATED])
def test_a_stop_removing_a_leftover_never_puts_it_back_over_the_manifest_out_holds(small_voc, tmp_path, monkeypatch,
                                                                                  leftover):
    """`unfinished.begin` removes a manifest left aside (by a stop in `finish`, or outdated by a run killed) before
    it sets OUT's own aside. A Ctrl+C as it removed it left the mark, and the take-back put the leftover's files
    back over the complete manifest OUT holds (its classes.txt of other classes, said "usable again"). That manifest
    never moved: OUT is as it was, the leftover gone as `begin` meant."""
    import shutil

    out = tmp_path / "out"
    export_yolo(open_dataset(small_voc), out)
    earlier = _contents(out)
    (out / leftover).mkdir()
    (out / leftover / "classes.txt").write_bytes((out / "classes.txt").read_bytes().replace(b"cat", b"lynx"))
    real = shutil.rmtree

    def rmtree(path, *args, **kwargs):
        if Path(path) == out / leftover and unfinished.ours(out):
            raise KeyboardInterrupt
        return real(path, *args, **kwargs)

    before = OutputBefore(out, "yolo")
    monkeypatch.setattr(shutil, "rmtree", rmtree)
    with pytest.raises(KeyboardInterrupt):
        export_yolo(open_dataset(small_voc), out, overwrite=True, written=before.written)
    monkeypatch.undo()
    taken = before.take_back()
    assert taken.put_back == () and not taken.unfinished
    assert _contents(out) == earlier and not unfinished.interrupted(out)


def _no_room_for_the_outdated_mark(monkeypatch) -> None:
    real = Path.touch

    def touch(self, *args, **kwargs):
        if self.name == unfinished.OUTDATED:
            raise OSError(28, "No space left on device", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "touch", touch)


def test_a_stop_puts_it_back_when_its_outdated_mark_could_not_be_written(small_voc, tmp_path, monkeypatch):
    """The `OUTDATED` mark not written (a full disk, a used-up quota): the manifest aside was deleted, so a plain
    stop could not put it back and OUT lost its data.yaml and classes.txt."""
    out = tmp_path / "out"
    _earlier_export_then_other_classes(small_voc, out)
    earlier = _contents(out)
    _no_room_for_the_outdated_mark(monkeypatch)
    taken = _stopped(small_voc, out, monkeypatch)
    assert taken.put_back == ("classes.txt", "data.yaml") and not taken.unfinished
    assert _contents(out) == earlier


def test_a_kill_leaves_it_named_outdated_when_its_mark_could_not_be_written(small_voc, tmp_path, monkeypatch):
    """Killed then, the folder aside is renamed outdated (a rename needs no new inode), and the next run removes it
    rather than put it back over the label files it reads wrong."""
    out = tmp_path / "out"
    _earlier_export_then_other_classes(small_voc, out)
    _no_room_for_the_outdated_mark(monkeypatch)
    stop_at_placing(monkeypatch, 3, Killed)
    with pytest.raises(Killed):
        export_yolo(open_dataset(small_voc), out, overwrite=True)
    monkeypatch.undo()
    assert not (out / unfinished.EARLIER).exists()
    assert sorted(path.name for path in (out / f"{unfinished.EARLIER}{unfinished.OUTDATED}").iterdir()) == [
        "classes.txt", "data.yaml"]

    taken = _stopped(small_voc, out, monkeypatch)
    assert taken.put_back == () and taken.unfinished and unfinished.interrupted(out)
    assert not (out / "classes.txt").exists() and [path.name for path in out.iterdir() if path.name.startswith(
        unfinished.EARLIER)] == []


def test_one_outdated_is_not_put_back_over_a_file_left_though_nothing_on_disk_says_so(small_voc, tmp_path,
                                                                                      monkeypatch):
    """Neither the mark nor the rename could be made, nor the folder removed (a file system gone read-only): the
    run itself knows the manifest aside is outdated, and leaves it aside when a label file of its stays."""
    import os
    import shutil

    from petloc_gui.core.interop import written as written_module

    out = tmp_path / "out"
    _earlier_export_then_other_classes(small_voc, out)
    _no_room_for_the_outdated_mark(monkeypatch)
    real_replace, real_rmtree = os.replace, shutil.rmtree

    def replace(source, target, *args, **kwargs):
        if Path(source).name == unfinished.EARLIER:
            raise OSError(30, "Read-only file system", str(source))
        return real_replace(source, target, *args, **kwargs)

    def rmtree(path, *args, **kwargs):
        if Path(path).name != unfinished.EARLIER or not Path(path).is_dir():
            real_rmtree(path, *args, **kwargs)
        elif not kwargs.get("ignore_errors"):
            raise OSError(30, "Read-only file system", str(path))

    def cannot(self, path):
        raise OSError(30, "Read-only file system", str(path))

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(shutil, "rmtree", rmtree)
    monkeypatch.setattr(written_module.Replaced, "put_back", cannot)
    before = OutputBefore(out, "yolo")
    stop_at_placing(monkeypatch, 3)
    with pytest.raises(KeyboardInterrupt):
        export_yolo(open_dataset(small_voc), out, overwrite=True, written=before.written)
    assert (out / unfinished.EARLIER / "classes.txt").is_file()  # still aside, and nothing on disk says outdated
    taken = before.take_back()
    assert taken.files_not_put_back and taken.put_back == () and taken.unfinished
    assert not (out / "classes.txt").exists() and unfinished.interrupted(out)
