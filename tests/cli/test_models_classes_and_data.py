"""`petloc models` names each model's classes and the folder it was trained on: after training on two of
one's own folders the table had rows all named photo/photo-<time>-<id>, preset photo, and nothing told
which model was of which folder (no TensorFlow: records only)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file

FINGERPRINT = "e2f4de9183671e3d7f7bab74207d0e594d8fa51d70db23126a3ad1f652c65ebf"


def _version(store: Path, name: str, classes: list[str], training_data: dict | None) -> Path:
    """A photo version as `petloc train` writes it: meta.json names the folder, not its path."""
    folder = store / "photo" / name
    folder.mkdir(parents=True)
    meta = {"format_version": 1, "preset": "photo", "class_names": classes, "input_size": [224, 224],
            "created": "2026-12-05T00:29:31+00:00", "metrics": {"n_images": 5, "accuracy": 0.6}}
    if training_data is not None:
        meta["training_data"] = training_data
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return add_model_file(folder)


def _store(store: Path) -> None:
    _version(store, "photo-a", ["abyssinian", "bengal cat", "bulldog"],
             {"root_name": "own", "fingerprint": "ed91107cfd00f498798c2bd16f4192584a4735957ca974b10804c8010cc2d333"})
    _version(store, "photo-b", ["circle", "square", "triangle", "star", "hexagon"], {"fingerprint": FINGERPRINT})
    _version(store, "photo-c", ["x"], None)  # written before the record had either


def test_the_table_names_each_model_s_classes_and_training_folder(capsys, _isolated_user_data):
    _store(_isolated_user_data / "models")
    code, out, err = run_cli(capsys, "models")
    assert code == 0 and assert_clean_errors(err) == []
    header, *lines = (re.split(r"\s{2,}", line) for line in out.splitlines()[:-1])  # the cells
    assert header[:5] == ["name", "preset", "classes", "data", "accuracy"]
    rows = {cells[0]: cells[2:4] for cells in lines}
    assert rows["photo/photo-a"] == ["abyssinian, bengal cat, bulldog", "own"]
    # many classes shortened, saying so; no folder name recorded: the data's fingerprint
    assert rows["photo/photo-b"] == ["circle, square, triangle, star and 1 more", "fingerprint e2f4de918367"]
    assert rows["photo/photo-c"] == ["x", "-"]
    assert rows["pets"][0] == "cat, dog" and rows["digits"][0] == "0, 1, 2, 3 and 6 more"


def test_json_gives_every_class_and_the_training_folder_s_name_and_fingerprint(capsys, _isolated_user_data):
    _store(_isolated_user_data / "models")
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    rows = {row["name"]: row for row in json_lines(out)}
    a, b, c = rows["photo/photo-a"], rows["photo/photo-b"], rows["photo/photo-c"]
    assert a["classes"] == ["abyssinian", "bengal cat", "bulldog"] and a["data_folder"] == "own"
    assert a["data_fingerprint"].startswith("ed91107c")
    assert b["classes"] == ["circle", "square", "triangle", "star", "hexagon"]  # all of them
    assert b["data_folder"] is None and b["data_fingerprint"] == FINGERPRINT
    assert c["classes"] == ["x"] and c["data_folder"] is None and c["data_fingerprint"] is None
    assert rows["pets"]["classes"] == ["cat", "dog"]
