"""YOLO import walks the folder tree once and opens each file once: the split roots, images and label files
come from one walk, a .txt no image has is opened once to tell an image list or a README from a label file,
data.yaml once for the names and kpt_shape, a label file that is no text once (and still reported)."""

from __future__ import annotations

import builtins
import io
import os
from collections import Counter

from petloc_gui.core.interop import ConversionReport, read_yolo
from tests.cli.helpers import write_image


def _layout(src):
    """Roboflow splits (one unlabelled), a flat folder, a leftover label, a README, a darknet list, a label
    file that is not text, and the names in data.yaml (the file a pose dataset's kpt_shape is read from)."""
    for rel in ("train/images/a.jpg", "valid/images/b.jpg", "test/images/c.jpg", "flat/d.png", "flat/e.png"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        write_image(src / rel, 64, 32)
    for rel in ("train/labels/a.txt", "valid/labels/b.txt", "flat/d.txt", "flat/ghost.txt"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text("0 0.5 0.5 0.5 0.5\n")
    (src / "flat" / "e.txt").write_bytes(b"\xff\xfe not text")
    (src / "README.roboflow.txt").write_text("Exported from roboflow.com\n")
    (src / "train.txt").write_text("train/images/a.jpg\n")
    (src / "data.yaml").write_text("train: train/images\nval: valid/images\nnames: [cat]\n")


def _counting(monkeypatch):
    """(opens per file, scans per folder, walks) while the patch holds."""
    opens: Counter[str] = Counter()
    scans: Counter[str] = Counter()
    walks: list[str] = []
    real_open, real_io_open, real_scandir, real_walk = builtins.open, io.open, os.scandir, os.walk
    real_os_open = os.open

    def counted_open(file, *args, **kwargs):
        opens[os.fspath(file)] += 1
        return real_open(file, *args, **kwargs)

    def counted_io_open(file, *args, **kwargs):  # pathlib's read_bytes and open
        opens[os.fspath(file)] += 1
        return real_io_open(file, *args, **kwargs)

    def counted_os_open(file, *args, **kwargs):  # label files: opened without waiting (`core.regular_file`)
        opens[os.fspath(file)] += 1
        return real_os_open(file, *args, **kwargs)

    def counted_scandir(path="."):
        scans[os.fspath(path)] += 1
        return real_scandir(path)

    def counted_walk(top, *args, **kwargs):
        walks.append(os.fspath(top))
        return real_walk(top, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counted_open)
    monkeypatch.setattr(io, "open", counted_io_open)
    monkeypatch.setattr(os, "open", counted_os_open)
    monkeypatch.setattr(os, "scandir", counted_scandir)
    monkeypatch.setattr(os, "walk", counted_walk)
    return opens, scans, walks


def test_the_tree_is_walked_once_and_each_file_opened_once(tmp_path, monkeypatch):
    src = tmp_path / "rf"
    _layout(src)
    opens, scans, walks = _counting(monkeypatch)
    report = ConversionReport()
    records = read_yolo(src, report)
    monkeypatch.undo()
    assert walks == [str(src)]
    assert {folder: n for folder, n in scans.items() if n > 1} == {}
    assert {file: n for file, n in opens.items() if n > 1} == {}
    assert opens[str(src / "flat" / "ghost.txt")] == opens[str(src / "data.yaml")] == 1
    # What it reads is unchanged.
    assert [(r.relative, r.annotated, [o.label for o in r.objects]) for r in records] == [
        ("flat/d.png", True, ["cat"]), ("test/c.jpg", False, []), ("train/a.jpg", True, ["cat"]),
        ("valid/b.jpg", True, ["cat"])]
    assert report.problems == [
        f"{src / 'flat' / 'e.txt'}: not UTF-8 text: not a label file; image not converted",
        f"{src / 'flat' / 'ghost.txt'}: no image ghost.* found in {src / 'flat'}; labels not converted"]
    assert report.skipped_images == 2
