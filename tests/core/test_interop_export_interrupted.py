"""An export killed part way (SIGKILL, a power cut: no chance to clean up) must not look complete.

YOLO's data.yaml and classes.txt were written before any image: a killed `petloc convert --to yolo` left
them beside part of the images, and a trainer pointed at data.yaml trained on that part without a word.
The run again without --overwrite said only "folder is not empty", and with it the copy the killed run
was making (``.NAME.XXXXXXXX.PID.petloc-new``) stayed a day. The manifest is written last now, an
unfinished export is marked (`unfinished`), and the next export into the folder says so and cleans up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import export_coco, export_yolo, unfinished
from tests.cli.helpers import stop_at_placing

EXPORTS = {"yolo": (export_yolo, ("data.yaml", "classes.txt")), "coco": (export_coco, ("annotations.json",))}


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (no except clause of the export catches it)."""


def _kill_at_the_third_image(monkeypatch) -> None:
    stop_at_placing(monkeypatch, 2, Killed)


def _ended_pid() -> int:
    """The PID of a process that has ended (what a killed run's temporary names)."""
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                             text=True, check=True)
    return int(process.stdout)


@pytest.mark.parametrize("fmt", EXPORTS)
def test_a_killed_export_leaves_no_manifest_and_says_so_to_the_next(small_voc, tmp_path, monkeypatch, fmt):
    export, manifest = EXPORTS[fmt]
    out = tmp_path / "out"
    _kill_at_the_third_image(monkeypatch)
    with pytest.raises(Killed):
        export(open_dataset(small_voc), out, images="copy")
    monkeypatch.undo()
    assert (out / "images").is_dir()  # two images were written
    assert not [name for name in manifest if (out / name).exists()]
    assert unfinished.interrupted(out)

    with pytest.raises(SaveError) as refused:
        export(open_dataset(small_voc), out, images="copy")
    assert str(refused.value) == (
        f"{out}: holds an export that did not finish: one into this folder was stopped before it wrote "
        f"{manifest[0]} (or is running now). Pass --overwrite to finish it (the export is written again over "
        "its files), or delete the folder")


@pytest.mark.parametrize("fmt", EXPORTS)
def test_the_rerun_with_overwrite_finishes_it_and_removes_the_killed_runs_copies(small_voc, tmp_path,
                                                                                  monkeypatch, fmt):
    export, manifest = EXPORTS[fmt]
    out = tmp_path / "out"
    _kill_at_the_third_image(monkeypatch)
    with pytest.raises(Killed):
        export(open_dataset(small_voc), out, images="copy")
    monkeypatch.undo()
    # What the killed run wrote names its own PID: pretend it was an ended process, as after a real kill.
    dead = _ended_pid()
    (out / unfinished.MARK).write_text(f"{dead} {__import__('socket').gethostname()}\n")
    left = out / "images" / f".a.png.abcd1234.{dead}.petloc-new"
    left.write_bytes(b"half a copy")
    running = out / "images" / f".r.jpg.abcd1234.{os.getppid()}.petloc-new"  # a live process's: kept
    running.write_bytes(b"being copied")

    report = export(open_dataset(small_voc), out, images="copy", overwrite=True)
    assert report.images == 5
    assert all((out / name).is_file() for name in manifest)
    assert not unfinished.interrupted(out)
    assert not left.exists() and running.exists()


def test_a_killed_overwrite_removes_the_earlier_manifest_first(small_voc, tmp_path, monkeypatch):
    """With --overwrite, the earlier export's data.yaml beside half of the new label files read them
    with its old class names: it goes before anything is written."""
    out = tmp_path / "out"
    export_yolo(open_dataset(small_voc), out)
    _kill_at_the_third_image(monkeypatch)
    with pytest.raises(Killed):
        export_yolo(open_dataset(small_voc), out, overwrite=True)
    assert not (out / "data.yaml").exists() and not (out / "classes.txt").exists()
    assert unfinished.interrupted(out)


def test_a_finished_export_leaves_no_mark(small_voc, tmp_path):
    out = tmp_path / "out"
    export_yolo(open_dataset(small_voc), out)
    assert sorted(path.name for path in out.iterdir()) == ["classes.txt", "data.yaml", "images", "labels"]


def test_a_killed_run_of_another_machine_keeps_its_copies(small_voc, tmp_path, monkeypatch):
    """Its PID means nothing here (a shared folder): its copies wait for the day-old sweep."""
    out = tmp_path / "out"
    _kill_at_the_third_image(monkeypatch)
    with pytest.raises(Killed):
        export_yolo(open_dataset(small_voc), out)
    monkeypatch.undo()
    dead = _ended_pid()
    (out / unfinished.MARK).write_text(f"{dead} another-machine\n")
    left = out / "images" / f".a.png.abcd1234.{dead}.petloc-new"
    left.write_bytes(b"half a copy")
    export_yolo(open_dataset(small_voc), out, overwrite=True)
    assert left.exists()


def test_the_kill_really_lands_in_the_image_loop(small_voc, tmp_path, monkeypatch):
    """The stand-in kill must come after the export began writing, or the tests above prove nothing."""
    out = tmp_path / "out"
    _kill_at_the_third_image(monkeypatch)
    with pytest.raises(Killed):
        export_yolo(open_dataset(small_voc), out, images="copy")
    assert len([path for path in Path(out / "images").rglob("*") if path.is_file()]) == 2
