"""A run whose validation holds one canvas under two names, whose paths alone split them between the part
that chooses the epoch and the part that reports: both land in one part, meta.json ``validation_parts`` says
so (``duplicates_kept_together``, its rule), and its readers read it as they read an older record without
those keys (slow: real training, one epoch)."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest

from petloc_gui.model.identical_images import KEPT_KEY, MOVED_KEY, SETS_KEY
from petloc_gui.model.splits import REPORT_SHARE, split_key

pytestmark = pytest.mark.slow

SEED, FRACTION = 3, 0.3


def _reports(relpath: str) -> bool:
    """Whether the key of ``relpath`` alone puts it in the report part (`splits.report_members`)."""
    return split_key(f"report\0{relpath}", SEED) >= 1.0 - REPORT_SHARE


def test_a_copy_in_validation_shares_its_twin_s_part_and_meta_json_counts_it(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.epoch_choice import validation_parts
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.comparison import _chose_old
    from petloc_gui.model.refine_training import selection_first
    from petloc_gui.model.training import TrainConfig, train
    from petloc_gui.model.training_data import TrainingData

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", 40, seed=2)
    validated = TrainingData.collect(folder, val_fraction=FRACTION, seed=SEED).splits_record()["validation"][0]
    copy = next(name for name in (f"backup/copy_{i}.png" for i in range(10_000))
                if split_key(name, SEED) < FRACTION and _reports(name) != _reports(validated))
    (folder / "backup").mkdir()
    shutil.copyfile(folder / validated, folder / copy)
    xml = (folder / validated).with_suffix(".xml").read_text(encoding="utf-8")
    (folder / copy).with_suffix(".xml").write_text(xml.replace(validated, copy.rsplit("/", 1)[-1]), encoding="utf-8")
    events: list[dict] = []
    config = TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=FRACTION, seed=SEED,
                         out_dir=str(tmp_path / "bundle"))
    meta = read_meta(train(folder, config, on_event=events.append))

    parts = meta["validation_parts"]
    assert {validated, copy} <= set(meta["splits"]["validation"])
    assert {validated, copy} <= set(parts["selection"]) or {validated, copy} <= set(parts["report"])
    assert parts["selection"] and parts["report"]
    assert (parts[KEPT_KEY], parts[SETS_KEY], parts[MOVED_KEY]) == (2, 1, 1)
    assert "byte-identical" in parts["rule"]
    assert (events[0]["selection_images"], events[0]["report_images"]) == (parts["selection"], parts["report"])
    assert meta["metrics"]["n_images"] == len(parts["report"])

    # the readers: the new keys are read past, and an older record without them reads the same
    older = {**meta, "validation_parts": {key: parts[key] for key in ("selection", "report", "rule")}}
    listed = set(meta["splits"]["validation"])
    items = [SimpleNamespace(relpath=relpath) for relpath in sorted(listed)]
    hashes = {relpath: meta["images"][relpath]["sha256"] for relpath in listed}
    for record in (meta, older):
        val_items, chose, _ = selection_first(record, listed, items)
        assert sorted(it.relpath for it in val_items[chose]) == parts["selection"]
        assert _chose_old(record, items, hashes) == (len(parts["selection"]), 0)
        assert validation_parts(record).report == parts["report"]
