"""A flat folder (labelImg's images and XML side by side) holding byte copies of some of the bundled pets model's
test photos, its meta.json naming them "images/Abyssinian_13.jpg": the window's model label said its test figures
were 'measured on test images held out of its training folder "data", not this one' while the Retrain dialog in the
same window said "5 annotated images are the current model's test images". The window finds them by their bytes as
the dialog does (`model.held_out_here`), so the two agree: 6 of the 48 are here, 5 of them annotated."""

from __future__ import annotations

import shutil
from pathlib import Path

from petloc_gui.app.model_metrics import split_of_meta
from petloc_gui.app.trained_here_said import cautions
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.trained_here import TrainedHere, check_trained_here
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from petloc_gui.ui.training.retrain_summary import held_out_summary

PETS = Path(__file__).resolve().parents[2] / "resources" / "models" / "pets"
TESTED = ["Abyssinian_13", "Abyssinian_106", "Abyssinian_114", "Abyssinian_121", "american_bulldog_104",
          "Bengal_150"]  # test photos of the model (the last one copied without its annotation)
TRAINED = ["Abyssinian_10", "Abyssinian_102", "Abyssinian_103", "Bengal_10", "Bengal_101", "Bengal_102",
           "american_bulldog_10", "american_bulldog_100", "american_bulldog_101", "american_bulldog_102"]


def _flat(oxford_dir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "pets"
    root.mkdir()
    for stem in TESTED + TRAINED:
        shutil.copy(oxford_dir / "images" / f"{stem}.jpg", root / f"{stem}.jpg")
        if stem != "Bengal_150":
            shutil.copy(oxford_dir / "annotations" / "xmls" / f"{stem}.xml", root / f"{stem}.xml")
    return root


def test_the_window_and_the_retrain_dialog_find_the_same_test_photos(oxford_dir, tmp_path):
    meta = read_meta(PETS)
    assert {f"images/{stem}.jpg" for stem in TESTED} <= set(meta["splits"]["test"])
    root = _flat(oxford_dir, tmp_path)
    split = split_of_meta(meta)
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.jpg"))]
    answer = list(check_trained_here(PETS, root, images, {}, split))[-1]
    assert isinstance(answer, TrainedHere) and split == "test"
    assert (answer.count, answer.measured, answer.measured_found) == (len(TRAINED), 48, len(TESTED))
    said = [caution.long for caution in cautions(answer, split)]
    assert said[1] == 'measured on test images held out of its training folder "data": 6 of the 48 test images are here'
    # (the copy without its annotation: no boxes here to re-score it on, and none changed, so never "re-boxed")
    assert (answer.reboxed, answer.measured_unannotated) == (0, 1)
    assert said[0] == ("1 of the 6 test images they were measured on has no annotation here: the figures cannot be "
                       "re-scored on it here")

    preview = holdout_preview_for(root, parent_spec="pets")
    assert preview is not None
    held = preview(0.2, True)
    assert held.parent_test == len(TESTED) - 1  # the annotated ones: the dialog speaks of the annotations it keeps
    assert ("5 annotated images are the current model's test images: fine-tuning never trains on them"
            in held_out_summary(held, True, False))
