"""Progress bar, training event lines and safe pre-label writing (no TensorFlow)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from petloc_gui.cli.output import (
    ProgressBar,
    finite,
    format_duration,
    native_stderr_parked,
    one_line,
)
from petloc_gui.cli.prelabel import annotation_targets, write_prelabel
from petloc_gui.cli.train_report import TrainReporter, epoch_line, final_line
from petloc_gui.core.boxes import Box
from petloc_gui.core.debug_flag import debug_enabled
from petloc_gui.core.list_lines import entry_forms, read_list_lines
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import voc_xml, write_image


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_plain_lines_when_not_a_tty():
    stream = io.StringIO()
    clock = _Clock()
    bar = ProgressBar("epoch 1/2", 8, stream=stream, clock=clock)
    for step in range(1, 9):
        clock.now = step * 1.0
        bar.update(step, loss=1.0 / step)
    bar.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 4  # every quarter epoch, not every batch
    assert lines[0] == "epoch 1/2 2/8 ETA 0:06 loss 0.5000"
    assert lines[-1].startswith("epoch 1/2 8/8 ETA 0:00")
    assert "\r" not in stream.getvalue()


def test_progress_bar_redraws_in_place_on_a_tty(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    stream = _Tty()
    clock = _Clock()
    bar = ProgressBar("epoch 1", 4, stream=stream, clock=clock, width=4)
    clock.now = 2.0
    bar.update(2, loss=0.25)
    text = stream.getvalue()
    assert text.startswith("\repoch 1 [##--] 2/4 ETA 0:02 loss 0.2500")
    assert "\n" not in text
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")


@pytest.mark.parametrize("term", ["dumb", None])
def test_progress_bar_on_a_dumb_terminal_writes_plain_lines(monkeypatch, term):
    # emacs' shell and some CI consoles are terminals that show \r and ESC[K raw; NO_COLOR: no colour
    # is used at all (a terminal without TERM is still one that redraws)
    monkeypatch.setenv("NO_COLOR", "1")
    if term is None:
        monkeypatch.delenv("TERM", raising=False)
    else:
        monkeypatch.setenv("TERM", term)
    stream = _Tty()
    clock = _Clock()
    bar = ProgressBar("petloc: predict", 8, stream=stream, clock=clock)
    for step in range(1, 9):
        clock.now = float(step)
        bar.update(step)
        bar.hide()
    bar.close()
    text = stream.getvalue()
    assert "\x1b[" not in text.replace("\x1b[K", "")  # never a colour
    if term == "dumb":
        assert "\r" not in text and "\x1b" not in text
        assert text.splitlines() == [f"petloc: predict {n}/8 ETA 0:0{8 - n}" for n in (2, 4, 6, 8)]
    else:
        assert text.startswith("\rpetloc: predict [")


def test_small_formatters():
    assert format_duration(3725) == "1:02:05"
    assert format_duration(65) == "1:05"
    assert format_duration(float("nan")) == "--:--"
    assert finite(float("nan")) is None and finite(0.123456) == 0.1235
    assert one_line("a\nb\t c") == "a b c"


def test_epoch_line_and_reporter(capsys):
    event = {"event": "epoch", "epoch": 3, "epochs": 10, "loss": 0.41234, "val_loss": 0.5,
             "val_accuracy": 0.95, "val_mean_iou": 0.7123, "val_iou_ge_50": float("nan")}
    assert epoch_line(event) == "epoch 3/10  loss 0.4123  val_loss 0.5000  val_acc 0.950  val_mIoU 0.712"
    reporter = TrainReporter()
    reporter({"event": "start", "n_train": 8, "n_val": 2, "epochs": 1, "steps_per_epoch": 2,
              "class_names": ["a", "b"],
              "skipped": [["x.png", "no annotation"], ["y.png", "unreadable annotation: z"]]})
    for step in (1, 2):
        reporter({"event": "batch", "epoch": 1, "step": step, "steps": 2, "loss": 0.5})
    reporter({"event": "epoch", "epoch": 1, "epochs": 1, "loss": 0.5, "val_accuracy": 1.0})
    reporter({"event": "done", "bundle": "/x/bundle", "metrics": {"accuracy": 1.0, "mean_iou": 0.5}})
    out, err = capsys.readouterr()
    assert out == ""  # progress is for people: stderr only
    assert "training on 10 images (8 train, 2 validation), 2 classes, up to 1 epoch of 2 steps" in err
    assert "petloc: skipped y.png: unreadable annotation: z" in err
    assert "1 image without an annotation not used" in err and "x.png" not in err
    assert "epoch 1/1  loss 0.5000  val_acc 1.000" in err
    assert "/x/bundle" in err.splitlines()[-1]

    # the kept epoch's figures name where they were measured (not the part that chose the epoch)
    assert "best epoch on validation: accuracy 1.000  mean_iou 0.500" in err
    TrainReporter()({"event": "start", "n_train": 23, "n_val": 5, "n_test": 48, "epochs": 5, "class_names": ["a"],
                     "selection_images": ["1", "2", "3", "4"], "report_images": ["5"], "skipped": []})
    _, err = capsys.readouterr()
    assert ("training on 28 images (23 train, 5 validation: 4 choose the epoch, 1 report), 1 class, up to 5 "
            "epochs; 48 test images held out, never used") in err
    TrainReporter()({"event": "start", "n_train": 9, "n_val": 1, "epochs": 5, "class_names": ["a"],
                     "n_prelabels": 4, "skipped": []})
    assert ("; 4 of the training images are unreviewed pre-labels (a model's boxes): trained on, never "
            "validated on") in capsys.readouterr().err
    TrainReporter()({"event": "start", "n_train": 9, "n_val": 1, "epochs": 5, "class_names": ["a"],
                     "skipped": [["/d/a.png", "shares its annotation file a.xml with a.jpg"],
                                 ["/d/b.png", "shares its annotation file b.xml with b.jpg"]]})
    assert [line for line in capsys.readouterr().err.splitlines() if line.startswith("petloc: ")] == [
        "petloc: left out 2 images whose annotation file is another image's, e.g. /d/a.png shares its annotation "
        "file a.xml with a.jpg (its boxes are that image's); rename one of the two images so that each has an "
        "annotation file of its own"]
    report = {"split": "validation (report part: did not choose the epoch)", "n_images": 7, "accuracy": 0.25}
    assert final_line(report) == ("best epoch on validation (report part: did not choose the epoch), 7 images: "
                                  "accuracy 0.250")
    one = {"split": "selection set (these images chose the epoch; there were no other held-out images)",
           "n_images": 1, "accuracy": 1.0}
    assert final_line(one).startswith("best epoch on selection set (these images chose the epoch; "
                                      "there were no other held-out images), 1 image: accuracy 1.000")
    # no validation at all (every class a single image): the monitor kept the last epoch
    assert final_line({"n_images": 0, "split": "none (no readable validation images)"}) == (
        "no validation images could be read: the last epoch was kept, with no figures")
    # none held out at all (every class a single image): none could be read is not what happened
    assert final_line({"n_images": 0, "split": "none (no readable validation images)"}, n_validation=0) == (
        "no validation images were held out: the last epoch was kept, with no figures")
    assert final_line({"n_images": 0, "split": "none (no readable validation images)"}, n_validation=3) == (
        "no validation images could be read: the last epoch was kept, with no figures")
    reporter = TrainReporter()  # the reporter knows how many were held out from the start event
    reporter({"event": "start", "n_train": 3, "n_val": 0, "epochs": 1, "class_names": ["a"], "skipped": []})
    reporter({"event": "done", "bundle": "/x/b", "metrics": {"n_images": 0, "split": "none (no readable "
                                                                         "validation images)"}})
    assert "no validation images were held out: the last epoch was kept" in capsys.readouterr().err
    # a report part none of whose images could be read any more
    assert final_line({"split": "validation (report part: did not choose the epoch)", "n_images": 0}) == (
        "no figures for the kept epoch: none of its validation (report part: did not choose the epoch) "
        "images could be read")
    event.update(seconds=12.34, best_epoch=3)
    assert epoch_line(event).endswith("val_mIoU 0.712  12.3s  (best so far)")


@pytest.mark.parametrize("raised, shown", [(None, False), (RuntimeError, True), (KeyboardInterrupt, False)])
def test_parked_native_chatter_is_shown_only_when_the_block_fails(capfd, monkeypatch, raised, shown):
    monkeypatch.delenv("PETLOC_DEBUG", raising=False)
    try:
        with native_stderr_parked():
            os.write(2, b"Could not find cuda drivers\n")
            if raised is not None:
                raise raised("stop")
    except (RuntimeError, KeyboardInterrupt):
        pass
    # a failed import is explained by it; the user's Ctrl+C (issue 8's new-user run) is not
    assert ("Could not find cuda drivers" in capfd.readouterr().err) == shown


@pytest.mark.parametrize("setting, shown", [("", False), ("0", False), ("false", False), ("no", False),
                                             ("1", True), ("yes", True)])
def test_petloc_debug_zero_keeps_the_native_chatter_parked_as_it_keeps_tracebacks_off(capfd, monkeypatch,
                                                                                        setting, shown):
    monkeypatch.setenv("PETLOC_DEBUG", setting)
    with native_stderr_parked():
        os.write(2, b"Could not find cuda drivers\n")
    assert ("Could not find cuda drivers" in capfd.readouterr().err) == shown
    assert debug_enabled() == shown  # the one reading main's traceback rule uses too


def test_read_exclude_list(tmp_path):
    path = tmp_path / "exclude.txt"
    path.write_text("a.jpg\n\n# a comment\nsub/b.png  # trailing\n", encoding="utf-8")
    assert [entry_forms(line)[-1] for line in read_list_lines(path)] == ["a.jpg", "# a comment", "sub/b.png"]


def test_read_exclude_list_saved_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "exclude.txt"
    path.write_text("\ufefftest_00000_digit0\ntest_00001_digit1\n", encoding="utf-8")
    assert read_list_lines(path) == ["test_00000_digit0", "test_00001_digit1"]


def test_write_prelabel_writes_missing_and_never_overwrites(tmp_path):
    image = write_image(tmp_path / "cat.png", 40, 30)
    target = tmp_path / "cat.xml"
    assert write_prelabel(image, target, "cat", Box(5, 6, 50, 20), "petloc pre-label by a test") is True
    annotation = read_voc(target)
    assert [o.name for o in annotation.objects] == ["cat"]
    assert annotation.objects[0].box == Box(5, 6, 40, 20)  # clamped to the image
    assert annotation.size == (40, 30) and annotation.depth == 3
    before = target.read_bytes()
    assert write_prelabel(image, target, "dog", Box(1, 1, 2, 2), "petloc pre-label by a test") is False
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging leftovers


def test_write_prelabel_grayscale_depth(tmp_path):
    from PIL import Image

    image = tmp_path / "digit.png"
    Image.new("L", (75, 75)).save(image)
    assert write_prelabel(image, tmp_path / "digit.xml", "7", Box(1, 1, 29, 29), "petloc pre-label by a test") is True
    assert read_voc(tmp_path / "digit.xml").depth == 1


def test_write_prelabel_loses_the_race_to_a_person(tmp_path, monkeypatch):
    """An annotation saved between the check and the write is kept, byte for byte."""
    image = write_image(tmp_path / "cat.png", 40, 30)
    target = tmp_path / "cat.xml"
    human = voc_xml("cat.png", 40, 30, [("dog", (1, 2, 3, 4))]).encode()
    real_link = os.link

    def link_after_human_saved(src, dst):
        target.write_bytes(human)  # the person saves right now
        return real_link(src, dst)

    monkeypatch.setattr(os, "link", link_after_human_saved)
    assert write_prelabel(image, target, "cat", Box(5, 5, 10, 10), "petloc pre-label by a test") is False
    assert target.read_bytes() == human


def test_write_prelabel_without_hard_links(tmp_path, monkeypatch):
    image = write_image(tmp_path / "cat.png", 40, 30)
    target = tmp_path / "cat.xml"

    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    assert write_prelabel(image, target, "cat", Box(5, 5, 10, 10), "petloc pre-label by a test") is True
    assert read_voc(target).objects[0].name == "cat"
    assert write_prelabel(image, target, "dog", Box(5, 5, 10, 10), "petloc pre-label by a test") is False


def test_annotation_targets_follow_the_layout(tmp_path):
    oxford = tmp_path / "oxford"
    (oxford / "images").mkdir(parents=True)
    (oxford / "annotations" / "xmls").mkdir(parents=True)
    write_image(oxford / "images" / "Bengal_1.jpg", 20, 20)
    side = tmp_path / "side"
    side.mkdir()
    write_image(side / "x.png", 20, 20)
    targets, problems, shared, folders = annotation_targets([oxford, side / "x.png", tmp_path / "nope"])
    assert targets[oxford / "images" / "Bengal_1.jpg"] == oxford / "annotations" / "xmls" / "Bengal_1.xml"
    assert targets[side / "x.png"] == side / "x.xml"
    assert problems == [(tmp_path / "nope", "no such file or folder")] and shared == {}
    assert list(folders) == [oxford] and folders[oxford].layout == "oxford"  # the folders given, as indexed
    # A single file inside an Oxford images/ folder gets the Oxford location too.
    found = annotation_targets([oxford / "images" / "Bengal_1.jpg"])
    assert list(found.images.values()) == [oxford / "annotations" / "xmls" / "Bengal_1.xml"]


@pytest.mark.parametrize("with_text_file", [False, True])
def test_annotation_targets_empty_folder(tmp_path, with_text_file):
    folder = tmp_path / "f"
    folder.mkdir()
    if with_text_file:
        (folder / "notes.txt").write_text("hi")
    found = annotation_targets([folder])
    assert found.images == {} and found.problems == [(folder, "no image found in this folder")]


def test_a_json_line_is_utf8_even_for_a_file_name_that_is_not():
    import json

    from petloc_gui.cli.output import json_line

    name = os.fsdecode(b"bad\xffname \xc3\xa9.jpg")  # the \xff reaches Python as a lone surrogate
    stream = io.StringIO()
    json_line({"image": name}, stream)
    raw = stream.getvalue().encode("utf-8")  # raw surrogates would raise here, as they broke strict readers
    assert json.loads(raw.decode("utf-8", errors="strict")) == {"image": name}
    assert "é" in raw.decode("utf-8")  # other characters stay as they are


def test_a_newline_in_a_file_name_keeps_one_record_on_one_line(capsys):
    from types import SimpleNamespace

    from petloc_gui.cli import cmd_predict
    from petloc_gui.cli.output import show, show_lines

    assert show("new\nline.png") == "new\\x0aline.png"
    assert show_lines(["data  new\nline", "images  3"]) == "data  new\\x0aline\nimages  3"
    prediction = SimpleNamespace(label="cat", confidence=0.5, box=Box(1, 2, 3, 4))
    cmd_predict._report_prediction(SimpleNamespace(json=False), Path("new\nline.png"), prediction)
    assert capsys.readouterr().out == "new\\x0aline.png  cat  0.50  [1, 2, 3, 4]\n"
