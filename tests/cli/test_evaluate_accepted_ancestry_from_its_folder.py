"""`petloc evaluate`'s accepted boxes (`cli.evaluate_accepted.accepted_report`) walk the evaluated model's chain
of parents from its bundle's folder. runs/mine, whose meta.json has no version id (a bundle from before version
ids, or copied by hand), was fine-tuned from runs/V1, itself from the bundled digits model: a box accepted from
digits is an ancestor's. Before, the walk started from meta.json alone and found V1, written beside the model,
only where an earlier walk of the process had (cmd_evaluate's count of training images): on its own it said the
chain "breaks at V1, which is not found" and that the model only may descend from digits."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from petloc_gui.cli.evaluate_accepted import accepted_report
from petloc_gui.core.accepted_boxes import AcceptedModels
from petloc_gui.core.boxes import Box

V1 = "digits-20260101T000001Z-aaaaa1"
MINE = {"preset": "digits", "class_names": ["0", "1"], "parent": V1, "parent_version_id": V1}  # no version id


def test_the_chain_is_walked_from_the_model_s_folder_on_its_own(tmp_path, monkeypatch):
    mine, v1 = tmp_path / "runs" / "mine", tmp_path / "runs" / V1
    for bundle, meta in ((mine, MINE), (v1, {"version_id": V1, "preset": "digits", "parent": "digits"})):
        bundle.mkdir(parents=True)
        (bundle / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    box = Box(2, 2, 20, 20)
    evaluated = [(Path("a.png"), [("0", box)], SimpleNamespace(label="0", box=box))]
    accepted = {Path("a.png"): AcceptedModels({"model digits"}, {"model digits"})}

    keys, warning = accepted_report(evaluated, accepted, MINE["class_names"], MINE, str(mine), mine, "mine",
                                    located=mine)

    assert keys["n_accepted"] == 1 and keys["n_accepted_own"] == 0
    assert warning is not None and "not found" not in warning and "may descend" not in warning
    assert "which the model evaluated descends from through the model it was fine-tuned from" in warning
