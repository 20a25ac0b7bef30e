"""`petloc train --init-from runs/V1`, V1 fine-tuned from runs/V0 written beside it (`petloc train --out runs`),
V0 from the bundled digits model: every walk of the run finds V0 beside V1, given by its path or by a link.

test_train_parent_chain_on_disk's V1 descends from the bundled digits model, found wherever V1 is: it stayed
green with the run's note of where --init-from's bundle is (`parent_chain.remember`) deleted, though the
checks before TensorFlow then warn that V0 "is not found". And a link (`latest -> runs/V1`) was walked from
where the link is: V0 "not found", and meta.json recorded a false training_data.lineage_incomplete.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.cli.test_train_parent_chain_on_disk import _folder_and_v1

pytestmark = pytest.mark.slow

V0 = "digits-20260101T000000Z-aaaaa0"



@pytest.mark.parametrize("given", ["path", "link"])
def test_a_parent_beside_the_parent_given_keeps_the_chain(tmp_path, capsys, given):
    data, v1 = _folder_and_v1(tmp_path, V0)
    v0 = v1.parent / V0
    v0.mkdir()
    for name in ("meta.json", "model.keras"):  # V0: the bundled digits model's weights, fine-tuned from it
        (v0 / name).write_bytes((v1 / name).read_bytes())
    meta = json.loads((v0 / "meta.json").read_text(encoding="utf-8"))
    meta.update(version_id=V0, parent="digits", parent_version_id=None)
    (v0 / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    init_from = v1
    if given == "link":
        init_from = tmp_path / "latest"
        os.symlink(v1, init_from)
    code, stdout, err = run_cli(capsys, "train", data, "--preset", "digits", "--init-from", init_from, "--epochs",
                                "1", "--batch-size", "8", "--val-fraction", "0.5", "--out", v1.parent)
    assert code == 0, err
    new = json.loads((Path(stdout.strip().splitlines()[-1]) / "meta.json").read_text(encoding="utf-8"))
    assert "not found" not in err and "incomplete" not in err
    assert "lineage_incomplete" not in new["training_data"]
    assert new["metrics_accepted_boxes"]["relation"] == {"model digits": "ancestor"}  # V0's parent
    assert new["parent"] == Path(v1).name
