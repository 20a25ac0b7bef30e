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
