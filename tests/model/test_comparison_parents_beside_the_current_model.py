"""The retrain comparison (run in the training child) follows the current model's parents from its folder.

The window's model in use can be a bundle outside the store (runs/W, opened as a folder) fine-tuned from
runs/V0 written beside it by `petloc train --out runs`. Before, the comparison walked W's chain from its
meta.json alone: V0 was "not found", its training images were not recognised among the validation images,
and both models were scored on them as images "neither is known to have trained on" (old_trained_on 0).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from petloc_gui.model import comparison
from tests.model.test_comparison_record import _annotate, _image, scored  # noqa: F401 - the fixture, by name

V0, W = "digits-20260101T000000Z-ccccc0", "digits-20260101T000001Z-ccccc1"



def _bundle(folder: Path, version: str, parent: str | None, train: list[Path]) -> Path:
    """A bundle whose meta.json records ``train`` (by name and bytes) as its training images."""
    folder.mkdir(parents=True)
    meta = {"version_id": version, "preset": "pets", "class_names": ["cat"], "parent": parent,
            "parent_version_id": parent,
            "splits": {"train": [p.name for p in train], "validation": [], "test": []},
            "images": {p.name: {"sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in train}}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


@pytest.mark.usefixtures("scored")  # stand-in scores: what is counted here is the lookup, not the figures
def test_the_images_a_parent_beside_the_current_model_trained_on_are_not_called_fresh(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    images = [_image(data / f"v{i}.jpg", 100 + i) for i in range(5)]
    for image in images:
        _annotate(image)
    _bundle(tmp_path / "runs" / V0, V0, None, images[:4])  # V0 trained on four of them
    current = _bundle(tmp_path / "runs" / W, W, V0, [])  # W, fine-tuned from V0, on none of them
    result = comparison.compare_models(data, "default", tmp_path / "nb", [p.name for p in images],
                                       old_model=str(current), fine_tuned=True)
    assert result["old_trained_on"] == 4 and result["n_images"] == 1
    assert "not found" not in result["note"] and "incomplete" not in result["note"]
