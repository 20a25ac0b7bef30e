"""`training.train` run as the window's training child runs it (no `petloc train` before it), fine-tuning a
parent given as a path, runs/V1, whose own parent V0 was written beside it (`petloc train --out runs`).

Before, the run walked V1's chain from its meta.json alone: `petloc train` had noted where V1 is
(`parent_chain.remember`), the window's child had not, so V0 was "not found" and meta.json recorded the
lineage as incomplete (validation kept clear of no image V0 trained on).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.training import TrainConfig, train

pytestmark = pytest.mark.slow

V0, V1 = "digits-20260101T000000Z-aaaaa0", "digits-20260101T000001Z-aaaaa1"
INCOMPLETE = "warning: the record of the images the model it starts from"



def _runs(tmp_path: Path, chain: tuple[tuple[str, str], ...]) -> Path:
    """runs/<version> for each (version, its parent): copies of the bundled digits model; the last one's folder."""
    from petloc_gui.model.bundle import resolve_model

    for version, parent in chain:
        bundle = tmp_path / "runs" / version
        shutil.copytree(resolve_model("digits"), bundle)
        meta = json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
        meta.update(version_id=version, parent=parent, parent_version_id=None if parent == "digits" else parent)
        (bundle / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return tmp_path / "runs" / chain[-1][0]


def _data(tmp_path: Path) -> Path:
    """12 digit canvases whose boxes were all accepted from the bundled digits model."""
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=12, seed=0)
    for xml in data.glob("*.xml"):
        annotation = read_voc(xml)
        annotation.objects = [dataclasses.replace(o, proposed_by="model digits", proposed_box=o.box,
                                                  proposed_label=None) for o in annotation.objects]
        write_voc(annotation, xml)
    return data


def _config(parent: Path, tmp_path: Path, **changes) -> TrainConfig:
    return TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=0.5, init_from=str(parent),
                       out_dir=str(tmp_path / "child"), **changes)


def test_the_parents_beside_a_parent_given_by_path_are_found(tmp_path):
    parent = _runs(tmp_path, ((V0, "digits"), (V1, V0)))
    events: list[dict] = []
    meta = read_meta(train(_data(tmp_path), _config(parent, tmp_path), on_event=events.append))
    assert "lineage_incomplete" not in meta["training_data"]
    assert meta["metrics_accepted_boxes"]["relation"] == {"model digits": "ancestor"}  # V0's parent
    assert not [e for e in events if e["event"] == "notice" and INCOMPLETE in e["message"]]
