"""`petloc export` of a two-stage bundle says the export is the first stage, with that stage's own
recorded figures beside the model's (the served boxes are clearly worse than `petloc models` shows)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.cli.helpers import run_cli

FIRST = {"accuracy": 0.95, "mean_iou": 0.7342, "n_images": 20, "split": "validation (report part: did not choose "
         "the epoch)"}
BOTH = {"accuracy": 1.0, "mean_iou": 0.8194, "n_images": 48, "split": "pets test holdout: 48 boxed photos"}


def two_stage(tiny_bundle, folder, first=FIRST):
    """The tiny bundle with itself as a second stage (meta.json refine) and the figures of both records."""
    bundle = shutil.copytree(tiny_bundle, folder)
    shutil.copy(bundle / "model.keras", bundle / "refine.keras")
    meta = json.loads((bundle / "meta.json").read_text())
    meta.update(refine={"model_file": "refine.keras", "input_size": [32, 32], "margin": 1.8}, metrics=BOTH)
    if first is not None:
        meta["first_stage_validation_metrics"] = first
    (bundle / "meta.json").write_text(json.dumps(meta))
    return bundle


@pytest.mark.slow
def test_a_two_stage_export_gives_the_first_stages_own_figures_beside_the_models(tiny_bundle, tmp_path, capsys):
    bundle = two_stage(tiny_bundle, tmp_path / "cascade")
    code, out, err = run_cli(capsys, "export", bundle, "--saved-model", tmp_path / "sm")
    assert code == 0, err
    note = [line for line in err.splitlines() if "two stages" in line]
    assert len(note) == 1, err
    assert "the first stage's, not those `petloc predict` gives" in note[0]
    assert ("The first stage alone: acc 0.950 · IoU 0.734 on 20 validation images (meta.json "
            "first_stage_validation_metrics, validation (report part: did not choose the epoch))") in note[0]
    assert "both stages, as `petloc predict` runs them: acc 1.000 · IoU 0.819 on 48 test images" in note[0]
    assert "(meta.json metrics, pets test holdout: 48 boxed photos). Measured on different images" in note[0]
    assert out.split() == [str(tmp_path / "sm")]

    # kept from a run killed before its TFLite step: said too; a one-stage model gets no note
    code, _, err = run_cli(capsys, "export", bundle, "--saved-model", tmp_path / "sm")
    assert code == 0 and "kept SavedModel" in err and "two stages" in err
    code, _, err = run_cli(capsys, "export", tiny_bundle, "--saved-model", tmp_path / "one")
    assert code == 0 and "two stages" not in err


def test_a_two_stage_bundle_without_first_stage_figures_says_so(tiny_bundle, tmp_path, capsys):
    bundle = two_stage(tiny_bundle, tmp_path / "cascade", first=None)
    code, _, err = run_cli(capsys, "export", bundle, "--saved-model", tmp_path / "sm")
    assert code == 0, err
    assert "meta.json records no figures of the first stage alone" in err


# A pets model fine-tuned from pets keeps its refiner (model.carried_refiner): its first-stage figures are on
# the run's report part, and the whole model's were scored again through both stages on those same images
# (every one of them chose the carried refiner, so none is left out: "selection set (first stage + refiner...").
REPORT = ["images/a.jpg", "images/b.jpg", "images/c.jpg"]
FIRST_ON_REPORT = {"accuracy": 1.0, "mean_iou": 0.747, "n_images": 3,
                   "split": "validation (report part: did not choose the epoch)"}
BOTH_ON_REPORT = {"accuracy": 1.0, "mean_iou": 0.892, "n_images": 3,
                  "split": "selection set (first stage + refiner: these images chose the refiner's epoch and variant, "
                           "on the model it was fine-tuned from)"}


def fine_tuned(tiny_bundle, folder):
    """`two_stage` as `petloc train --init-from pets` writes it: both records on the three report images."""
    bundle = two_stage(tiny_bundle, folder, first=FIRST_ON_REPORT)
    meta = json.loads((bundle / "meta.json").read_text())
    meta["metrics"] = BOTH_ON_REPORT
    meta["validation_parts"] = {"report": REPORT, "selection": ["images/d.jpg"]}
    meta["validation_split"] = {"images": [*REPORT, "images/d.jpg"]}
    meta["refine"]["selection"] = {"part": "every validation photo of its first stage",
                                   "images": [*REPORT, "images/d.jpg", "images/e.jpg"]}
    meta["refine"]["carried_from"] = "pets"
    (bundle / "meta.json").write_text(json.dumps(meta))
    return bundle


def test_figures_on_the_same_images_are_said_to_be_so(tiny_bundle, tmp_path, capsys):
    bundle = fine_tuned(tiny_bundle, tmp_path / "fine-tuned")
    code, _, err = run_cli(capsys, "export", bundle, "--saved-model", tmp_path / "sm")
    assert code == 0, err
    note = " ".join(err.split())
    assert "two stages" in note and "other images" not in note and "different images" not in note
    assert "Both measured on the same 3 images." in note
    # the whole model's split as meta.json names it, not reduced to "validation"
    assert ("both stages, as `petloc predict` runs them: acc 1.000 · IoU 0.892 on 3 selection-set images (too few "
            "images to tell models apart) (meta.json metrics, selection set (first stage + refiner: these images "
            "chose the refiner's epoch and variant, on the model it was fine-tuned from))") in note
