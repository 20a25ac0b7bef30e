"""`petloc train --init-from MODEL --renamed NEW=OLD` (ADR 0011): a renamed class takes its old name's
place and row; a rename that cannot hold is refused before TensorFlow loads, naming the problem."""

from __future__ import annotations

import json

from tests.cli.helpers import run_cli, voc_xml, write_image


def test_renames_that_cannot_hold_are_refused_before_training(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("a", "b"):
        write_image(data / f"{name}.png", 40, 30)
        (data / f"{name}.xml").write_text(voc_xml(f"{name}.png", 40, 30, [("uneven", (5, 5, 20, 20))]))
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"preset": "digits", "class_names": ["even", "odd"]}))
    cases = {("--renamed", "uneven=odd"): "--renamed needs --init-from",
             ("--init-from", parent, "--renamed", "uneven"): "'uneven' is not NEW=OLD",
             ("--init-from", parent, "--renamed", "uneven=boxer"): "boxer is no class of the model being fine-tuned"}
    for extra, said in cases.items():
        code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "o", *extra)
        assert code == 2 and out == "" and said in err, err
    assert not (tmp_path / "o").exists()
