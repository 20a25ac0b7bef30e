"""A fine-tune's meta.json as `petloc train --init-from` records it, written without training: its splits and
validation parts from `TrainingData.collect` (the run's own rule), its parent named. For the tests of what is said
of the images a model read (trained on, chose its epoch with) and those it did not (its report part)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from petloc_gui.model.training_data import TrainingData


def fine_tune_meta(folder: Path, parent: str | None, version_id: str,
                   parent_meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """The meta.json of a fine-tune of ``parent`` (its meta.json: ``parent_meta``) on ``folder``."""
    data = TrainingData.collect(folder, "default", [], 0.5, 0, parent_meta=parent_meta)
    selection, report = data.validation_parts()
    return {"format_version": 1, "preset": "digits", "class_names": data.class_names, "input_size": [75, 75],
            "version_id": version_id, "parent": parent, "parent_version_id": parent,
            "images": data.images_record(), "splits": data.splits_record(), "training_data": data.summary_record(0),
            "validation_parts": {"selection": sorted(it.relpath for it in selection),
                                 "report": sorted(it.relpath for it in report)}}


def store_version(meta: dict[str, Any]) -> Path:
    """``meta`` saved as a version in the model store (the test's own user data folder); its folder."""
    from petloc_gui.model.versions import VersionStore

    folder = VersionStore().root / "digits" / str(meta["version_id"])
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder
