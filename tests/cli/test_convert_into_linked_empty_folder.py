"""`petloc convert` into an empty folder given through a symbolic link (`ln -s real out`), stopped or meeting a full
disk part way, said "export again" but took nothing back: the folder kept the run's images, labels and mark, and
the same command, run again, was refused ("holds an export that did not finish"). `OutputBefore` found the folder
empty by following the link, and its take-back refused to follow it. It takes back through the link now, as for a
plain empty folder: the link and its folder stay, emptied."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.interop import unfinished
from tests.cli.helpers import disk_full_after_copies, run_cli, stop_at_placing


def _linked_empty_folder(tmp_path: Path) -> tuple[Path, Path]:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "out"
    link.symlink_to(real, target_is_directory=True)
    return real, link



def _yolo_folder(capsys, small_voc: Path, tmp_path: Path) -> Path:
    src = tmp_path / "yolo"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", src)
    assert code == 0, err
    return src


@pytest.mark.parametrize("direction", [("--to", "yolo"), ("--to", "coco"), ("--from", "yolo")])
def test_a_full_disk_empties_the_linked_folder_and_the_rerun_converts(small_voc, tmp_path, monkeypatch, capsys,
                                                                     direction):
    source = _yolo_folder(capsys, small_voc, tmp_path) if direction[0] == "--from" else small_voc
    real, link = _linked_empty_folder(tmp_path)
    disk_full_after_copies(monkeypatch, 2)
    code, _, err = run_cli(capsys, "convert", source, *direction, link, "--images", "copy")
    assert code == 1, err
    assert "No space left on device" in err
    assert f"removed what the conversion had written ({link})" in err
    assert link.is_symlink() and real.is_dir() and os.listdir(real) == []  # link and folder kept, emptied

    monkeypatch.undo()
    code, _, err = run_cli(capsys, "convert", source, *direction, link)
    assert code == 0, err


def test_a_stop_empties_the_linked_folder(small_voc, tmp_path, monkeypatch, capsys):
    real, link = _linked_empty_folder(tmp_path)
    stop_at_placing(monkeypatch, 3)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", link)
    assert code == 130, err
    assert f"removed what the conversion had written ({link})" in err
    assert os.listdir(real) == [] and not unfinished.interrupted(link)


def test_a_folder_put_at_the_link_meanwhile_is_not_emptied(tmp_path):
    """The link turned to another folder during the run: that one is not the empty folder the run wrote into."""
    real, link = _linked_empty_folder(tmp_path)
    before = unfinished.OutputBefore(link, "yolo")
    (real / "images").mkdir()
    other = tmp_path / "other"
    other.mkdir()
    (other / "theirs.txt").write_text("kept")
    link.unlink()
    link.symlink_to(other, target_is_directory=True)
    assert before.take_back() == unfinished.TakenBack()
    assert (other / "theirs.txt").read_text() == "kept" and (real / "images").is_dir()
