"""A fine-tune's learned-digits record (meta.json ``metrics_learned_digits``, `model.training_digits`) is on the
digits its parent's line learned as the run collected them, the ones meta.json ``training_data.mnist_digits``
records.

Before, the record walked the parent's chain a second time at the end of the run: an ancestor whose meta.json
changed while the run trained (here V0, rewritten once the run has started) gave the record other digits than
the run trained on, and a fine-tune validated on canvases of the digits it inherited said nothing of them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.model.bundle import read_meta
from petloc_gui.model.training import TrainConfig, train

pytestmark = pytest.mark.slow

V0, V1 = "digits-20260101T000000Z-bbbbb0", "digits-20260101T000001Z-bbbbb1"
PARENT_SAID = ("hold MNIST digits that the model it was fine-tuned from, or one that model descends from, learned, "
               "or chose its epoch with, on other canvases (the digits of petloc digits --split train), so these "
               "figures on them are optimistic.")


def _bundle(runs: Path, version: str, parent: str | None, test_split: object) -> Path:
    """runs/<version>: a copy of the bundled digits model, fine-tuned from ``parent`` (None: from nothing), whose
    meta.json ``test_split`` is ``test_split`` (the bundled model's tells the digits it learned) and which
    records no learned digits (trained before that record)."""
    from petloc_gui.model.bundle import resolve_model

    bundle = runs / version
    shutil.copytree(resolve_model("digits"), bundle)
    _rewrite(bundle, version=version, parent=parent, parent_version_id=parent, test_split=test_split)
    return bundle


def _rewrite(bundle: Path, **changes: object) -> None:
    path = bundle / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.update(changes)
    meta["version_id"] = bundle.name
    path.write_text(json.dumps(meta), encoding="utf-8")


def test_the_record_is_on_the_digits_the_run_collected_though_an_ancestor_changed_since(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    runs = tmp_path / "runs"
    bundled_split = read_meta("digits")["test_split"]  # its split rule: it learned the train digits
    v0 = _bundle(runs, V0, None, bundled_split)
    v1 = _bundle(runs, V1, V0, None)  # learned V0's digits, and says so nowhere but by its parent
    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=20, seed=0)  # each digit once: the run's own are on no other canvas

    def on_event(event: dict) -> None:
        if event["event"] == "start":  # the parent's line has been collected: V0 now tells no digit
            _rewrite(v0, test_split=None)

    config = TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=0.5, init_from=str(v1),
                         out_dir=str(tmp_path / "child"))
    meta = read_meta(train(data, config, on_event=on_event))
    assert read_meta(v0)["test_split"] is None  # (rewritten during the run)
    assert meta["training_data"]["mnist_digits"] == {"train": "all"}  # what the run trained on: V0's digits
    n = meta["metrics"]["n_images"]
    assert n > 1 and meta["metrics_learned_digits"] == {"n_scored": n, "parent": n, "own": 0, "untold": 0,
                                                    "hedges": [f"{n} of these {n} images {PARENT_SAID}"]}
