"""The window's training child says when the folder's layout lists test images the run trains on.

`petloc train` warned that a VOC devkit's ImageSets/Main/test.txt (Oxford's annotations/test.txt) listed
images it trained or validated on; the window's Retrain, whose child gets no --exclude-list, trained and
validated on all of them with no word in its log (start event n_test 0, meta.json splits.test empty). The
child now sends the same warning, by the same rule (`model.layout_test_split`), as a "notice" event, which
the Retraining window logs. (The window's Retrain now passes --hold-out-layout-test, which holds the list
out: `test_window_holds_out_layout_test`; the warning is for a run of the child without it.)
"""

from __future__ import annotations

import json
import sys

import pytest

import petloc_gui.model as model_package
from petloc_gui.model import train_worker
from petloc_gui.model.layout_test_split import layout_test_notices
from tests.cli.test_train_layout_test_split_said import IDS, _devkit, _sidecar


def test_a_run_on_a_devkit_s_test_list_is_warned_in_the_window_s_words(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    listing = root / "ImageSets" / "Main" / "test.txt"
    assert layout_test_notices(root) == [
        "warning: the folder's ImageSets/Main/test.txt lists 3 test images; this run trains or validates on them: "
        "this run holds no test list out, so no figure on them is a test figure; to keep them for testing, run it "
        f"with --hold-out-layout-test, as the window's Retrain does, or train with petloc train --exclude-list "
        f"{listing}"]


def test_a_fine_tune_that_leaves_them_out_as_its_model_s_test_images_says_nothing(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    parent = tmp_path / "parent"
    parent.mkdir()
    tests = ["JPEGImages/c.jpg", "JPEGImages/day/g.jpg"]
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog"],
                                                  "splits": {"train": [], "validation": [], "test": tests}}))
    [said] = layout_test_notices(root, base=str(parent))
    assert "lists 3 test images; this run trains or validates on 1 of them: this run holds no test list" in said
    tests.append("JPEGImages/night/h.jpg")
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog"],
                                                  "splits": {"train": [], "validation": [], "test": tests}}))
    assert layout_test_notices(root, base=str(parent)) == []


def test_a_folder_without_a_test_list_says_nothing(tmp_path):
    assert layout_test_notices(_sidecar(tmp_path, IDS)) == []
    assert layout_test_notices(_devkit(tmp_path / "voc", IDS, [])) == []


def test_the_worker_sends_it_as_a_notice_before_tensorflow_loads(tmp_path, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    # the import of the training module (TensorFlow) is where this test stops the run
    monkeypatch.delattr(model_package, "training", raising=False)
    monkeypatch.setitem(sys.modules, "petloc_gui.model.training", None)
    events = []
    args = train_worker.parse_args(["--data", str(root), "--preset", "photo", "--out", str(tmp_path / "out"),
                                    "--label", "default"])
    with pytest.raises(ImportError):
        train_worker.run_real(args, events.append, lambda: False)
    assert [event["event"] for event in events] == ["notice"]
    assert events[0]["message"].startswith("warning: the folder's ImageSets/Main/test.txt lists 2 test images; "
                                           "this run trains or validates on them: this run holds no test")
