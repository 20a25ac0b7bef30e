"""`petloc train` refuses labels that differ only in case, spacing or Unicode form ("Bengal" and "bengal"): it
trained them as separate classes without a word. The refusal names each spelling and its boxes
and how to give the class one name, before TensorFlow loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train
from tests.cli.helpers import one_box_each, run_cli


def _folder(tmp_path, labels) -> Path:
    return one_box_each(tmp_path / "photos", labels)


@pytest.fixture
def no_tensorflow(monkeypatch):
    def refused():
        raise AssertionError("TensorFlow loaded for a run refused before it")

    monkeypatch.setattr(cmd_train, "load_tensorflow", refused)


def test_a_class_typed_two_ways_is_refused_naming_its_spellings(tmp_path, capsys, no_tensorflow):
    folder = _folder(tmp_path, ["bengal", "bengal", "Bengal", "bengal", "dog", "dog"])
    out = tmp_path / "models"
    code, stdout, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", out)
    assert code == 1 and stdout == ""
    assert stderr == (
        f"petloc: {folder}: labels that differ only in case would train as separate classes: "
        '"bengal" (3 boxes) and "Bengal" (1 box). Give each class one name: the window\'s Edit → Classes… '
        "(Ctrl+L) renames a class on every box of the folder, and renaming one spelling to the other merges them\n")
    assert not out.exists()  # taken back: nothing was written


def test_spacing_counts_too(tmp_path, capsys, no_tensorflow):
    folder = _folder(tmp_path, ["bengal cat", "bengal  cat", "dog", "dog"])
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1 and '"bengal␣␣cat" (1 box) and "bengal cat" (1 box)' in stderr


def _parent(tmp_path, names) -> Path:
    bundle = tmp_path / "parent"
    bundle.mkdir()
    (bundle / "meta.json").write_text(json.dumps({"class_names": names, "preset": "digits"}), encoding="utf-8")
    return bundle


def test_a_class_of_the_model_spelled_otherwise_is_refused_with_the_rename_that_keeps_it(tmp_path, capsys,
                                                                                          no_tensorflow):
    folder = _folder(tmp_path, ["Cat", "Cat", "dog", "dog"])
    parent = _parent(tmp_path, ["cat", "dog"])
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--init-from", parent,
                              "--out", tmp_path / "models")
    assert code == 1
    assert '"Cat" (2 boxes) and "cat" (the model\'s class, on no box)' in stderr
    assert "; or, for a class of the model spelled otherwise here, add --renamed Cat=cat " in stderr


def test_told_of_the_rename_or_with_one_spelling_the_run_goes_on(tmp_path, capsys, monkeypatch):
    from petloc_gui.model import training

    runs = []

    def trained(data_dir, config, on_event, should_stop, folder=None):  # training's events, without TensorFlow
        runs.append(config)
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    folder = _folder(tmp_path, ["Cat", "Cat", "dog", "dog"])
    parent = _parent(tmp_path, ["cat", "dog"])
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--init-from", parent,
                              "--renamed", "Cat=cat", "--out", tmp_path / "models")
    assert code == 0, stderr
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0, stderr
    assert len(runs) == 2 and "case" not in stderr
