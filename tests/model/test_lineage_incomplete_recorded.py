"""A fine-tune whose parent's chain cannot be followed (an ancestor's meta.json deleted or corrupt) says so
and records it: `CollectedFolder.lineage_incomplete`, meta.json ``training_data.lineage_incomplete``.

Before, the gap was dropped unsaid (`collected_folder._lineage_learned` took the records found and nothing
else), and validation could hold images the missing ancestor trained on with nothing in the run or its
meta.json to say the figures might be on them.
"""

from __future__ import annotations

import json

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.collected_folder import LINEAGE_KEY, STARTS_FROM, collect_folder
from petloc_gui.model.training_data import TrainingData

GONE = "digits-20260101T000000Z-aaaaa0"
PARENT = {"version_id": "digits-20260101T000001Z-aaaaa1", "preset": "digits", "parent": GONE,
          "parent_version_id": GONE, "splits": {"train": [], "validation": [], "test": []}, "images": {}}


def test_a_broken_chain_is_recorded_with_the_run(_isolated_user_data, tmp_path):
    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=6, seed=0)
    folder = collect_folder(data, parent_meta=PARENT)
    assert folder.lineage_incomplete == f"{GONE} is not found: the parent of {PARENT['version_id']}, {STARTS_FROM}"
    run = TrainingData.from_folder(folder, 0.3, 0, ["0", "1"])
    assert run.summary_record(0)[LINEAGE_KEY] == folder.lineage_incomplete
    # a whole chain says nothing
    store = _isolated_user_data / "models" / "digits" / GONE
    store.mkdir(parents=True)
    (store / "meta.json").write_text(json.dumps({"version_id": GONE, "preset": "digits", "splits": {
        "train": [], "validation": [], "test": []}, "images": {}}), encoding="utf-8")
    folder = collect_folder(data, parent_meta=PARENT)
    assert folder.lineage_incomplete == ""
    assert LINEAGE_KEY not in TrainingData.from_folder(folder, 0.3, 0, ["0", "1"]).summary_record(0)
