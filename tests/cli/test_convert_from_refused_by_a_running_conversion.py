"""Two `petloc convert ysrc --from yolo OUT --images copy` into one new OUT, B started 0.3 s after A, A stopped by
Ctrl+C part way: A took back its files, the images B had found "present" (the same bytes) and the VOC files B had
called "existing VOC files left untouched" with them; B exited 0 saying 1490 images while OUT held 13 VOC files with
no image and lacked the 202 it named. `--from` wrote no mark of a run going, as the exports do (`unfinished`). It
writes one now: a second run into an OUT with a live run's mark is refused (exit 1, nothing written, nothing of the
first run's taken back); the mark of a run that has ended (killed outright) is taken over, its partial copies
removed, as an export's rerun removes them."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from petloc_gui.core.interop import unfinished
from tests.cli.helpers import run_cli, write_image
from tests.core.test_interop_export_interrupted import _ended_pid


def _yolo_folder(folder: Path, count: int = 3) -> Path:
    folder.mkdir()
    for number in range(count):
        write_image(folder / f"pet{number}.png", 40, 30)
        (folder / f"pet{number}.txt").write_text("0 0.5 0.5 0.5 0.5\n", encoding="utf-8")
    (folder / "classes.txt").write_text("cat\n", encoding="utf-8")
    return folder


def _contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _held_mark(out: Path, pid: int, host: str, fmt: str = "voc -") -> dict[str, bytes]:
    """OUT as another run left it: its mark and an image of its own, what the refused run must leave as it is."""
    out.mkdir()
    (out / unfinished.MARK).write_text(f"{pid} {host} {fmt}\n", encoding="utf-8")
    write_image(out / "pet0.png", 40, 30)  # the running one's, the same bytes as the source's
    return _contents(out)


@pytest.mark.parametrize("fmt", ["voc -", "yolo data.yaml"], ids=["conversion", "export"])
def test_a_run_into_a_folder_another_live_run_writes_is_refused(tmp_path, capsys, fmt):
    src, out = _yolo_folder(tmp_path / "src"), tmp_path / "out"
    before = _held_mark(out, os.getppid(), socket.gethostname(), fmt)  # the parent of this test: it runs
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out, "--images", "copy")
    assert code == 1, err
    assert f"process {os.getppid()}" in err and "removed" not in err, err
    assert _contents(out) == before


def test_a_mark_of_another_machine_is_refused_and_named(tmp_path, capsys):
    src, out = _yolo_folder(tmp_path / "src"), tmp_path / "out"
    before = _held_mark(out, 12345, "another-machine")
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out)
    assert code == 1 and "another-machine" in err and f"delete {unfinished.MARK}" in err, err
    assert _contents(out) == before


def test_the_mark_of_an_ended_run_is_taken_over_and_its_copies_removed(tmp_path, capsys):
    src, out = _yolo_folder(tmp_path / "src"), tmp_path / "out"
    dead = _ended_pid()
    _held_mark(out, dead, socket.gethostname())
    left = out / f".pet1.png.abcd1234.{dead}.petloc-new"
    left.write_bytes(b"half a copy")
    running = out / f".pet2.png.abcd1234.{os.getppid()}.petloc-new"  # a live process's: kept
    running.write_bytes(b"being copied")
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out, "--images", "copy")
    assert code == 0, err
    assert not (out / unfinished.MARK).exists() and not left.exists() and running.exists()
    assert all((out / f"pet{number}.{ext}").is_file() for number in range(3) for ext in ("png", "xml"))


def test_the_yolo_folder_itself_with_an_ended_runs_mark_is_read_and_converted_again(tmp_path, capsys):
    """labelImg's flat layout, OUT the YOLO folder: the mark of a conversion to VOC killed there says nothing of
    how its YOLO files read (an export's would refuse it as a source)."""
    src = _yolo_folder(tmp_path / "src")
    (src / unfinished.MARK).write_text(f"{_ended_pid()} {socket.gethostname()} voc -\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", src)
    assert code == 0, err
    assert not (src / unfinished.MARK).exists() and (src / "pet2.xml").is_file()


def test_a_run_finished_or_stopped_leaves_no_mark(tmp_path, capsys, monkeypatch):
    from petloc_gui.core.interop import voc_out

    src, out = _yolo_folder(tmp_path / "src"), tmp_path / "voc"
    assert run_cli(capsys, "convert", src, "--from", "yolo", out)[0] == 0
    assert not (out / unfinished.MARK).exists()
    (out / "mine.txt").write_text("the user's", encoding="utf-8")  # OUT holds files: the run's own go, theirs stay
    src2 = _yolo_folder(tmp_path / "src2", 4)
    (src2 / "pet3.png").rename(src2 / "other.png")
    (src2 / "pet3.txt").rename(src2 / "other.txt")
    real, placed = voc_out.place_image, []

    def place_image(source, target, mode):  # Ctrl+C at the last image, "other" placed and written
        placed.append(target)
        if len(placed) == 4:
            raise KeyboardInterrupt
        return real(source, target, mode)

    monkeypatch.setattr(voc_out, "place_image", place_image)
    code, _, err = run_cli(capsys, "convert", src2, "--from", "yolo", out)
    assert code == 130, err
    assert "removed the 2 files" in err and not (out / unfinished.MARK).exists()
    assert not (out / "other.png").exists() and not (out / "other.xml").exists()
    assert (out / "mine.txt").read_text(encoding="utf-8") == "the user's"
