"""`petloc evaluate`'s count of canvases of MNIST digits the model learned (n_learned_digits) and the Retrain
dialog's (the current model's seen digits, `Holdout.seen_learned`) each walked the canvases their own way, one
matching rule between them: one walk now serves both (`model.current_model_digits.seen_canvases`). Here both
callers count the same folder (canvases of learned digits, of digits the model never learned, of digits it was
tested on, and an image that is no canvas) and must give the same answer, so they cannot drift apart again.

The dialog's walk also read a canvas's digit by its name alone when its read of the folder had hashed no image
(a current model recording no image it trained on, validated or was tested on), where `petloc evaluate` and the
run itself (`petloc train`'s meta.json mnist_digits) read it by its bytes: a canvas of a learned digit copied
under another name was counted by evaluate and not by the dialog, one replaced by another canvas's picture by the
dialog and not by evaluate. The one walk hashes what is not hashed yet: both read bytes now."""

from __future__ import annotations

import json
import shutil

import pytest

from petloc_gui.core.digits import SPLIT_DESCRIPTION, write_digits_dataset
from petloc_gui.core.digits_record import RECORD_NAME
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
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


def _bare_model(tiny_bundle, tmp_path, folder):
    """The ``half`` model recording no image it trained on: the dialog's fine-tune read then hashes no image."""
    return bundle_with_meta(tiny_bundle, tmp_path / "bare", splits={"train": [], "validation": [], "test": []},
                            images={}, training_data={"mnist_digits": {"train": _train_indices(folder)[::2]}})


def _half_model(tiny_bundle, tmp_path, folder, bare):
    return _bare_model(tiny_bundle, tmp_path, folder) if bare else _model(tiny_bundle, tmp_path, folder, "half")


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


def _learned_canvases(folder):
    """The folder's canvases of the train digits the ``half`` model learned, and of those it did not."""
    record = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))["images"]
    learned = set(_train_indices(folder)[::2])
    train = sorted(name for name, entry in record.items() if entry["split"] == "train")
    return ([folder / name for name in train if record[name]["mnist_index"] in learned],
            [folder / name for name in train if record[name]["mnist_index"] not in learned])


def _both_counts(capsys, folder, model):
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    holdout = holdout_preview_for(folder, parent_spec=str(model))(0.2, False)
    assert report["n_images"] == holdout.seen_of
    return report["n_learned_digits"], holdout.seen_learned


@pytest.mark.parametrize("bare", [False, True])
def test_a_canvas_of_a_learned_digit_copied_under_another_name_is_counted_by_both(tiny_bundle, tmp_path, capsys,
                                                                                   bare):
    folder = _folder(tmp_path)
    model = _half_model(tiny_bundle, tmp_path, folder, bare)
    learned, _ = _learned_canvases(folder)
    shutil.copyfile(learned[0], folder / "kept.png")  # the same picture, a name petloc digits never gives
    shutil.copyfile(learned[0].with_suffix(".xml"), folder / "kept.xml")
    assert _both_counts(capsys, folder, model) == (4, 4)  # the dialog said 3 of a bare model


@pytest.mark.parametrize("bare", [False, True])
def test_a_canvas_replaced_by_another_canvass_picture_holds_that_ones_digit_for_both(tiny_bundle, tmp_path,
                                                                                      capsys, bare):
    folder = _folder(tmp_path)
    model = _half_model(tiny_bundle, tmp_path, folder, bare)
    learned, unlearned = _learned_canvases(folder)
    # under a learned digit's canvas name, the picture of a digit the model never learned (found by its bytes)
    shutil.copyfile(unlearned[0], learned[0])
    assert _both_counts(capsys, folder, model) == (2, 2)  # the dialog said 3 of a bare model
