"""An ancestor that records no training images is named in the incomplete-lineage warning.

Fine-tuning or evaluating runs/V1 (its record complete) whose parent runs/V0 is an older model (no `splits`,
`images` or fingerprint in its meta.json) said "…incomplete (its training images are not recorded (an older
model))": "its" read as V1's, and V0 was never named. The reason now names the ancestor it is about, from the
model the sentence is about, as a break in the chain is named (`ParentChain.break_reason`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.collected_folder import collect_folder
from petloc_gui.model.training_record import ancestors_of, lineage_of

V0, V1, V2 = (f"digits-20260101T00000{i}Z-eeeee{i}" for i in range(3))
STARTS = "the model this run starts from"
OLDER = "does not record its training images (an older model)"



def _recorded(version: str, parent: str) -> dict:
    return {"version_id": version, "preset": "digits", "parent": parent, "parent_version_id": parent,
            "splits": {"train": [], "validation": [], "test": []}, "images": {}}


def _write(runs: Path, meta: dict) -> Path:
    (runs / meta["version_id"]).mkdir(parents=True)
    (runs / meta["version_id"] / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return runs / meta["version_id"]


@pytest.fixture
def runs(_isolated_user_data, tmp_path) -> Path:
    """runs/V0 (an older model: no splits, images or fingerprint) -> runs/V1 -> runs/V2, both recorded."""
    runs = tmp_path / "runs"
    _write(runs, {"version_id": V0, "preset": "digits"})
    _write(runs, _recorded(V1, V0))
    _write(runs, _recorded(V2, V1))
    return runs


def test_evaluate_names_the_parent_that_records_no_training_images(runs):
    lineage = lineage_of(_recorded(V1, V0), located=runs / V1)  # as `petloc evaluate --model runs/V1`
    assert not lineage.complete
    assert lineage.why_incomplete == f"its parent model {V0} {OLDER}"
    assert lineage_of(_recorded(V2, V1), located=runs / V2).why_incomplete == f"its parent's parent {V0} {OLDER}"
    # the window's comparison: the records of the models the current model was fine-tuned from
    assert ancestors_of(_recorded(V1, V0), located=runs / V1).why_incomplete == f"its parent model {V0} {OLDER}"
    # the model evaluated itself: "its" is that model's
    assert lineage_of({"version_id": V0}, located=runs / V0).why_incomplete == (
        "its training images are not recorded (an older model)")


def test_a_fine_tune_names_the_ancestor_from_the_model_it_starts_from(runs, tmp_path):
    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=6, seed=0)
    folder = collect_folder(data, parent_meta=_recorded(V1, V0), parent_path=runs / V1)
    assert folder.lineage_incomplete == f"{V0} {OLDER}: the parent of {V1}, {STARTS}"
    folder = collect_folder(data, parent_meta=_recorded(V2, V1), parent_path=runs / V2)
    assert folder.lineage_incomplete == f"{V0} {OLDER}: the parent of {V1}, which is the parent of {V2}, {STARTS}"
    # fine-tuning V0 itself: the new model's parent is V0, named as the model the run starts from
    folder = collect_folder(data, parent_meta={"version_id": V0, "preset": "digits"}, parent_path=runs / V0)
    assert folder.lineage_incomplete == f"{STARTS}, {V0}, {OLDER}"


def test_a_changed_data_folder_names_its_model(runs, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    v0 = {"version_id": V0, "preset": "digits", "training_data": {"root": str(data), "fingerprint": "gone"}}
    (runs / V0 / "meta.json").write_text(json.dumps(v0), encoding="utf-8")
    assert lineage_of(_recorded(V1, V0), located=runs / V1).why_incomplete == (
        f"its parent model {V0} does not record its training images, and its data folder {data} changed "
        "since it was trained")
