"""The walks of a fine-tune are given the folder of the model it starts from, not left to the process memory.

runs/V1 fine-tuned from runs/V0 written beside it: a walk of a new model's chain (its meta.json alone, no bundle
yet) found V1 only where the process had been given it (`parent_chain.remember`), so in a process given none (a
training child, a fresh `petloc refine`) V1 "is not found", V0's boxes were "of a model it may descend from",
and a refiner's data recorded a false lineage_incomplete. The callers now pass the parent's folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.core.accepted_boxes import ANCESTOR, UNKNOWN, AcceptedModels
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model import parent_chain as chain_module
from petloc_gui.model.comparison_accepted import accepted_in
from petloc_gui.model.data import Sample
from petloc_gui.model.parent_chain import parent_chain
from petloc_gui.model.training_accepted import accepted_record
from petloc_gui.model.training_data import Item

V0, V1, NEW = (f"digits-20260101T00000{i}Z-ccccc{i}" for i in range(3))
V0_MARK = f"model digits ({V0})"



def _meta(version: str, parent: str | None) -> dict:
    return {"version_id": version, "preset": "digits", "parent": parent, "parent_version_id": parent,
            "class_names": [str(d) for d in range(10)],
            "splits": {"train": [], "validation": [], "test": []}, "images": {}}


@pytest.fixture
def runs(_isolated_user_data, tmp_path) -> Path:
    """runs/V0 (trained from scratch) and runs/V1 fine-tuned from it, written beside it (`--out runs`)."""
    runs = tmp_path / "runs"
    for version, parent in ((V0, None), (V1, V0)):
        (runs / version).mkdir(parents=True)
        (runs / version / "meta.json").write_text(json.dumps(_meta(version, parent)), encoding="utf-8")
    return runs


def test_a_new_model_s_walk_given_its_parent_s_folder_finds_the_parent_and_its_parents(runs, tmp_path):
    assert parent_chain(_meta(NEW, V1)).broken_at == V1  # the process memory alone: nowhere
    chain = parent_chain(_meta(NEW, V1), parent_at=runs / V1)
    assert [name for name, _ in chain.found] == [V1, V0] and not chain.broken_at
    # the folder given under another name (`--init-from mine`) is taken when it holds that version
    shutil.copytree(runs / V1, runs / "mine")
    assert [name for name, _ in parent_chain(_meta(NEW, V1), parent_at=runs / "mine").found] == [V1, V0]
    # ... and passed over when it holds another model
    assert parent_chain(_meta(NEW, V1), parent_at=runs / V0).broken_at == V1
    assert not chain_module._FOUND_AT  # nothing remembered: the next walk is not served by this one


def _samples() -> list[Sample]:
    return [Sample(Path(f"g{i}.png"), f"g{i}.png", Path(f"g{i}.xml"), (0, 0, 10, 10), "a",
                   accepted=AcceptedModels({V0_MARK}, {V0_MARK})) for i in range(2)]


def test_the_run_s_accepted_boxes_of_its_parent_s_parent_are_an_ancestor_s(runs):
    def score(items, subset):
        return {"accuracy": 1.0, "mean_iou": 0.7, "iou_ge_50": 1.0, "iou_ge_75": 0.0}

    items = [Item(s, (20, 20), (0.0, 0.0, 0.5, 0.5)) for s in _samples()]
    assert accepted_record(items, _meta(NEW, V1), score)["relation"] == {V0_MARK: UNKNOWN}
    record = accepted_record(items, _meta(NEW, V1), score, parent_path=runs / V1)
    assert record["relation"] == {V0_MARK: ANCESTOR} and record["ancestor"] == 2
    found = accepted_in(_samples(), _meta(NEW, V1), NEW, parent_path=runs / V1)
    assert found.relations == {V0_MARK: ANCESTOR} and not found.ancestry.missing


def test_petloc_train_s_check_given_the_init_from_folder_finds_its_parents(runs, tmp_path):
    from petloc_gui.cli.train_checks import read_folder

    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=6, seed=0)
    folder, _ = read_folder(data, "default", [], _meta(V1, V0))  # (the walk had only the process memory)
    assert folder.lineage_incomplete.startswith(f"{V0} is not found")
    folder, _ = read_folder(data, "default", [], _meta(V1, V0), parent_path=runs / V1)
    assert folder.lineage_incomplete == ""


class _ReadError(Exception):
    """Raised once the refiner's data is read: nothing after it is under test."""


def test_refining_runs_v1_finds_v0_beside_it_in_a_fresh_process(runs, tmp_path, monkeypatch):
    from petloc_gui.model import refine_training
    from petloc_gui.model.bundle import LoadedBundle
    from petloc_gui.model.training_data import TrainingData

    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=6, seed=0)
    meta = _meta(V1, V0)
    bundle = LoadedBundle(runs / V1, meta, None, meta["class_names"], (28, 28), "digits")
    monkeypatch.setattr(refine_training, "load_bundle", lambda path: bundle)  # its meta.json: no weights read
    read: list[TrainingData] = []
    collect = TrainingData.collect.__func__  # type: ignore[attr-defined]

    def collected(cls, *args, **kwargs):
        read.append(collect(cls, *args, **kwargs))
        raise _ReadError

    monkeypatch.setattr(TrainingData, "collect", classmethod(collected))
    with pytest.raises(_ReadError):
        refine_training.train_refiner(runs / V1, data)
    assert read[0].lineage_incomplete == ""  # was "V0 is not found: the parent of V1, ..."
