"""The Retrain dialog's preview leaves out the test list the folder's layout declares, as the run does.

The window's run now holds a VOC devkit's ImageSets/Main/test.txt (Oxford's annotations/test.txt) out
(its training child, unasked); the preview read the folder with no exclusion, so its held-out list could name a
test image, its counts held them, and its "too few images" check passed a folder whose run would stop at
once. It leaves them out now, by path and by bytes, from scratch and fine-tuning alike.
"""

from __future__ import annotations

import json
import shutil

from petloc_gui.model.cannot_train import too_few_images
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import voc_xml
from tests.cli.test_train_layout_test_split_said import IDS, _devkit

LISTED = {"JPEGImages/c.jpg", "JPEGImages/day/g.jpg", "JPEGImages/night/h.jpg"}


def _parent(tmp_path, test=()):
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog"],
                                                  "splits": {"train": [], "validation": [], "test": list(test)}}))
    return str(parent)


def test_a_run_from_scratch_is_previewed_without_the_test_list(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    holdout = holdout_preview_for(root)(0.4)
    assert holdout.problem == "" and holdout.count
    assert not LISTED & set(holdout.names)
    assert holdout.reviewed == len(IDS) - 3 and holdout.layout_test == 3
    assert sum(holdout.box_counts.values()) == len(IDS) - 3  # the boxes the run trains on


def test_a_fine_tune_is_previewed_without_it_and_counts_its_model_s_test_images_apart(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    # a byte copy of a listed image is held out too, as the run holds it out
    shutil.copyfile(root / "JPEGImages" / "c.jpg", root / "JPEGImages" / "copy_of_c.jpg")
    (root / "Annotations" / "copy_of_c.xml").write_text(voc_xml("copy_of_c.jpg", 40, 30, [("cat", (1, 1, 20, 20))]),
                                                         encoding="utf-8")
    # the model's test images: one of the list's (counted once, as the list's), one of the others
    parent = _parent(tmp_path, ["JPEGImages/c.jpg", "JPEGImages/a.jpg"])
    holdout = holdout_preview_for(root, parent_spec=parent)(0.4, True)
    assert holdout.problem == "" and holdout.count
    assert not (LISTED | {"JPEGImages/copy_of_c.jpg", "JPEGImages/a.jpg"}) & set(holdout.names)
    assert holdout.layout_test == 4 and holdout.parent_test == 1
    assert holdout.reviewed == len(IDS) - 4


def test_a_folder_left_with_too_few_images_says_the_run_cannot_start(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, IDS[1:])  # all but one are test images
    holdout = holdout_preview_for(root)(0.2)
    assert holdout.problem == too_few_images(1)
    tuned = holdout_preview_for(root, parent_spec=_parent(tmp_path))(0.2, True)
    assert tuned.problem.startswith(too_few_images(1)[:30]) and "7 more held out" in tuned.problem


def test_the_controller_tells_the_worker_to_hold_the_list_out(qtbot, window, controller, monkeypatch):
    from petloc_gui.ui.training.training_process import TrainingProcess

    started: list[list[str]] = []
    monkeypatch.setattr(TrainingProcess, "start", lambda self, args, env=None, module="": started.append(args))
    assert controller.start(RetrainOptions(epochs=1, save_first=False))
    # the child holds it out unasked (`window_holdout`): no option for it, which its parser would refuse
    assert not any(arg.startswith("--hold-out") for arg in started[0])
