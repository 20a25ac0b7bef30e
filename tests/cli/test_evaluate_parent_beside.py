"""`petloc evaluate --model runs/<V2>`, V2 fine-tuned from runs/<V1> (both written with `petloc train --out
runs`), V1 from the bundled digits model: the boxes accepted from digits are an ancestor's. Before, V1 was
looked for in the store only, and the warning said the chain "breaks at V1, which is not found"."""

from __future__ import annotations

import dataclasses
import json
import shutil

from petloc_gui.core.voc import read_voc, write_voc
from tests.cli.helpers import run_cli

V1, V2 = "digits-20260101T000001Z-aaaaa1", "digits-20260101T000002Z-aaaaa2"


def test_a_parent_written_beside_the_model_evaluated_is_found(tmp_path, capsys, monkeypatch):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.bundle import resolve_model

    data = tmp_path / "data"
    write_digits_dataset(data, "test", count=4, seed=0)
    for xml in data.glob("*.xml"):
        annotation = read_voc(xml)
        annotation.objects = [dataclasses.replace(o, proposed_by="model digits", proposed_box=o.box,
                                                  proposed_label=None) for o in annotation.objects]
        write_voc(annotation, xml)
    for version, parent in ((V1, "digits"), (V2, V1)):
        bundle = tmp_path / "runs" / version
        shutil.copytree(resolve_model("digits"), bundle)
        meta = json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
        meta.update(version_id=version, parent=parent, parent_version_id=None if parent == "digits" else parent)
        (bundle / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    code, _, err = run_cli(capsys, "evaluate", data, "--model", tmp_path / "runs" / V2)
    assert code == 0, err
    assert "not found" not in err and "incomplete" not in err
    assert "which the model evaluated descends from through the model it was fine-tuned from" in err
