"""A named pipe (FIFO), a folder or a link in a loop where an image's YOLO label file would be: `petloc convert
--from yolo` waited for ever on the pipe, and `petloc stats` counted each as a label file and recommended that
command (beside the images, with no classes.txt, it waited for ever too). Only a regular file (links followed)
is a label file: convert names each other entry and leaves its image out, and neither command waits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import ConversionReport, read_yolo
from petloc_gui.core.regular_file import NotRegularFileError, read_regular_head
from petloc_gui.core.stats import YOLO_LABELS, compute_stats
from tests.cli.helpers import write_image

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(20)]  # a wait on a pipe fails the test rather than the whole run
LINE = "0 0.5 0.5 0.2 0.2\n"


def _ultralytics(root: Path) -> Path:
    """images/train/img0..3.jpg; labels/train/img0.txt a label, img1.txt a named pipe, img2.txt a folder,
    img3.txt a link to itself; data.yaml naming the class."""
    (root / "images" / "train").mkdir(parents=True)
    labels = root / "labels" / "train"
    labels.mkdir(parents=True)
    for index in range(4):
        write_image(root / "images" / "train" / f"img{index}.jpg", 40, 30)
    (labels / "img0.txt").write_text(LINE, encoding="utf-8")
    os.mkfifo(labels / "img1.txt")
    (labels / "img2.txt").mkdir()
    (labels / "img3.txt").symlink_to("img3.txt")
    (root / "data.yaml").write_text("names: [cat]\n", encoding="utf-8")
    return root


def test_convert_names_each_label_that_is_no_regular_file_and_does_not_wait(tmp_path):
    root = _ultralytics(tmp_path / "y")
    os.mkfifo(root / "labels" / "train" / "img9.txt")  # no image has it: nothing to convert, nothing said
    report = ConversionReport()
    records = read_yolo(root, report)
    assert [(record.relative, record.annotated) for record in records] == [("train/img0.jpg", True)]
    labels = root / "labels" / "train"
    assert report.problems == [
        f"{labels / 'img1.txt'}: not a regular file (a named pipe): not a label file; image not converted",
        f"{labels / 'img2.txt'}: not a regular file (a folder): not a label file; image not converted",
        f"{labels / 'img3.txt'}: cannot read: Too many levels of symbolic links; image not converted",
    ]
    assert report.skipped_images == 3


def test_convert_of_a_pipe_beside_its_image_does_not_wait(tmp_path):
    folder = tmp_path / "side"
    folder.mkdir()
    write_image(folder / "a.jpg", 40, 30)
    os.mkfifo(folder / "a.txt")
    write_image(folder / "b.jpg", 40, 30)
    (folder / "b.txt").write_text(LINE, encoding="utf-8")
    (folder / "classes.txt").write_text("cat\n", encoding="utf-8")
    report = ConversionReport()
    records = read_yolo(folder, report)
    assert [record.relative for record in records] == ["b.jpg"]
    assert report.problems == [f"{folder / 'a.txt'}: not a regular file (a named pipe): not a label file; "
                               "image not converted"]


def test_stats_counts_only_regular_label_files(tmp_path):
    root = _ultralytics(tmp_path / "y")
    [problem] = [problem for problem in compute_stats(open_dataset(root)).problems if problem.kind == YOLO_LABELS]
    assert problem.message.startswith("1 image without annotation has its YOLO label file in labels/ beside "
                                      "images/ (Ultralytics' layout: labels/train/img0.txt; class names in data.yaml)")


def test_stats_of_a_pipe_beside_an_image_without_classes_txt_does_not_wait(tmp_path):
    folder = tmp_path / "side"
    folder.mkdir()
    write_image(folder / "a.jpg", 40, 30)
    os.mkfifo(folder / "a.txt")
    stats = compute_stats(open_dataset(folder))
    assert [problem for problem in stats.problems if problem.kind == YOLO_LABELS] == []


def test_a_pipe_is_refused_when_opened_without_a_stat_first(tmp_path):
    """A pipe put where a file was after any look at it: the open itself must not wait."""
    pipe = tmp_path / "x.txt"
    os.mkfifo(pipe)
    with pytest.raises(NotRegularFileError, match=r"not a regular file \(a named pipe\)"):
        read_regular_head(pipe, 10)
    (tmp_path / "y.txt").write_bytes(b"0 0.5 0.5 0.2 0.2\n")
    assert read_regular_head(tmp_path / "y.txt", 5) == b"0 0.5"
