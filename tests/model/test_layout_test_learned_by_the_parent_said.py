"""A fine-tune from a model that trained on images of the folder's test list says so: held out of this run,
they are no test images of its model, whose starting weights learned them.

Before: a model the older window trained here (its meta.json put every image in train or validation) was
fine-tuned, and the run said "2 images of the folder's test list held out … they stay test images", the
Retrain dialog "figures on them stay test figures", though the starting weights had learned c.jpg.
"""

from __future__ import annotations

import json

from petloc_gui.model.bundle import sha256_or_none
from petloc_gui.model.window_holdout import window_holdout
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def _with_old_parent(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    rels = [f"JPEGImages/{i}.jpg" for i in IDS]  # c.jpg trained on, day/g.jpg validated on
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({
        "class_names": ["cat", "dog"], "preset": "photo",
        "splits": {"train": rels[:-2], "validation": rels[-2:], "test": []},
        "images": {rel: {"sha256": sha256_or_none(root / rel)} for rel in rels}}))
    return root, parent


def test_the_run_says_how_many_of_the_list_its_model_learned(tmp_path):
    root, parent = _with_old_parent(tmp_path)
    held = window_holdout(root, base=str(parent))
    assert held.notices == ["2 images of the folder's test list (ImageSets/Main/test.txt) held out, as petloc train "
                            "--exclude-list does: never trained or validated on by this run (meta.json splits.test), "
                            "so figures on 1 of them stay test figures; the other 1 was learned by the model this run "
                            "starts from: figures on it are not test figures"]


def test_the_dialog_says_it_too(tmp_path):
    root, parent = _with_old_parent(tmp_path)
    preview = holdout_preview_for(root, parent_spec=str(parent))
    assert preview is not None
    assert preview(0.25, True).layout_test_note().endswith(
        "so figures on 1 of them stay test figures; the other 1 was learned by the model this run starts from: figures "
        "on it are not test figures")
    assert preview(0.25, False).layout_test_note().endswith("so figures on them stay test figures")  # from scratch


def test_all_of_them_learned_are_not_said_to_stay_test_figures():
    from petloc_gui.model.layout_test_split import test_figures_said

    assert test_figures_said(2, 0) == ", so figures on them stay test figures"
    assert test_figures_said(2, 2) == ("; all 2 of them were learned by the model this run starts from: figures on "
                                       "them are not test figures")
