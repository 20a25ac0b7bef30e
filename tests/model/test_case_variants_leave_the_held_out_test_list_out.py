"""A box on an image of the folder's test list, which the run holds out, refuses no run.

Before: test-listed c.xml boxed "Cat", every other "cat": the Retrain dialog's preview held the list out and
offered Start, but the saved-labels check and the training child read every annotation (no hold-out) and
refused the run over a box it would never train on.
"""

from __future__ import annotations

from pathlib import Path

from petloc_gui.model import train_worker
from petloc_gui.model.layout_test_split import layout_test_holdout
from petloc_gui.model.run_case_variants import run_case_variants
from tests.cli.helpers import voc_xml
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def _test_image_boxed_otherwise(tmp_path: Path) -> Path:
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    (root / "Annotations" / "c.xml").write_text(voc_xml("c.jpg", 40, 30, [("Cat", (1, 1, 20, 20))]), encoding="utf-8")
    return root


def test_the_held_out_test_list_refuses_nothing(tmp_path):
    root = _test_image_boxed_otherwise(tmp_path)
    assert '"Cat"' in run_case_variants(root)  # trained on, it would be a second spelling
    assert run_case_variants(root, exclude=layout_test_holdout(root).images) == ""


def test_the_training_child_holding_the_list_out_does_not_refuse_the_run(tmp_path):
    root = _test_image_boxed_otherwise(tmp_path)
    argv = ["--data", str(root), "--preset", "photo", "--out", str(tmp_path / "out"), "--label", "default"]
    train_worker.refuse_case_variants(train_worker.parse_args(argv))  # no DatasetError
