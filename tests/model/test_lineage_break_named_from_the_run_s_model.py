"""A fine-tune's warnings and meta.json name a break in the chain up from the model the run starts from.

`petloc train --init-from V1` walks V1's chain, but says what it found of the new model: "the record of the
images the model it starts from, and the models it was fine-tuned from, trained on is incomplete (…)", and
meta.json training_data.lineage_incomplete is the new model's. Before, the break was worded from V1 ("its
parent model V0 is not found"): of the new model, V0 is its parent's parent, which the words called its
parent. `petloc evaluate` and the window's comparison say it of the model walked from: "its parent model".
"""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.collected_folder import LINEAGE_KEY, collect_folder, incomplete_lineage_warning
from petloc_gui.model.training_data import TrainingData
from petloc_gui.model.training_record import lineage_of

GONE, V0, V1, V2 = (f"digits-20260101T00000{i}Z-fffff{i}" for i in range(4))
STARTS = "the model this run starts from"



def _meta(version: str, parent: str) -> dict:
    return {"version_id": version, "preset": "digits", "parent": parent, "parent_version_id": parent,
            "splits": {"train": [], "validation": [], "test": []}, "images": {}}


def _in_store(store: Path, meta: dict) -> None:
    (store / meta["version_id"]).mkdir(parents=True)
    (store / meta["version_id"] / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def test_the_parent_of_the_model_a_run_starts_from_is_not_called_its_parent(_isolated_user_data, tmp_path):
    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=6, seed=0)
    folder = collect_folder(data, parent_meta=_meta(V1, GONE))
    why = f"{GONE} is not found: the parent of {V1}, {STARTS}"
    assert folder.lineage_incomplete == why
    assert TrainingData.from_folder(folder, 0.3, 0, ["0", "1"]).summary_record(0)[LINEAGE_KEY] == why
    assert f"trained on is incomplete ({why}): validation may hold" in incomplete_lineage_warning(why)
    # said of V1 itself (`petloc evaluate --model V1`): its parent
    assert lineage_of(_meta(V1, GONE)).missing == f"its parent model {GONE} is not found"


def test_a_break_further_up_names_the_chain_down_to_the_model_the_run_starts_from(_isolated_user_data, tmp_path):
    store = _isolated_user_data / "models" / "digits"
    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=6, seed=0)
    _in_store(store, _meta(V0, GONE))
    assert collect_folder(data, parent_meta=_meta(V1, V0)).lineage_incomplete == (
        f"{GONE} is not found: the parent of {V0}, which is the parent of {V1}, {STARTS}")
    _in_store(store, _meta(V1, V0))
    assert collect_folder(data, parent_meta=_meta(V2, V1)).lineage_incomplete == (
        f"{GONE} is not found: the parent of {V0}, 3 fine-tunes up from {V2}, {STARTS}")
    (store / V0 / "meta.json").write_text("{", encoding="utf-8")  # cut short: there, but unreadable
    assert collect_folder(data, parent_meta=_meta(V1, V0)).lineage_incomplete.startswith(
        f"{V0} is unreadable (cannot read meta.json: ")
    assert collect_folder(data, parent_meta=_meta(V1, V0)).lineage_incomplete.endswith(
        f"): the parent of {V1}, {STARTS}")
