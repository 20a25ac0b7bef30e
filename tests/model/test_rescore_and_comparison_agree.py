"""A carried refiner's rescore (`carried_refiner.rescored_with_refiner`) and the retrain comparison
(`comparison.score_model`) give one model the same figures on the same images.

Both loaded a bundle and predicted its images the same way, written twice: the day one of the copies
changed (a runner, which failed images are left out, the object a prediction is scored against), a
retrained model's meta.json and the comparison beside it would disagree. They now share
`comparison.predictions_on` and `comparison.figures_of`; this checks what they return, not how.
"""

from __future__ import annotations

import json

import numpy as np
from PIL import Image

from petloc_gui.model.carried_refiner import rescored_with_refiner
from petloc_gui.model.comparison import score_model
from petloc_gui.model.data import Sample
from petloc_gui.model.training_data import Item

HEADLINE = ("n_images", "accuracy", "mean_iou", "iou_ge_50", "iou_ge_75")
DECOY = ("cat", (0.0, 0.0, 5.0, 5.0))  # listed first: the photo's box is scored against the best object


def _samples(folder) -> list[Sample]:
    """Four 64x48 photos for `constant_model` (it says "dog" at its known box): one listing a decoy
    first, one of a cat, one of a dog filling it, and one file that is no image (left out)."""
    folder.mkdir()
    truths = {"decoy.png": (DECOY, ("dog", (16.0, 5.0, 48.0, 29.0))), "cat.png": (("cat", (10.0, 10.0, 40.0, 40.0)),),
              "broken.png": (("dog", (0.0, 0.0, 64.0, 48.0)),), "dog.png": (("dog", (0.0, 0.0, 64.0, 48.0)),)}
    samples = []
    for name, objects in truths.items():
        path = folder / name
        if name == "broken.png":
            path.write_bytes(b"not a png")
        else:
            Image.fromarray(np.full((48, 64, 3), 90, np.uint8)).save(path)
        label, box = objects[0]
        samples.append(Sample(path, name, path.with_suffix(".xml"), box, label, objects=tuple(objects)))
    return samples


def test_the_rescore_and_the_comparison_give_one_model_the_same_figures(tmp_path, constant_bundle):
    samples = _samples(tmp_path / "photos")
    items = [Item(s, (64, 48), (0.0, 0.0, 1.0, 1.0)) for s in samples]
    meta = json.loads((constant_bundle / "meta.json").read_text())

    rescored = rescored_with_refiner(constant_bundle, {**meta, "metrics": {"split": "validation"}}, items)
    compared = score_model(constant_bundle, samples)

    assert compared["n_images"] == 3  # the file that is no image is left out by both
    assert 0 < compared["accuracy"] < 1 and 0 < compared["mean_iou"] < 1  # neither all right nor all wrong
    per_image = compared.pop("per_image")  # the comparison also keeps each image's (right, IoU) for its paired test
    assert sorted(per_image) == ["cat.png", "decoy.png", "dog.png"]
    assert {key: rescored[key] for key in HEADLINE} == compared
    # the decoy photo is scored against its dog, not its first object: both found the dog right
    assert compared["accuracy"] == 2 / 3
