"""The retrain comparison's learned-digits hedge says "on these very canvases" of scored canvases whose bytes the
current model (or one up its line) trained on or chose its epoch with, "on other canvases" of the rest
(`model.comparison_digits.digits_hedges`). Before, it said "on other canvases" of them all: fine-tuning the bundled
digits model on `petloc digits --split train --seed 0`, whose canvases are its own, byte for byte. Tiny records
written here, no training, no TensorFlow."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.comparison_digits import digits_hedges
from petloc_gui.model.training_record import Lineage, TrainingRecord

SAID = ("hold MNIST digits that the current model learned, or chose its epoch with, {on} (the digits of petloc "
        "digits --split train), so both models' figures on them are optimistic.")


class Scored(NamedTuple):
    relpath: str
    image_path: Path


def _canvases(folder: Path, count: int = 5) -> tuple[list[Scored], dict[str, str | None]]:
    images = write_digits_dataset(folder, "train", count=count, seed=3)
    scored = [Scored(image.name, image) for image in images]
    return scored, {s.relpath: hashlib.sha256(s.image_path.read_bytes()).hexdigest() for s in scored}


def _meta(hashes: dict[str, str | None], train=(), validation=(), test=(), digits="all") -> dict:
    """A current model's meta.json that records these canvases in its splits, and learned ``digits`` of the train
    split of petloc digits."""
    recorded = [*train, *validation, *test]
    return {"splits": {"train": list(train), "validation": list(validation), "test": list(test)},
            "images": {relpath: {"sha256": hashes[relpath], "size": 343} for relpath in recorded},
            "training_data": {"mnist_digits": {"train": digits}}}


def _old_hedge(scored, hashes, old_meta, ancestors=None, fine_tuned=True) -> str:
    hedges = digits_hedges(old_meta, ancestors, None, scored, hashes, fine_tuned)
    assert len(hedges) == 1
    return hedges[0][0]


def test_its_own_validation_canvases_are_these_very_canvases(tmp_path):
    scored, hashes = _canvases(tmp_path)
    names = [s.relpath for s in scored]
    assert _old_hedge(scored, hashes, _meta(hashes, validation=names)) == \
        "5 of them " + SAID.format(on="on these very canvases")


def test_other_bytes_are_other_canvases(tmp_path):
    scored, hashes = _canvases(tmp_path)
    assert _old_hedge(scored, hashes, _meta({"elsewhere.png": "0" * 64}, train=["elsewhere.png"])) == \
        "5 of them " + SAID.format(on="on other canvases")


def test_some_of_them_its_own_and_its_test_images_not(tmp_path):
    """Two chose its epoch, one it was tested on (neither learned nor chose its epoch with): other canvases."""
    scored, hashes = _canvases(tmp_path)
    names = [s.relpath for s in scored]
    said = _old_hedge(scored, hashes, _meta(hashes, validation=names[:2], test=names[2:3]))
    assert said == "5 of them " + SAID.format(on="on 2 of these very canvases and on other canvases")


def test_an_ancestors_training_canvases_count_and_a_learned_list_says_it_chose_its_epoch(tmp_path):
    """An ancestor trained on one of them (the walk keeps its training hashes); the model's own digits are a list,
    so "learned" alone said it learned a digit on a canvas that only chose its epoch."""
    scored, hashes = _canvases(tmp_path)
    names = [s.relpath for s in scored]
    ancestor = TrainingRecord(known=True, source="its recorded splits", train=frozenset(names[:1]),
                              hashes={names[0]: str(hashes[names[0]])},
                              train_hashes=frozenset({str(hashes[names[0]])}))
    old_meta = _meta(hashes, validation=names[1:3], digits=list(range(5000)))
    said = _old_hedge(scored, hashes, old_meta, Lineage((ancestor,)), fine_tuned=False)
    assert said == ("5 of them hold MNIST digits that the current model learned, or chose its epoch with, on 3 of "
                    "these very canvases and on other canvases (the digits of petloc digits --split train), so the "
                    "current model's figures on them are optimistic.")


def test_the_new_models_own_validation_canvases_are_not_its_very_canvases(tmp_path):
    """The new model's figures are on its validation images: it learned their digits on other canvases."""
    scored, hashes = _canvases(tmp_path)
    names = [s.relpath for s in scored]
    new_meta = _meta(hashes, validation=names, digits="all")
    hedges = digits_hedges(None, None, new_meta, scored, hashes, fine_tuned=False)
    assert [text for text, _ in hedges] == [
        "5 of them hold MNIST digits that the new model learned, or chose its epoch with, on other canvases (the "
        "digits of petloc digits --split train), so the new model's figures on them are optimistic."]
    trained = digits_hedges(None, None, _meta(hashes, train=names[:1], validation=names[1:]), scored, hashes, False)
    assert "the new model learned, or chose its epoch with, on 1 of these very canvases and on other" in trained[0][0]
