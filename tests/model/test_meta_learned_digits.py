"""A damaged meta.json ``training_data.mnist_digits`` (the MNIST digits a model learned) is one BundleError
naming the file and key when meta.json is read. Before: `core.digits_record.learned_digits` read
{"train": "everything"} or a list of non-numbers as "learned nothing", so `petloc evaluate` and the retrain
comparison called figures on the digits the model learned held-out ones."""

from __future__ import annotations

import json

import pytest

from petloc_gui.model.bundle import BundleError, read_meta

BASE = {"format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [75, 75]}


def _bundle(tmp_path, digits):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({**BASE, "training_data": {"mnist_digits": digits}}))
    return folder


@pytest.mark.parametrize("digits, found", [
    ({"train": "everything"}, 'an object whose "train" is a string'),
    ({"train": [1, "2"]}, 'an object whose "train" is a list holding a string'),
    ({"test": "all", "train": [1.5]}, 'an object whose "train" is a list holding a number'),
    ({"train": [True]}, 'an object whose "train" is a list holding true/false'),
    ({"train": [-1]}, 'an object whose "train" is a list holding a negative number'),
    ({"train": None}, 'an object whose "train" is null'),
    ({"train": {"0": 1}}, 'an object whose "train" is an object'),
    (["all"], "a list"), ("all", "a string"),
])
def test_a_damaged_record_of_learned_digits_is_one_error_naming_meta_json_and_the_key(tmp_path, digits, found):
    folder = _bundle(tmp_path, digits)
    with pytest.raises(BundleError) as caught:
        read_meta(folder)
    assert caught.value.path == folder / "meta.json"
    assert caught.value.reason == ('training_data.mnist_digits must be an object of "all" or a list of digit '
                                   f"indices per split, not {found}")


@pytest.mark.parametrize("digits", [{}, {"train": "all"}, {"train": [0, 4999], "test": []}, None])
def test_a_sound_record_reads(tmp_path, digits):
    assert read_meta(_bundle(tmp_path, digits))["training_data"]["mnist_digits"] == digits
