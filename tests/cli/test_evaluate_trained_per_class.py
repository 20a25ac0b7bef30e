"""`petloc evaluate --split all`: each per-class row says how many of its images the model trained on (hunt:
a 1-image class that was only trained on read "cat_1  1  0.000  0.000", as if held out; only the images
line said "458 of these trained on")."""

from __future__ import annotations

import pytest

from petloc_gui.cli.evaluate_class_rows import KEY, NOTE
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import BLUE, RED, bundle_with_meta, last_json, run_cli, voc_xml, write_image

W, H = 64, 32  # the tiny model's box on it: [16, 16, 48, 28]


@pytest.fixture
def eval_folder(tmp_path):
    folder = tmp_path / "eval"
    folder.mkdir()
    for stem, color, label in (("r1", RED, "cat"), ("r2", RED, "dog"), ("b1", BLUE, "dog"), ("b2", BLUE, "bird")):
        write_image(folder / f"{stem}.png", W, H, color)  # b1 and b2: the same bytes
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, [(label, (16, 16, 48, 28))]),
                                            encoding="utf-8")
    return folder


def _trained_on_blue(eval_folder, tiny_bundle, tmp_path):
    # trained on b1's bytes under another name: b1 (dog) and b2 (bird, the same picture) are training images
    return bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere/blue.png"], "validation": [],
                                                           "test": []},
                            images={"elsewhere/blue.png": {"sha256": file_sha256(eval_folder / "b1.png")}})


def test_each_class_row_counts_its_training_images(eval_folder, tiny_bundle, tmp_path, capsys):
    bundle = _trained_on_blue(eval_folder, tiny_bundle, tmp_path)
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", bundle, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_trained_on"] == 2
    assert report[KEY] == {"cat": 0, "dog": 1, "bird": 1}  # bird: a label the model does not know
    assert report["per_class"]["dog"]["count"] == 2 and report["unknown_labels"] == {"bird": 1}

    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", bundle)
    assert code == 0, err
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("class"))
    assert header.split() == ["class", "count", "trained", "on", "accuracy", "mean", "IoU"]
    rows = {line.split()[0]: line.split() for line in lines[lines.index(header) + 1:lines.index(header) + 4]}
    assert rows["cat"][:3] == ["cat", "1", "0"]
    assert rows["dog"][:3] == ["dog", "2", "1"]
    assert rows["bird"][:3] == ["bird", "1", "1"] and rows["bird"][-1] == "model)"
    assert lines[lines.index(header) + 4] == NOTE


def test_no_column_when_none_was_trained_on_and_null_when_unknown(eval_folder, tiny_bundle, tmp_path,
                                                                  capsys):
    held_out = bundle_with_meta(tiny_bundle, tmp_path / "held_out",
                                splits={"train": ["elsewhere.png"], "validation": [], "test": []})
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", held_out, "--json")
    assert code == 0, err
    assert last_json(out)[KEY] == {"cat": 0, "dog": 0, "bird": 0}
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", held_out)
    assert "trained on" not in out and NOTE not in out
    unknown = bundle_with_meta(tiny_bundle, tmp_path / "unknown", splits=None, training_data={})
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", unknown, "--json")
    assert code == 0 and last_json(out)["n_trained_on"] is None and last_json(out)[KEY] is None
