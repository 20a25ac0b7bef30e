"""The comparison after a run scores both models on the boxes the run read (`training.TrainedRun.validation`),
those its own figures (meta.json metrics) are on: a box corrected in the window meanwhile is the user's, for
the next run, and is said, not scored (hunt_rt 7: the same model had two figures on the same images)."""

from __future__ import annotations

import pytest

from petloc_gui.model import comparison
from petloc_gui.model.data import collect_samples

from .test_comparison_record import VOC, _image
from .test_comparison_since_run import _run


@pytest.fixture
def scored_boxes(monkeypatch):
    """The scoring stood in for (0.5 everywhere, as `scored`), recording each sample's ground truth."""
    seen: dict[str, tuple] = {}

    def score(spec, chosen, subset=None, renamed=None):
        seen.update({s.relpath: s.ground_truth for s in chosen})
        figures = {"n_images": len(chosen), "accuracy": 0.5, "mean_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.5}
        return {**figures, "subset": dict(figures)} if subset else figures

    monkeypatch.setattr(comparison, "score_model", score)
    return seen


def _compare(data, images, bundle, samples):
    return comparison.compare_models(data, "default", bundle, [p.name for p in images], old_model=None,
                                     fine_tuned=False, samples=samples)


def test_a_box_corrected_after_the_run_read_it_is_said_and_not_scored(tmp_path, scored_boxes):
    data, images, bundle = _run(tmp_path)
    read = collect_samples(data, "default")[0]  # what the run read at its start
    images[1].with_suffix(".xml").write_text(VOC.format(name=images[1].name, label="dog"))  # corrected since
    result = _compare(data, images, bundle, read)
    assert scored_boxes["v1.jpg"][0][0] == "cat"  # the run's box, not the one saved since
    assert result["changed_since_run"] == ["v1.jpg"] and result["left_out_since_run"] == []
    assert ("The annotation of 1 of these images (v1.jpg) changed after the training run read it: both models are "
            "scored on the boxes the run read, as its own figures (meta.json metrics) are, so the change is not "
            "in these figures") in result["note"]
    assert result["new"]["n_images"] == 4


def test_an_annotation_deleted_since_still_scores_on_the_run_s_box(tmp_path, scored_boxes):
    data, images, bundle = _run(tmp_path)
    read = collect_samples(data, "default")[0]
    images[3].with_suffix(".xml").unlink()
    result = _compare(data, images, bundle, read)
    assert result["changed_since_run"] == ["v3.jpg"] and result["left_out_since_run"] == []
    assert set(scored_boxes) == {"v0.jpg", "v1.jpg", "v2.jpg", "v3.jpg"}


def test_a_photo_replaced_or_removed_since_is_left_out_the_run_s_boxes_may_not_fit_it(tmp_path, scored_boxes):
    data, images, bundle = _run(tmp_path)
    read = collect_samples(data, "default")[0]
    _image(images[2], 7)  # other bytes under the same name
    images[0].unlink()
    result = _compare(data, images, bundle, read)
    assert result["left_out_since_run"] == ["v0.jpg", "v2.jpg"] and result["new"]["n_images"] == 2
    assert set(scored_boxes) == {"v1.jpg", "v3.jpg"}
    assert ("2 validation images of the run (v0.jpg, v2.jpg) are left out: their files were removed or "
            "replaced since the run read them, and the boxes it read may not fit another photo.") in result["note"]
