"""`petloc evaluate`'s learned-digits line and trained_on_record say "on these very canvases" of evaluated canvases
whose bytes the model chose its epoch with (`cli.evaluate_digits.learned_digit_count`). Before, the bundled digits
model evaluated on `petloc digits --split train --seed 0` (its own canvases, byte for byte) said its 199 validation
canvases hold digits it "learned, or chose its epoch with, on other canvases". Tiny model records written here, no
model loaded, no TensorFlow."""

from __future__ import annotations

import hashlib

from petloc_gui.cli.evaluate_digits import learned_digit_count, learned_digits_record
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.training_record import lineage_of

MODEL = "this model, or one it was fine-tuned from,"


def _meta(images, train=(), validation=(), test=(), digits="all"):
    """A model's meta.json recording ``images`` (paths) by name in its splits, that learned ``digits`` of the train
    split of petloc digits."""
    by_name = {image.name: image for image in images}
    recorded = [*train, *validation, *test]
    return {"splits": {"train": list(train), "validation": list(validation), "test": list(test)},
            "images": {name: {"sha256": hashlib.sha256(by_name[name].read_bytes()).hexdigest(),
                              "size": by_name[name].stat().st_size} for name in recorded},
            "training_data": {"mnist_digits": {"train": digits}}}


def _said(capsys, images, meta):
    """(the stderr line, trained_on_record) of evaluating ``images`` with the model of ``meta``, none of them one of
    its training images by their bytes."""
    learned = learned_digit_count(images, lineage_of(meta), (), {})
    line = capsys.readouterr().err.strip()
    return line, learned_digits_record("complete", learned)


def test_its_validation_canvases_are_these_very_canvases(tmp_path, capsys):
    images = write_digits_dataset(tmp_path, "train", count=4, seed=0)
    line, record = _said(capsys, images, _meta(images, validation=[image.name for image in images]))
    assert line.startswith(f"petloc: 4 of these 4 evaluated images hold MNIST digits that {MODEL} learned, or chose "
                           "its epoch with, on these very canvases (the digits of petloc digits --split train), so "
                           "these figures on them are optimistic")
    assert record == ("incomplete: 4 evaluated images hold MNIST digits the model learned, or chose its epoch with, "
                      "on these very canvases (n_learned_digits), not counted in n_trained_on")


def test_other_bytes_are_other_canvases(tmp_path, capsys):
    recorded = write_digits_dataset(tmp_path / "seed0", "train", count=4, seed=0)
    images = write_digits_dataset(tmp_path / "seed1", "train", count=4, seed=1)  # the same digits, placed anew
    line, record = _said(capsys, images, _meta(recorded, validation=[image.name for image in recorded]))
    assert f"hold MNIST digits that {MODEL} learned, or chose its epoch with, on other canvases (the digits" in line
    assert "learned, or chose its epoch with, on other canvases (n_learned_digits)" in record


def test_some_chose_its_epoch_some_were_its_test_images(tmp_path, capsys):
    """Of a model that learned a list of digits: one canvas chose its epoch, one was tested on (it neither learned
    nor chose its epoch with it), two it never read: "learned", said alone, was false of the first."""
    images = write_digits_dataset(tmp_path, "train", count=4, seed=0)
    meta = _meta(images, validation=[images[0].name], test=[images[1].name], digits=list(range(5000)))
    line, record = _said(capsys, images, meta)
    assert (f"4 of these 4 evaluated images hold MNIST digits that {MODEL} learned, or chose its epoch with, on 1 of "
            "these very canvases and on other canvases (the digits") in line
    assert "learned, or chose its epoch with, on 1 of these very canvases and on other canvases (n_learned" in record
    _, only_listed = _said(capsys, images, _meta(images, test=[images[1].name], digits=list(range(5000))))
    assert "hold MNIST digits the model learned on other canvases (n_learned_digits)" in only_listed
