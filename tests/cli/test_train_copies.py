"""`petloc train` on a folder holding one canvas under two names: both on one side of the split, the count in
meta.json and on stderr, and `petloc evaluate --split validation` finds no training image among the
validation images (slow: real training, one epoch)."""

from __future__ import annotations

import json
import shutil

import pytest

from petloc_gui.model.splits import split_key
from tests.cli.helpers import run_cli


@pytest.mark.slow
def test_a_copy_of_a_training_canvas_validates_with_it_and_the_run_counts_it(tmp_path, capsys):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.training_data import TrainingData

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", 40, seed=2)
    train = TrainingData.collect(folder, val_fraction=0.25, seed=3).splits_record()["train"]
    # a canvas whose digit has another training canvas: the copies may take this one to validation
    digit = [name.rsplit("_", 1)[-1] for name in train]
    trained = next(name for name, d in zip(train, digit, strict=True) if digit.count(d) > 1)
    copy = next(f"backup/copy_{i}.png" for i in range(10_000) if split_key(f"backup/copy_{i}.png", 3) < 0.25)
    (folder / "backup").mkdir()
    shutil.copyfile(folder / trained, folder / copy)
    xml = (folder / trained).with_suffix(".xml").read_text(encoding="utf-8")
    (folder / copy).with_suffix(".xml").write_text(xml.replace(trained, copy.rsplit("/", 1)[-1]), encoding="utf-8")
    out = tmp_path / "models"
    code, stdout, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", out, "--epochs", "1",
                                   "--batch-size", "8", "--val-fraction", "0.25", "--seed", "3")
    assert code == 0, stderr
    bundle = out / stdout.strip().splitlines()[-1].rsplit("/", 1)[-1]
    meta = json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
    assert {trained, copy} <= set(meta["splits"]["validation"])
    assert meta["validation_split"]["duplicates_kept_together"] == 2
    assert meta["validation_split"]["duplicates_moved"] == 1
    assert "2 images share their bytes with another image of the folder (1 set of identical files)" in stderr
    code, _, stderr = run_cli(capsys, "evaluate", "--model", bundle, folder, "--split", "validation")
    assert code == 0, stderr
    assert "training image" not in stderr
