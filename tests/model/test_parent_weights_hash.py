"""A fine-tune's meta.json names its parent by the bytes of its weights too (``parent_model_sha256``): "digits" or
a version id alone cannot tell which model it was once a store is copied or a bundled model rebuilt (hunt_rt 4)."""

from __future__ import annotations

import pytest

from petloc_gui.model.bundle import MODEL_FILE, file_sha256, read_meta, resolve_model
from petloc_gui.model.training import TrainConfig, train

pytestmark = pytest.mark.slow


def test_a_fine_tune_records_the_sha256_of_its_parent_s_model_file(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "data"
    write_digits_dataset(folder, "train", count=12, seed=0)
    child = train(folder, TrainConfig(preset="digits", epochs=1, batch_size=8, init_from="digits",
                                      out_dir=str(tmp_path / "child")))
    meta = read_meta(child)
    assert meta["parent"] == "digits"
    assert meta["parent_model_sha256"] == file_sha256(resolve_model("digits") / MODEL_FILE)
