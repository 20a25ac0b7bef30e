"""`petloc convert --to yolo|coco OUT --overwrite` into an OUT that held the user's own files (no earlier export of
that format), meeting a full disk part way, left the images, label files and folders it had written beside the
user's, with a mark saying OUT "now holds an export that did not finish". It takes back exactly the files and
folders it created there (`unfinished.OutputBefore`, `written.Written`): the user's stay byte for byte, one
--overwrite replaced is put back as it was, and it says how many it removed. Over an earlier export of the same format
the same, and that export's manifest is put back."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from petloc_gui.core.interop import files as files_module
from petloc_gui.core.interop import unfinished
from tests.cli.helpers import run_cli

MANIFEST = {"yolo": ("data.yaml", "classes.txt"), "coco": ("annotations.json",)}
USERS_LABEL = b"0 0.5 0.5 0.2 0.2\n"


def _held_out(tmp_path: Path) -> Path:
    """An OUT holding the user's files: a note, a folder of notes, an image of their own in images/, and (read
    by YOLO tools as a.png's label file) labels/a.txt, which the YOLO export replaces."""
    out = tmp_path / "mine"
    (out / "notes").mkdir(parents=True)
    (out / "images").mkdir()
    (out / "labels").mkdir()
    (out / "readme.txt").write_bytes(b"my own\r\n")
    (out / "notes" / "todo.txt").write_text("label the lynxes\n")
    (out / "images" / "own.bin").write_bytes(bytes(range(256)))
    (out / "labels" / "a.txt").write_bytes(USERS_LABEL)
    return out


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _disk_full_after(monkeypatch, copied: int, out: Path, before: dict) -> list[set[str]]:
    """The images copied into OUT after the first ``copied`` meet a full disk; what the run had added to OUT
    then (files, not the mark), once it has."""
    real, calls, added = files_module._copy_exclusive, [], []

    def copy(source, target):
        calls.append(target)
        if len(calls) > copied:
            added.append({name for name, data in _contents(out).items()
                          if data is not None and name not in before and name != unfinished.MARK})
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        real(source, target)

    monkeypatch.setattr(files_module, "_copy_exclusive", copy)
    return added


def _removed_line(err: str, out: Path) -> tuple[int, str]:
    [line] = [line for line in err.splitlines() if " had written there" in line]
    found = re.match(rf"petloc: {re.escape(str(out))}: removed the (\d+) files? the \w+ had written there "
                     r"\(the files that were there before it are as they were(: the 1 file it had replaced was put "
                     r"back as it was)?\)", line)
    assert found, line
    return int(found.group(1)), line


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_full_disk_takes_back_exactly_what_it_wrote_beside_the_users_files(small_voc, tmp_path, monkeypatch,
                                                                            capsys, fmt):
    out = _held_out(tmp_path)
    before = _contents(out)
    added = _disk_full_after(monkeypatch, 2, out, before)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--images", "copy", "--overwrite")
    assert code == 1, err
    assert "No space left on device" in err
    [written] = added
    assert len(written) >= 2 and any(name.startswith("images/") for name in written)
    removed, line = _removed_line(err, out)
    assert removed == len(written)
    assert "did not finish" not in err
    # a.png's label file, replaced as --overwrite asked, is put back as it was: with the user's class names it
    # would read petloc's ids
    assert ("the 1 file it had replaced was put back" in line) == (fmt == "yolo")
    assert _contents(out) == before  # no image, label file, folder (sub/), manifest or mark of the run left
    assert not unfinished.interrupted(out)


@pytest.mark.parametrize("fmt", MANIFEST)
def test_over_an_earlier_export_of_another_format_only_this_ones_files_go(small_voc, tmp_path, monkeypatch,
                                                                          capsys, fmt):
    other = "coco" if fmt == "yolo" else "yolo"
    out = tmp_path / "out"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", other, out, "--images", "copy")
    assert code == 0, err
    for image in [path for path in (out / "images").rglob("*") if path.is_file()][:2]:
        image.unlink()  # so that the export copies them again (the others are used as they are)
    before = _contents(out)
    added = _disk_full_after(monkeypatch, 1, out, before)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--images", "copy", "--overwrite")
    assert code == 1, err
    [written] = added
    assert _removed_line(err, out)[0] == len(written) >= 1
    assert _contents(out) == before  # the earlier export as it was, images, labels and manifest
    assert not unfinished.interrupted(out)


@pytest.mark.parametrize("fmt", MANIFEST)
def test_over_an_earlier_export_of_the_same_format_it_is_put_back(small_voc, tmp_path, monkeypatch, capsys, fmt):
    out = tmp_path / "out"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--images", "copy")
    assert code == 0, err
    for image in (out / "images").iterdir():
        if image.is_file():
            image.unlink()  # so that the export copies each image again
    before = _contents(out)
    added = _disk_full_after(monkeypatch, 2, out, before)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--images", "copy", "--overwrite")
    assert code == 1, err
    # the earlier manifest set aside is no file of the run's
    written = {name for name in added[0] if not name.startswith(unfinished.EARLIER)}
    # the images it copied went too (they stayed, in it, before): the earlier export as it was
    assert f"{out}: the earlier export is usable again: its " in err
    assert f"put back; removed the {len(written)} files the export had written there" in err
    assert _contents(out) == before
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()
