"""The retrain comparison after a class was renamed (ADR 0011): dog renamed hound in the folder.

Told of the rename (the new model's meta.json ``renamed_from_parent``), the current model's "dog" counts
as "hound": the same class, a fair comparison. Not told, the current model cannot know hound, and the
note says so: before, the window called the new model "better" without a word of it.
"""

from __future__ import annotations

import pytest

from petloc_gui.model.bundle_write import save_bundle
from petloc_gui.model.comparison import compare_models

from .conftest import bundle_meta, constant_model
from .test_comparison_record import _annotate, _image

pytestmark = pytest.mark.slow


@pytest.fixture
def renamed_folder(tmp_path):
    """Three photos boxed "hound", and the current model (cat/dog: it always says dog)."""
    data = tmp_path / "data"
    data.mkdir()
    for i in range(3):
        _annotate(_image(data / f"h{i}.jpg", i), "hound")
    current = save_bundle(constant_model(), bundle_meta(class_names=("cat", "dog")), tmp_path / "current")
    return data, current


def _compare(tmp_path, data, current, new_meta):
    new = save_bundle(constant_model(n_classes=len(new_meta["class_names"])), new_meta, tmp_path / "new")
    return compare_models(data, "default", new, ["h0.jpg", "h1.jpg", "h2.jpg"], old_model=str(current),
                          fine_tuned=True)


def test_the_current_models_old_name_counts_as_the_new_one(tmp_path, renamed_folder):
    data, current = renamed_folder
    meta = {**bundle_meta(class_names=("cat", "hound")), "renamed_from_parent": {"hound": "dog"}}
    result = _compare(tmp_path, data, current, meta)
    assert result["old"]["accuracy"] == 1.0 and result["new"]["accuracy"] == 1.0  # dog is hound now
    assert "The current model's predictions of dog count as hound (the class was renamed since)." in result["note"]
    assert "cannot know" not in result["note"]


def test_a_class_the_current_model_cannot_know_is_said(tmp_path, renamed_folder):
    data, current = renamed_folder
    result = _compare(tmp_path, data, current, bundle_meta(class_names=("cat", "dog", "hound")))
    assert result["old"]["accuracy"] == 0.0 and result["new"]["accuracy"] == 0.0  # both say dog
    hedge = ("The current model cannot know hound: it has no such class, so the 3 hound images count as wrong "
             "for it, and its boxes on them score IoU 0, however well they fit (the accuracy, mean IoU and IoU ≥ "
             "0.5 are tilted in the new model's favour).")
    assert hedge in result["note"] and hedge in result["hedges"] and hedge not in result["new_hedges"]
