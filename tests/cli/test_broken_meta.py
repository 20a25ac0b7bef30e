"""evaluate, predict and train --init-from with a hand-edited meta.json whose values have the wrong
types ("images", the training images' hashes, included): one line naming meta.json and the key, before
TensorFlow loads (the bundle needs no model file)."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import assert_clean_errors, run_cli, write_annotated

META = {"format_version": 1, "preset": "digits", "class_names": ["cat", "dog"], "input_size": [32, 32],
        "channels": 3, "splits": {"train": [], "validation": ["a.png"], "test": []},
        "validation_split": {"images": ["a.png"]}}


@pytest.mark.parametrize("key, value, shown", [
    ("refine", "x", "refine must be an object, not a string"),
    ("refine", ["x"], "refine must be an object, not a list"),
    ("channels", "3", "channels must be a positive whole number, not a string"),
    ("splits", {"validation": 5}, "splits.validation must be a list of image paths, not a number"),
    ("validation_split", {"images": [["a.png"]]},
     "validation_split.images must be a list of image paths, not a list holding a list"),
    ("training_data", {"root": 5}, "training_data.root must be a string, not a number"),
    # the model's own training images' hashes: damaged, they read as "no hashes", and evaluate took the images
    # it trained on, by content, for unseen (the walk of its parents refused them already)
    ("images", ["a.png"], "images must be an object of image paths, not a list"),
    ("images", {"a.png": {"sha256": 12}}, 'images["a.png"].sha256 must be a string, not a number'),
])
def test_a_meta_json_value_of_the_wrong_type_is_one_line_naming_the_file_and_key(tmp_path, capsys, monkeypatch,
                                                                               key, value, shown):
    def no_tensorflow():
        raise AssertionError("TensorFlow loaded for a meta.json that can be refused without it")

    monkeypatch.setattr("petloc_gui.cli.model_loading.load_tensorflow", no_tensorflow)
    monkeypatch.setattr("petloc_gui.cli.cmd_train.load_tensorflow", no_tensorflow)
    data = tmp_path / "data"
    data.mkdir()
    image = write_annotated(data, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "meta.json").write_text(json.dumps({**META, key: value}), encoding="utf-8")
    for argv in (["evaluate", data, "--model", bundle], ["evaluate", data, "--model", bundle, "--split", "validation"],
                 ["predict", image, "--model", bundle],
                 ["train", data, "--preset", "digits", "--init-from", bundle, "--out", tmp_path / "out"]):
        code, out, err = run_cli(capsys, *argv)
        assert (code, out) == (1, ""), argv
        assert assert_clean_errors(err) == [f"petloc: {bundle / 'meta.json'}: {shown}"], argv
    assert not (tmp_path / "out").exists()  # a refused run leaves no --out folder behind
