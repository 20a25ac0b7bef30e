"""Two `petloc convert --to yolo OUT` runs into one new OUT, B started a moment after A: B was refused ("holds an
export that did not finish ... or is running now") and its take-back deleted A's folder, A saying 540 images exported
into an OUT that held 442. `OutputBefore` saw OUT missing and counted it as the run's (all in it to go), whoever made
it; into an OUT that was empty, all in it was the run's likewise. OUT is the run's only when its own mkdir made it (one
another run made meanwhile is treated as a folder that held files: only what the run recorded goes), and a run that
wrote nothing there (refused, or stopped before its first file) takes nothing back but the empty folders it made."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from petloc_gui.core.interop import ConversionReport, export_yolo, unfinished
from petloc_gui.core.interop.output_before import OutputBefore


def _another_runs_export(out: Path) -> Path:
    """What another run exporting into ``out`` has written there so far: its images and its mark."""
    image = out / "images" / "x.jpg"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(b"another run's image")
    other_pid = os.getpid() + 1  # not this process: the mark is another run's
    (out / unfinished.MARK).write_text(f"{other_pid} {socket.gethostname()} yolo data.yaml\n", encoding="utf-8")
    return image


@pytest.mark.parametrize("fmt", ["yolo", "coco", None])
def test_a_new_out_another_run_made_meanwhile_keeps_its_files(tmp_path, fmt):
    out = tmp_path / "out"
    before = OutputBefore(out, fmt)  # OUT missing
    image = out / "images" / "x.jpg"  # another process makes OUT and writes into it
    image.parent.mkdir(parents=True)
    image.write_bytes(b"another run's image")
    taken = before.take_back()
    assert image.read_bytes() == b"another run's image"
    assert not taken.removed and not taken.folder_removed and not taken.left_behind


@pytest.mark.parametrize("fmt", ["yolo", None])
def test_an_empty_out_another_run_exports_into_meanwhile_keeps_its_files(tmp_path, fmt):
    out = tmp_path / "out"
    out.mkdir()
    before = OutputBefore(out, fmt)  # OUT empty
    image = _another_runs_export(out)
    taken = before.take_back()
    assert image.read_bytes() == b"another run's image" and unfinished.interrupted(out)
    assert not taken.removed and not taken.left_behind


def test_an_export_refused_by_another_runs_export_takes_nothing_back(small_voc, tmp_path):
    """Run B of the report: OUT missing when it looked, A's export there when B comes to write."""
    out = tmp_path / "out"
    before = OutputBefore(out, "yolo")
    image = _another_runs_export(out)
    with pytest.raises(Exception, match="did not finish"):
        export_yolo(_dataset(small_voc), out, written=before.written)
    before.take_back()
    assert image.read_bytes() == b"another run's image" and unfinished.interrupted(out)


def test_an_export_into_a_new_out_another_run_made_takes_back_only_its_own_files(small_voc, tmp_path, monkeypatch):
    """OUT made by another run between the look and the export's mkdir (--overwrite: the user's file there is
    let be): the export's files go when it is stopped, the other's stay, and so does OUT."""
    out = tmp_path / "out"
    before = OutputBefore(out, "yolo")
    out.mkdir()
    theirs = out / "notes.txt"
    theirs.write_text("another run's\n", encoding="utf-8")
    _stop_after_placing(monkeypatch, 2)
    with pytest.raises(KeyboardInterrupt):
        export_yolo(_dataset(small_voc), out, overwrite=True, written=before.written)
    assert any((out / "images").iterdir())  # the export had written there
    before.take_back()
    assert sorted(os.listdir(out)) == ["notes.txt"] and theirs.read_text(encoding="utf-8") == "another run's\n"


def test_a_new_out_the_run_made_and_wrote_into_goes_whole(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "new" / "out"
    before = OutputBefore(out, "yolo")
    _stop_after_placing(monkeypatch, 2)
    with pytest.raises(KeyboardInterrupt):
        export_yolo(_dataset(small_voc), out, report=ConversionReport(), written=before.written)
    taken = before.take_back()
    assert taken.folder_removed and not (tmp_path / "new").exists()


def test_a_new_out_the_run_made_and_wrote_nothing_into_goes(small_voc, tmp_path, monkeypatch):
    """Stopped reading, its mkdir done: the empty folders it made go, as before."""
    from petloc_gui.core.interop import yolo

    out = tmp_path / "new" / "out"
    before = OutputBefore(out, "yolo")

    def stopped(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(yolo, "read_dataset_records", stopped)
    with pytest.raises(KeyboardInterrupt):
        export_yolo(_dataset(small_voc), out, written=before.written)
    assert out.is_dir()
    taken = before.take_back()
    assert taken.folder_removed and not (tmp_path / "new").exists()


def _dataset(folder: Path):
    from petloc_gui.core.dataset import open_dataset

    return open_dataset(folder)


def _stop_after_placing(monkeypatch, placed_first: int) -> None:
    from petloc_gui.core.interop import upright as upright_module

    real, placed = upright_module.Orientations.place, []

    def place(self, record, *args, **kwargs):
        if len(placed) == placed_first:
            raise KeyboardInterrupt
        placed.append(record)
        return real(self, record, *args, **kwargs)

    monkeypatch.setattr(upright_module.Orientations, "place", place)
