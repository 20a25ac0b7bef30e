"""When the current model cannot be scored, the comparison still says what the new model's figures rest on.

It returned before it worked out the images and the hedges: the version kept in the window read "(of 20)"
with no description and lost the notes about the new model (its carried refiner, digits it learned), and
an exception with no message read "()".
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.app.model_metrics import metrics_text
from petloc_gui.model import comparison
from petloc_gui.model.train_worker import version_figures

from .test_comparison_record import _current_and_fresh


@pytest.fixture
def old_fails(monkeypatch):
    """The new model scores; the current one (any other spec) raises an exception with no message."""

    def score(spec, chosen, subset=None, renamed=None):
        if not str(spec).endswith("nb"):
            raise RuntimeError()
        figures = {"accuracy": 0.5, "mean_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.5}
        out = {"n_images": len(chosen), **figures}
        return {**out, "subset": {"n_images": len(subset), **figures}} if subset else out

    monkeypatch.setattr(comparison, "score_model", score)


def test_the_new_models_basis_and_hedges_survive_a_current_model_that_cannot_be_scored(tmp_path, old_fails):
    # copy.jpg: the bytes of an image the current model trained on
    data, images, parent, meta = _current_and_fresh(tmp_path, "data", copy=True)
    *fresh, copy = images
    meta["validation_parts"] = {"selection": ["v0.jpg"], "report": []}  # a note on the current model alone
    (parent / "meta.json").write_text(json.dumps(meta))
    new_bundle = tmp_path / "nb"
    new_bundle.mkdir()
    carried = {"model_file": "refine.keras", "selection": {"part": "all validation", "images": ["v1.jpg"]}}
    (new_bundle / "meta.json").write_text(json.dumps({"refine": carried}))

    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in [*fresh, copy]],
                                       old_model=str(parent), fine_tuned=True)

    assert result["old"] is None and result["new"]["n_images"] == 4
    assert result["note"].startswith("The current model could not be scored on these images (RuntimeError). ")
    assert result["basis"] == "images neither model trained on"
    assert result["images"] == ["v0.jpg", "v1.jpg", "v2.jpg", "v3.jpg"]
    assert len(result["new_hedges"]) == 1 and result["new_hedges"][0].startswith(
        "1 of them chose the new model's second stage's epoch and variant")
    assert result["new_hedges"][0] in result["note"] and "current model's epoch" not in result["note"]
    assert metrics_text(version_figures(result, {}), "validation") == (
        "acc 0.500 · IoU 0.500 on 4 validation images (of 5, images neither model trained on; "
        "somewhat optimistic: 1 note says so, as recorded when the version was kept; too few images to tell models "
        "apart)")

