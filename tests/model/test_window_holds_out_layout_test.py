"""The window's Retrain holds out the test list the folder's layout declares (a VOC devkit's
ImageSets/Main/test.txt, Oxford's annotations/test.txt), as `petloc train --exclude-list` does.

Before: the window's training child got no exclusion, so a devkit's test images were trained and validated
on, with only a warning in the Retraining window's log (meta.json splits.test empty): no later figure on
them was a test figure. Now the child always holds the list out (meta.json splits.test names it), says so
in one notice, and says the byte copies of test images it holds out (the list's, or the model a fine-tune
starts from), as `petloc train` says them.
"""

from __future__ import annotations

import json
import shutil
import sys
import types

import pytest

import petloc_gui.model as model_package
from petloc_gui.model import train_worker
from petloc_gui.model.bundle import sha256_or_none
from petloc_gui.model.retrain_policy import worker_args
from petloc_gui.model.training_data import TrainingData
from tests.cli.helpers import voc_xml
from tests.cli.test_train_layout_test_split_said import IDS, _devkit

LISTED = ["JPEGImages/c.jpg", "JPEGImages/day/g.jpg", "JPEGImages/night/h.jpg"]


class _StoppedBeforeTensorFlowError(Exception):
    pass


def _run_until_training(tmp_path, monkeypatch, root, *extra):
    """The worker's run up to `training.train_run` (TensorFlow's), which a stand-in replaces: (its notices,
    the `TrainConfig` fields the run would get)."""
    configs: list[dict] = []

    def train_run(data_dir, config, **_):
        raise _StoppedBeforeTensorFlowError

    standin = types.SimpleNamespace(TrainConfig=lambda **fields: configs.append(fields) or fields,
                                    train_run=train_run, TrainingCancelled=type("Cancelled", (Exception,), {}))
    monkeypatch.setattr(model_package, "training", standin, raising=False)
    monkeypatch.setitem(sys.modules, "petloc_gui.model.training", standin)
    events = []
    args = train_worker.parse_args(["--data", str(root), "--preset", "photo", "--out", str(tmp_path / "out"),
                                    "--label", "default", *extra])
    with pytest.raises(_StoppedBeforeTensorFlowError):
        train_worker.run_real(args, events.append, lambda: False)
    assert {event["event"] for event in events} <= {"notice"}
    return [event["message"] for event in events], configs[0]


def test_the_child_holds_the_devkit_s_test_list_out_and_meta_json_names_it(tmp_path, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    notices, config = _run_until_training(tmp_path, monkeypatch, root)
    assert notices == ["3 images of the folder's test list (ImageSets/Main/test.txt) held out, as petloc train "
                       "--exclude-list does: never trained or validated on, they stay test images (meta.json "
                       "splits.test)"]
    # what `training.train_run` reads with that config (TrainingData.collect), and records as meta.json splits
    data = TrainingData.collect(root, config["label"], config["exclude"], config["val_fraction"], config["seed"])
    splits = data.splits_record()
    assert splits["test"] == LISTED
    assert not set(LISTED) & set(splits["train"] + splits["validation"])
    assert len(splits["train"] + splits["validation"]) == len(IDS) - 3


def test_a_byte_copy_of_a_listed_image_is_held_out_and_said(tmp_path, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    shutil.copyfile(root / "JPEGImages" / "c.jpg", root / "JPEGImages" / "copy_of_c.jpg")
    (root / "Annotations" / "copy_of_c.xml").write_text(voc_xml("copy_of_c.jpg", 40, 30, [("cat", (1, 1, 20, 20))]),
                                                         encoding="utf-8")
    notices, config = _run_until_training(tmp_path, monkeypatch, root)
    assert notices[1] == ("1 byte copy of test images held out too, as test images (JPEGImages/copy_of_c.jpg has "
                          "the bytes of JPEGImages/c.jpg): a copy trained or validated on would make the test "
                          "figures those of photos the model had seen")
    test = TrainingData.collect(root, exclude=config["exclude"]).splits_record()["test"]
    assert test == ["JPEGImages/c.jpg", "JPEGImages/copy_of_c.jpg", "JPEGImages/day/g.jpg"]


def test_a_fine_tune_says_the_byte_copies_of_its_model_s_test_images(tmp_path, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, [])  # no test list: only the model's test images are held out
    shutil.copyfile(root / "JPEGImages" / "a.jpg", root / "JPEGImages" / "renamed.jpg")
    (root / "Annotations" / "renamed.xml").write_text(voc_xml("renamed.jpg", 40, 30, [("dog", (1, 1, 20, 20))]),
                                                      encoding="utf-8")
    (root / "Annotations" / "a.xml").unlink()
    (root / "JPEGImages" / "a.jpg").unlink()  # the model's test image is here only under another name
    parent = tmp_path / "parent"
    parent.mkdir()
    digest = sha256_or_none(root / "JPEGImages" / "renamed.jpg")
    (parent / "meta.json").write_text(json.dumps({
        "class_names": ["cat", "dog"], "splits": {"train": [], "validation": [], "test": ["old/a.jpg"]},
        "images": {"old/a.jpg": {"sha256": digest}}}))
    notices, config = _run_until_training(tmp_path, monkeypatch, root, "--base", str(parent))
    assert notices == ["1 byte copy of test images held out too, as test images (JPEGImages/renamed.jpg has the "
                       "bytes of old/a.jpg): a copy trained or validated on would make the test figures those of "
                       "photos the model had seen"]
    assert config["exclude"] == []


@pytest.mark.slow
def test_a_real_run_of_the_child_records_the_list_as_its_test_images(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    out = tmp_path / "out"
    out.mkdir()
    events: list[dict] = []
    args = train_worker.parse_args([*worker_args(root, "digits", out, epochs=1), "--batch-size", "4",
                                    "--no-compare", "--nice", "0"])
    train_worker.run_real(args, events.append, lambda: False)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["splits"]["test"] == LISTED
    assert next(e for e in events if e["event"] == "start")["n_test"] == 3
    assert events[0] == {"event": "notice", "message": "3 images of the folder's test list (ImageSets/Main/test.txt) "
                         "held out, as petloc train --exclude-list does: never trained or validated on, they stay "
                         "test images (meta.json splits.test)"}
