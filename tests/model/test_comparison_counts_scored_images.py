"""The retrain comparison counts the validation images both models were scored on, and names the others.

An image whose header reads but whose body is truncated has no figure (`comparison.predictions_on` leaves it
out), but the comparison counted it: ``n_images`` 7 in the headline beside the new model's figures on 6, "4 of
the 7 validation images have boxes accepted unchanged ... the 3 images whose boxes a person drew", and a fair
subset, the images the current model trained on, or every image counted as if scored.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
from PIL import Image

from petloc_gui.app.model_metrics import TOO_FEW_MARK, too_few_text
from petloc_gui.core.accepted_boxes import AcceptedModels
from petloc_gui.core.paired_stats import MIN_IMAGES, TOO_FEW
from petloc_gui.model.comparison import compare_models, score_model
from petloc_gui.model.data import NONE_ACCEPTED, Sample
from petloc_gui.model.train_worker import version_figures
from petloc_gui.model.training_record import image_hashes

OTHER = "model x"
BOXES_AND_LABELS = AcceptedModels({OTHER}, {OTHER})


def _samples(folder: Path, names: list[str], accepted: dict[str, AcceptedModels] | None = None) -> list[Sample]:
    """A photo of each name with one box; those named "broken*" hold their header alone (it reads, its
    pixels do not)."""
    folder.mkdir(exist_ok=True)
    samples = []
    for i, name in enumerate(names):
        path = folder / name
        Image.fromarray(np.full((48, 64, 3), (40 * i) % 256, np.uint8)).save(path)
        if name.startswith("broken"):
            path.write_bytes(path.read_bytes()[:64])
        samples.append(Sample(path, name, path.with_suffix(".xml"), (5.0, 4.0, 40.0, 30.0), "dog",
                              accepted=(accepted or {}).get(name, NONE_ACCEPTED)))
    return samples


def _compare(folder: Path, samples: list[Sample], new: Path, old: str | None) -> dict:
    return compare_models(folder, "default", new, [s.relpath for s in samples], old_model=old, fine_tuned=False,
                          samples=samples)


def _trained_on(bundle: Path, folder: Path, samples: list[Sample], tmp_path: Path) -> str:
    """A copy of ``bundle`` (the same predictions) whose record says it trained on ``samples``."""
    current = tmp_path / "current"
    shutil.copytree(bundle, current)
    meta = json.loads((current / "meta.json").read_text())
    hashes = image_hashes({s.relpath: s.image_path for s in samples})
    meta["splits"] = {"train": [s.relpath for s in samples], "validation": [], "test": []}
    meta["images"] = {relpath: {"sha256": sha, "annotation_sha256": None} for relpath, sha in hashes.items()}
    (current / "meta.json").write_text(json.dumps(meta))
    return str(current)


def test_an_unreadable_validation_image_is_in_no_count_and_named_left_out(tmp_path, constant_bundle):
    names = ["broken.png", *(f"v{i}.png" for i in range(6))]
    samples = _samples(tmp_path / "photos", names, {f"v{i}.png": BOXES_AND_LABELS for i in range(4)})

    result = _compare(tmp_path / "photos", samples, constant_bundle, str(constant_bundle))

    assert result["new"]["n_images"] == result["old"]["n_images"] == 6  # broken.png has no figure
    assert (result["n_images"], result["n_validation"]) == (6, 6)
    assert result["images"] == [f"v{i}.png" for i in range(6)] and result["unreadable"] == ["broken.png"]
    note = result["note"]
    assert "Both models were scored on the same 6 validation images." in note
    assert ("4 of the 6 validation images have boxes accepted unchanged from model x" in note
            and "the 2 images whose boxes a person drew" in note)
    assert "1 more validation image (broken.png) could not be read, so it is left out." in note
    assert note.count("could not be read") == 1  # said once: not again by the person-drawn figures
    assert "On the 2 validation images whose boxes a person drew: " in note
    assert result["person_drawn"]["n_images"] == 2
    # the verdict and the version's figures: on the images both models were scored on
    assert result["paired"]["n_images"] == 6 and set(result["paired"]["evidence"].values()) == {TOO_FEW}
    figures = version_figures(result, {})
    assert figures["n_images"] == figures["basis"]["n_validation"] == 6
    assert figures["basis"]["relpaths"] == result["images"]


def test_the_paired_verdict_is_on_the_images_scored(tmp_path, constant_bundle):
    names = ["broken_a.png", "broken_b.png", *(f"v{i:02d}.png" for i in range(MIN_IMAGES))]
    samples = _samples(tmp_path / "photos", names)

    result = _compare(tmp_path / "photos", samples, constant_bundle, str(constant_bundle))

    assert result["paired"]["n_images"] == result["n_images"] == result["new"]["n_images"] == MIN_IMAGES
    assert TOO_FEW not in result["paired"]["evidence"].values()  # 20 scored: a verdict is given
    assert "2 more validation images (broken_a.png, broken_b.png) could not be read, so they are left out." \
        in result["note"]
    # one of them unreadable too: 19 scored, too few, though 22 were held out
    fewer = _compare(tmp_path / "photos", samples[:-1] + _samples(tmp_path / "photos", ["broken_c.png"]),
                     constant_bundle, str(constant_bundle))
    assert fewer["paired"]["n_images"] == fewer["n_images"] == MIN_IMAGES - 1
    assert set(fewer["paired"]["evidence"].values()) == {TOO_FEW}
    assert too_few_text(version_figures(fewer, {})) == TOO_FEW_MARK


def test_the_fair_part_counts_only_the_images_scored(tmp_path, constant_bundle):
    folder = tmp_path / "photos"
    samples = _samples(folder, ["broken.png", "seen.png", "v0.png", "v1.png"])
    old = _trained_on(constant_bundle, folder, samples[1:2], tmp_path)

    result = _compare(folder, samples, constant_bundle, old)

    assert (result["n_images"], result["n_validation"], result["old_trained_on"]) == (2, 3, 1)
    assert result["new"]["n_images"] == result["old"]["n_images"] == 2
    assert result["all"]["n_images"] == result["all"]["new"]["n_images"] == 3
    assert result["images"] == ["v0.png", "v1.png"]
    assert ("Both models were scored on the 2 of the 3 validation images that neither trained on; the other 1 "
            "was in the current model's training data") in result["note"]
    assert "1 more validation image (broken.png) could not be read, so it is left out." in result["note"]


def test_an_unreadable_image_the_current_model_trained_on_is_not_counted_among_them(tmp_path, constant_bundle):
    folder = tmp_path / "photos"
    samples = _samples(folder, ["broken.png", "v0.png", "v1.png"])
    old = _trained_on(constant_bundle, folder, samples[:1], tmp_path)

    result = _compare(folder, samples, constant_bundle, old)

    # no image scored was in its training data: a fair comparison on both, with no figures "on all" apart
    assert (result["n_images"], result["old_trained_on"]) == (2, 0) and "all" not in result
    assert result["note"].startswith("A fair comparison: both models were scored on the same 2 validation images")


def test_when_every_fair_image_is_unreadable_the_figures_are_on_those_scored(tmp_path, constant_bundle):
    folder = tmp_path / "photos"
    samples = _samples(folder, ["broken.png", "seen.png"])
    old = _trained_on(constant_bundle, folder, samples[1:], tmp_path)

    result = _compare(folder, samples, constant_bundle, old)

    assert result["n_images"] == result["new"]["n_images"] == result["old"]["n_images"] == 1  # not 0
    assert result["note"].startswith("The validation image was in the current model's training data")
    assert "all" not in result


def test_no_figures_when_no_validation_image_can_be_read(tmp_path, constant_bundle):
    samples = _samples(tmp_path / "photos", ["broken_a.png", "broken_b.png"])
    assert score_model(constant_bundle, samples)["n_images"] == 0

    result = _compare(tmp_path / "photos", samples, constant_bundle, str(constant_bundle))

    assert result["new"] is None and result["old"] is None and result["paired"] is None
    assert (result["n_images"], result["n_validation"]) == (0, 0)
    assert result["note"] == ("None of the 2 validation images (broken_a.png, broken_b.png) could be read: the "
                              "models could not be compared.")
    alone = _compare(tmp_path / "photos", samples[:1], constant_bundle, None)
    assert alone["note"] == "The 1 validation image (broken_a.png) could not be read: the models could not be compared."
