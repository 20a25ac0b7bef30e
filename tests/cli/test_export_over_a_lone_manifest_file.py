"""`petloc convert --to yolo OUT --overwrite` into a folder holding the user's own data.yaml (an Ultralytics
project root) or classes.txt (a labelImg YOLO folder), stopped or failing after it wrote a label file with a
box, deleted that file: one manifest file was taken for an earlier export's, moved aside and dropped, and the
run's images and labels stayed with the mark, the message speaking of an earlier export that never was. An
earlier export holds both data.yaml and classes.txt (COCO's one file: annotations.json); a lone one is the
user's, left where it is, and only the run's own files are taken back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.interop import unfinished
from tests.cli.helpers import disk_full_after_copies, run_cli, stop_at_placing

USERS = {"data.yaml": b"path: .\r\ntrain: images\nnames:\n  0: tabby  # mine\n",
         "classes.txt": b"tabby\nlynx\n"}


def _out_holding(tmp_path: Path, name: str) -> Path:
    out = tmp_path / "project"
    out.mkdir()
    (out / name).write_bytes(USERS[name])
    return out



def _only_theirs_left(out: Path, name: str) -> None:
    assert sorted(os.listdir(out)) == [name]  # no images/, labels/, mark or folder set aside
    assert (out / name).read_bytes() == USERS[name]


@pytest.mark.parametrize("name", USERS)
def test_a_full_disk_leaves_the_users_file_and_takes_back_the_runs(small_voc, tmp_path, monkeypatch, capsys, name):
    out = _out_holding(tmp_path, name)
    disk_full_after_copies(monkeypatch, 3)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--images", "copy", "--overwrite")
    assert code == 1, err
    assert "No space left on device" in err
    assert f"{out}: removed the " in err and "the export had written there" in err
    assert "earlier export" not in err and "did not finish" not in err
    _only_theirs_left(out, name)


@pytest.mark.parametrize("name", USERS)
def test_a_stop_leaves_the_users_file(small_voc, tmp_path, monkeypatch, capsys, name):
    out = _out_holding(tmp_path, name)
    stop_at_placing(monkeypatch, 3)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 130, err
    assert "earlier export" not in err
    _only_theirs_left(out, name)


def test_a_finished_overwrite_replaces_it_as_the_export_writes_it(small_voc, tmp_path, capsys):
    """--overwrite replaces the files the export writes: the user's data.yaml too, once the export is whole."""
    out = _out_holding(tmp_path, "data.yaml")
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 0, err
    assert (out / "data.yaml").read_bytes() != USERS["data.yaml"] and (out / "classes.txt").is_file()
    assert not unfinished.interrupted(out)


@pytest.mark.parametrize("name", USERS)
def test_a_full_disk_between_the_two_manifest_files_leaves_the_users(small_voc, tmp_path, monkeypatch, capsys,
                                                                     name):
    """The second of data.yaml and classes.txt cannot be written: the user's is written last, so it is still theirs."""
    from petloc_gui.core.errors import SaveError
    from petloc_gui.core.interop import yolo as yolo_module

    out = _out_holding(tmp_path, name)
    real, calls = yolo_module.atomic_write_bytes, []

    def write(path, data):
        calls.append(Path(path).name)
        if len(calls) == 2:
            raise SaveError("cannot save: No space left on device", path)
        real(path, data)

    monkeypatch.setattr(yolo_module, "atomic_write_bytes", write)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 1, err
    assert sorted(calls) == ["classes.txt", "data.yaml"]
    _only_theirs_left(out, name)
