"""The Retrain dialog's preview of a fine-tune walks the current model's parents from its folder, as the run
does (`petloc train --init-from <folder>`).

Before, the preview read the folder with the model's meta.json alone: for a current model outside the
store (runs/V1, with its parent runs/V0 beside it) V0 was "not found", so the images V0 trained on could
be in the preview's validation list and not in the run's.
"""

from __future__ import annotations

import hashlib

from petloc_gui.model.bundle import read_meta
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.fine_tune_split import fine_tune_split as _fine_tune_split
from tests.model_files import write_meta


def test_the_preview_finds_the_parent_written_beside_the_current_model(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "data"
    write_digits_dataset(data, "test", count=6, seed=0)
    image = sorted(p for p in data.iterdir() if p.suffix.lower() in (".png", ".jpg"))[0]
    digest = hashlib.sha256(image.read_bytes()).hexdigest()
    bundled = read_meta("digits")  # a valid meta.json: the class names of the digits preset
    base = {key: bundled[key] for key in ("format_version", "preset", "class_names") if key in bundled}
    runs = tmp_path / "runs"
    write_meta(runs / "V0", {**base, "version_id": "V0", "parent": None, "parent_version_id": None,
                         "splits": {"train": ["elsewhere.png"], "validation": [], "test": []},
                         "images": {"elsewhere.png": {"sha256": digest}}})
    write_meta(runs / "V1", {**base, "version_id": "V1", "parent": "V0", "parent_version_id": "V0",
                         "splits": {"train": ["other.png"], "validation": [], "test": []},
                         "images": {"other.png": {"sha256": "0" * 64}}})
    tuned, _, _ = _fine_tune_split(data, "default", str(runs / "V1"))
    assert isinstance(tuned, TrainingData)
    assert tuned.lineage_incomplete == ""  # V0 found beside V1: the run's own walk
    # the image V0 trained on (by its bytes, under another name) never validates, in the preview as in the run
    assert str(image.relative_to(data)) in tuned.train_only
