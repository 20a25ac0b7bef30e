"""`petloc evaluate`'s count of canvases of MNIST digits the model learned (n_learned_digits) and the Retrain
dialog's (the current model's seen digits, `Holdout.seen_learned`) each walked the canvases their own way, one
matching rule between them: one walk now serves both (`model.current_model_digits.seen_canvases`). Here both
callers count the same folder (canvases of learned digits, of digits the model never learned, of digits it was
tested on, and an image that is no canvas) and must give the same answer, so they cannot drift apart again."""

from __future__ import annotations

import json

import pytest

from petloc_gui.core.digits import SPLIT_DESCRIPTION, write_digits_dataset
from petloc_gui.core.digits_record import RECORD_NAME
from petloc_gui.ui.training.retrain_support import holdout_preview_for
from tests.cli.helpers import bundle_with_meta, last_json, run_cli, write_annotated


def _folder(tmp_path):
    """6 canvases of --split train digits, 2 of --split test digits, and a photo that is no canvas."""
    folder = tmp_path / "mixed"
    write_digits_dataset(folder, "train", count=6, seed=3)
    write_digits_dataset(folder, "test", count=2, seed=3)
    write_annotated(folder, "photo", 40, 30, [("cat", (5, 5, 20, 20))])
    return folder


def _train_indices(folder):
    record = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))["images"]
    return sorted(entry["mnist_index"] for entry in record.values() if entry["split"] == "train")


def _model(tiny_bundle, tmp_path, folder, which):
    """A model trained elsewhere (no image of the folder by its bytes) that learned: ``half`` the folder's train
    digits; ``whole`` the whole train split; ``tested``: it and its test figure by the digits split rule (the
    bundled digits model's reading: every train digit learned, every test digit tested on)."""
    learned = {"half": {"mnist_digits": {"train": _train_indices(folder)[::2]}},
               "whole": {"mnist_digits": {"train": "all"}}, "tested": {}}[which]
    extra = {"test_split": {"split_rule": SPLIT_DESCRIPTION}} if which == "tested" else {}
    return bundle_with_meta(tiny_bundle, tmp_path / which, training_data=learned,
                            splits={"train": ["elsewhere/a.png"], "validation": [], "test": []},
                            images={"elsewhere/a.png": {"sha256": "0" * 64}}, **extra)


@pytest.mark.parametrize(("which", "learned", "tested"), [("half", 3, 0), ("whole", 6, 0), ("tested", 6, 2)])
def test_evaluate_and_the_retrain_dialog_count_one_folder_alike(tiny_bundle, tmp_path, capsys, which, learned,
                                                                tested):
    folder = _folder(tmp_path)
    model = _model(tiny_bundle, tmp_path, folder, which)

    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    holdout = holdout_preview_for(folder, parent_spec=str(model))(0.2, False)

    assert report["n_images"] == holdout.seen_of == 9  # both look at every canvas and the photo
    # the one count: the canvases of digits it learned (a digit it was tested on is the dialog's other count)
    assert report["n_learned_digits"] == holdout.seen_learned == learned
    assert holdout.seen_tested == tested
    # ... said in the same words ("learned", or "learned, or chose its epoch with," of a whole split)
    assert f"the model {holdout.seen_learned_words} on other canvases" in report["trained_on_record"]
    assert report["n_digits_unknown"] == 0
