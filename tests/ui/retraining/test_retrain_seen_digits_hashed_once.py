"""The Retrain dialog's count of canvases holding digits the current model has seen (`Holdout.seen_tested`,
`seen_learned`) walks a run from scratch's images and a fine-tune's (`retrain_holdout_preview._seen_fields`),
hashing each canvas its read of the folder did not hash (`model.current_model_digits.seen_canvases`). Each walk kept
its hashes to itself, so with a current model recording no image it trained on (the fine-tune's read then hashes
none) every canvas was read twice; the two walks share one dict of hashes now, and each canvas is read once."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model import bundle, current_model_digits
from petloc_gui.model.bundle import resolve_model
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for


def _parent_without_training_record(tmp_path: Path) -> Path:
    """The bundled digits model, its record of the images it trained on, validated and tested on taken out: its
    test figure still on the whole --split test of petloc digits (`digits_tested_on`)."""
    parent = tmp_path / "parent"
    shutil.copytree(resolve_model("digits"), parent)
    meta = json.loads((parent / "meta.json").read_text(encoding="utf-8"))
    meta.update(images={}, splits={"train": [], "validation": [], "test": []})
    (parent / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return parent


def test_each_canvas_is_hashed_once_for_the_scratch_and_the_fine_tune_counts(tmp_path, monkeypatch):
    folder = tmp_path / "dg"
    write_digits_dataset(folder, "test", count=6, seed=3)
    parent = _parent_without_training_record(tmp_path)
    read: Counter[str] = Counter()  # canvases hashed by the seen-digits walks, by name
    walks: list[int] = []
    real_walk, real_digest = current_model_digits.seen_canvases, bundle.file_sha256

    def walk(*args, **kwargs):
        walks.append(1)
        try:
            return real_walk(*args, **kwargs)
        finally:
            walks.pop()

    def digest(path):
        if walks:
            read[Path(path).name] += 1
        return real_digest(path)

    monkeypatch.setattr(current_model_digits, "seen_canvases", walk)
    monkeypatch.setattr(bundle, "file_sha256", digest)
    preview = holdout_preview_for(folder, parent_spec=str(parent))
    assert preview is not None
    canvases = sorted(path.name for path in folder.glob("*.png"))
    assert (preview(0.2, False).seen_tested, preview(0.2, True).seen_tested) == (6, 6)  # both counts walked
    assert sorted(read) == canvases and set(read.values()) == {1}  # read twice: once by each walk
