"""The retrain comparison records both models image by image on the images its figures are on (the
window's verdict rests on it: `core.paired_stats`), and keeps the per-image results out of the figures
a version stores."""

from __future__ import annotations

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.paired_stats import MIN_IMAGES, WORSE
from petloc_gui.model import comparison


def test_the_comparison_pairs_the_two_models_image_by_image(tmp_path, constant_bundle):
    # the bundled digits model against one that always says "dog" with one fixed box, on held-out digits
    folder = tmp_path / "digits"
    images = write_digits_dataset(folder, "test", count=MIN_IMAGES + 5, seed=1)
    relpaths = sorted(p.name for p in images)
    result = comparison.compare_models(folder, "default", constant_bundle, relpaths, old_model="digits",
                                       fine_tuned=False)
    paired = result["paired"]
    assert paired["n_images"] == result["n_images"] == len(relpaths)
    right = round(result["old"]["accuracy"] * len(relpaths))
    assert paired["class"]["old_only"] == right and paired["class"]["new_only"] == 0
    assert paired["iou"]["higher"] + paired["iou"]["lower"] + paired["iou"]["same"] == len(relpaths)
    assert paired["evidence"]["accuracy"] == WORSE
    assert "per_image" not in result["new"] and "per_image" not in result["old"]  # a version's figures


def test_no_paired_record_without_the_current_model_s_figures(tmp_path, constant_bundle):
    folder = tmp_path / "digits"
    images = write_digits_dataset(folder, "test", count=3, seed=1)
    result = comparison.compare_models(folder, "default", constant_bundle, [p.name for p in images],
                                       old_model=None, fine_tuned=False)
    assert result["paired"] is None and result["new"]["n_images"] == 3
