"""The retrain comparison's figures on the images whose boxes a person drew count the images they are on.

An image whose header reads but whose body does not is left out of the figures (`comparison.predictions_on`),
but ``person_drawn`` counted it, and the note said "On the 2 validation images whose boxes a person drew"
of figures on 1.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from petloc_gui.core.accepted_boxes import AcceptedModels
from petloc_gui.model.comparison import score_model
from petloc_gui.model.comparison_accepted import accepted_in, add_person_figures
from petloc_gui.model.data import NONE_ACCEPTED, Sample

OTHER = "model x"


def _samples(folder: Path) -> list[Sample]:
    """A person's box on a readable photo and on a truncated one; a model's box and label, relabelled by a
    person, and a model's box and label."""
    folder.mkdir()
    photos = {"drawn.png": NONE_ACCEPTED, "broken.png": NONE_ACCEPTED, "relabelled.png": AcceptedModels({OTHER}),
              "kept.png": AcceptedModels({OTHER}, {OTHER})}
    samples = []
    for i, (name, accepted) in enumerate(photos.items()):
        path = folder / name
        Image.fromarray(np.full((48, 64, 3), 60 * i, np.uint8)).save(path)
        samples.append(Sample(path, name, path.with_suffix(".xml"), (5.0, 4.0, 40.0, 30.0), "dog", accepted=accepted))
    (folder / "broken.png").write_bytes((folder / "broken.png").read_bytes()[:64])  # its header alone
    return samples


def test_an_unreadable_person_drawn_image_is_not_counted(tmp_path, constant_bundle):
    samples = _samples(tmp_path / "photos")
    found = accepted_in(samples, None, None)
    result: dict = {"note": ""}

    add_person_figures(result, found, constant_bundle, str(constant_bundle))

    person = result["person_drawn"]
    readable = [s for s in samples if s.relpath != "broken.png"]
    assert score_model(constant_bundle, samples)["n_images"] == len(readable)  # broken.png: no figure
    assert (person["n_images"], person["n_labelled"]) == (1, 2)  # drawn.png; and relabelled.png
    drawn = score_model(constant_bundle, [s for s in readable if s.relpath == "drawn.png"])
    assert person["new"]["mean_iou"] == person["old"]["mean_iou"] == drawn["mean_iou"]
    # the note (`accepted_in`'s hedge) counted broken.png among the person's images: said why these are fewer
    assert result["note"].startswith("On the 1 validation image whose boxes a person drew (accuracy: on the 2 whose "
                                     "labels a person gave) (1 more could not be read, so it is left out): ")


def test_no_person_figures_when_none_of_the_persons_images_can_be_read(tmp_path, constant_bundle):
    samples = [s for s in _samples(tmp_path / "photos") if s.relpath in ("broken.png", "kept.png")]
    result: dict = {"note": "Before."}

    add_person_figures(result, accepted_in(samples, None, None), constant_bundle, None)

    assert result["accepted_boxes"]["n_images"] == 1
    assert result["person_drawn"] is None and result["note"] == "Before."
