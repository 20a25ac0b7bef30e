"""`petloc convert --to yolo OUT --overwrite` stopped (Ctrl+C, a full disk) in an Ultralytics + labelImg project that
holds the user's own data.yaml AND classes.txt: both were taken for an earlier petloc export's manifest (by their
names alone), moved aside and deleted at the first label file with a box, the user's labels/*.txt left holding
petloc's class ids, the folder marked unfinished and the message spoke of "the earlier export's data.yaml and
classes.txt". With the same classes the manifest came back but the label files stayed replaced ("the earlier export
is usable again"). A COCO export stopped over another tool's annotations.json left its images in the user's folder.
Only a manifest petloc wrote (`unfinished.written_by_petloc`) is an earlier export's; the user's are their files,
kept byte for byte, and the run takes back exactly what it wrote. Over an earlier petloc export too, a stop leaves
the folder exactly as it was, whatever the classes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.core.interop import unfinished
from tests.cli.helpers import run_cli, stop_at_placing

USERS_YAML = b"path: /data/proj\ntrain: images/train\nval: images/val\nnames:\n  0: dog\n  1: cat\n"
USERS_LABEL = b"1 0.5 0.5 0.2 0.2\n"  # a cat, as their names read it
OTHER_TOOLS_COCO = json.dumps({"info": {"description": "CVAT export"}, "images": [], "annotations": [],
                               "categories": [{"id": 1, "name": "cat"}]}).encode()


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _users_project(tmp_path: Path, classes: bytes) -> Path:
    out = tmp_path / "project"
    (out / "labels").mkdir(parents=True)
    (out / "images").mkdir()
    (out / "data.yaml").write_bytes(USERS_YAML)
    (out / "classes.txt").write_bytes(classes)
    (out / "labels" / "a.txt").write_bytes(USERS_LABEL)
    (out / "labels" / "e.txt").write_bytes(USERS_LABEL)
    return out


@pytest.mark.parametrize("classes", [b"dog\ncat\n", b"cat\ndog\n"], ids=["other-classes", "same-classes"])
def test_a_stopped_export_leaves_the_users_data_yaml_classes_txt_and_labels_as_they_were(
        small_voc, tmp_path, monkeypatch, capsys, classes):
    out = _users_project(tmp_path, classes)
    before = _contents(out)
    replaced: list[bytes] = []
    stop_at_placing(monkeypatch, 3, before_stop=lambda: replaced.append((out / "labels" / "a.txt").read_bytes()))
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite", "--images", "copy")
    assert code == 130, err
    assert replaced and replaced[0] != USERS_LABEL  # the run had replaced it (boxes in petloc's ids) when stopped
    assert _contents(out) == before
    assert not unfinished.interrupted(out)
    assert "earlier export" not in err
    [line] = [line for line in err.splitlines() if "the export had written there" in line]
    assert line.startswith(f"petloc: {out}: removed the "), line
    assert "the 2 files it had replaced were put back as they were" in line, line


def test_a_stopped_coco_export_over_another_tools_annotations_json_takes_back_its_images(small_voc, tmp_path,
                                                                                      monkeypatch, capsys):
    out = tmp_path / "coco"
    (out / "images").mkdir(parents=True)
    (out / "annotations.json").write_bytes(OTHER_TOOLS_COCO)
    (out / "images" / "own.jpg").write_bytes(b"their image")
    before = _contents(out)
    stop_at_placing(monkeypatch, 3)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "coco", out, "--overwrite", "--images", "copy")
    assert code == 130, err
    assert _contents(out) == before
    assert not unfinished.interrupted(out)
    assert "earlier export" not in err and "removed the 3 files the export had written there" in err


def test_a_finished_export_replaces_the_users_pair(small_voc, tmp_path, capsys):
    out = _users_project(tmp_path, b"dog\ncat\n")
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 0, err
    assert (out / "classes.txt").read_bytes() == b"cat\ndog\n"
    assert (out / "data.yaml").read_text().startswith("# Written by petloc.")
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()
