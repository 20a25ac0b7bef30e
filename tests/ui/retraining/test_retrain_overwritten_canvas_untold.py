"""A `petloc digits` canvas overwritten under its recorded name with another folder's canvas holds a digit its
folder's record cannot tell (`core.digits_record.NOT_RECORDED`): the run, reading each canvas's bytes, warns of
it and records that the new model may have learned any digit. The Retrain dialog's preview read the canvases by
their names alone (`ui.training.retrain_preview_digits.untold_digits`), took it for the digit its entry names,
and said nothing. It reads their bytes now, as the run and `model.current_model_digits.seen_canvases` do: the
dialog warns as the run does."""

from __future__ import annotations

import shutil

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import NOT_RECORDED, RECORD_NAME
from petloc_gui.model.retrain_policy import SPLIT_SEED
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from petloc_gui.ui.training.retrain_preview_digits import untold_digits


def _overwritten(tmp_path):
    """A folder of 12 canvases, one the run trains on overwritten with a canvas of another `petloc digits` folder."""
    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=12, seed=0)
    trained = TrainingData.collect(folder, val_fraction=0.2, seed=SPLIT_SEED).train[0].sample.image_path
    other = write_digits_dataset(tmp_path / "other", "test", count=1, seed=5)
    shutil.copyfile(other[0], trained)
    return folder, trained


def test_the_overwritten_canvas_is_untold_by_the_dialog_as_by_the_run(tmp_path):
    folder, overwritten = _overwritten(tmp_path)
    run = TrainingData.collect(folder, val_fraction=0.2, seed=SPLIT_SEED)
    assert untold_digits([it.sample for it in [*run.train, *run.validation]]) == {
        overwritten.name: (RECORD_NAME, NOT_RECORDED)}
    preview = holdout_preview_for(folder)
    warned = []
    for fraction in (0.2, 0.4):  # the run's words, for the images it trains on at that fraction
        run = TrainingData.collect(folder, val_fraction=fraction, seed=SPLIT_SEED)
        assert list(preview(fraction, False).digits_notes) == run.digits_notices()
        warned += run.digits_notices()
    assert warned and all(note.startswith(f"{RECORD_NAME}: {NOT_RECORDED}: which MNIST digit the one training "
                                          "image in its folder holds cannot be told") for note in warned)


def test_a_folder_without_a_record_is_not_hashed(tmp_path, monkeypatch):
    from petloc_gui.model import bundle

    folder, _ = _overwritten(tmp_path)
    samples = TrainingData.collect(folder, val_fraction=0.2, seed=SPLIT_SEED).train
    (folder / RECORD_NAME).unlink()
    hashed = []
    monkeypatch.setattr(bundle, "sha256_or_none", lambda path: hashed.append(path))
    untold_digits([it.sample for it in samples])  # every canvas untold (copied without its record): by name
    assert hashed == []
