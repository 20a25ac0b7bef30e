"""`petloc train --init-from runs/<V1>` (a bundle written with --out, fine-tuned from the bundled digits model):
the chain of parents is followed through V1, and a chain that cannot be is said and recorded.

Before, V1 was looked for in the store only: the run said its chain "breaks at V1, which is not found" and
meta.json recorded the boxes accepted from digits as "unknown", not an ancestor's; and a chain broken further
up (an ancestor's meta.json deleted) was dropped unsaid, though validation could hold images it trained on.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.core.voc import read_voc, write_voc
from tests.cli.helpers import run_cli

pytestmark = pytest.mark.slow

V1 = "digits-20260101T000001Z-aaaaa1"


def _folder_and_v1(tmp_path: Path, parent: str) -> tuple[Path, Path]:
    """12 digit canvases whose boxes were all accepted from the bundled digits model, and runs/V1: a copy of
    that model as if fine-tuned from ``parent``."""
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.bundle import resolve_model

    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=12, seed=0)
    for xml in data.glob("*.xml"):
        annotation = read_voc(xml)
        annotation.objects = [dataclasses.replace(o, proposed_by="model digits", proposed_box=o.box,
                                                  proposed_label=None) for o in annotation.objects]
        write_voc(annotation, xml)
    v1 = tmp_path / "runs" / V1
    shutil.copytree(resolve_model("digits"), v1)
    meta = json.loads((v1 / "meta.json").read_text(encoding="utf-8"))
    meta.update(version_id=V1, parent=parent, parent_version_id=None if parent == "digits" else parent)
    (v1 / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return data, v1


def _train(capsys, data: Path, v1: Path) -> tuple[str, dict]:
    code, stdout, err = run_cli(capsys, "train", data, "--preset", "digits", "--init-from", v1, "--epochs", "1",
                                "--batch-size", "8", "--val-fraction", "0.5", "--out", v1.parent)
    assert code == 0, err
    return err, json.loads((Path(stdout.strip().splitlines()[-1]) / "meta.json").read_text(encoding="utf-8"))


def test_a_parent_given_by_path_keeps_the_chain(tmp_path, capsys):
    data, v1 = _folder_and_v1(tmp_path, "digits")
    err, meta = _train(capsys, data, v1)
    assert "not found" not in err and "incomplete" not in err
    assert meta["metrics_accepted_boxes"]["relation"] == {"model digits": "ancestor"}
    assert "lineage_incomplete" not in meta["training_data"]


def test_a_broken_chain_is_said_before_and_after_and_recorded(tmp_path, capsys):
    gone = "digits-20260101T000000Z-aaaaa0"
    data, v1 = _folder_and_v1(tmp_path, gone)
    err, meta = _train(capsys, data, v1)
    why = f"{gone} is not found: the parent of {V1}, the model this run starts from"
    assert meta["training_data"]["lineage_incomplete"] == why
    lines = [line for line in err.splitlines() if why in line]
    assert lines[0].startswith("petloc: warning: the record of the images the model it starts from")
    assert any(line.startswith("petloc: warning: these figures may be on images") for line in lines[1:])
    assert sum("the record of the images the model it starts from" in line for line in err.splitlines()) == 1
