"""The Retrain dialog's preview reads the folder's boxes as the run does, each on its image's own size: it
read the annotations with their <size> alone, so an XML whose <size> (100x100) is not its image's (300x200)
had its box clamped to nothing there and was left out of the counts, while the run (`petloc train`, the
window's worker) trained on it: the dialog said one box of "dog" where the run trained on two."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from petloc_gui.cli.train_checks import read_folder
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.model.test_boxes_read_as_petloc_train import _folder


def _run_box_counts(root) -> dict[str, int]:
    """The boxes per label the run trains on (`petloc train`'s read, the worker's)."""
    read, _ = read_folder(root, "default", [])
    return dict(Counter(name for sample in read.samples for name, _ in sample.ground_truth))


@pytest.mark.parametrize("fine_tune", [False, True])
def test_the_preview_counts_the_boxes_the_run_trains_on(tmp_path, fine_tune):
    root = _folder(tmp_path / "voc", "JPEGImages")  # day/b: <size> 100x100 on a 300x200 image, its box past it
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog"]}), encoding="utf-8")
    preview = holdout_preview_for(root, "default", parent_spec=str(parent) if fine_tune else None)
    assert preview is not None
    holdout = preview(0.2, fine_tune)
    assert holdout.problem == ""
    assert _run_box_counts(root) == {"cat": 1, "dog": 2}
    assert dict(holdout.box_counts) == _run_box_counts(root)
