"""A bundle given as ".", "..", or a symbolic link finds the parents written beside the folder it really is.

Before, the walk looked beside the path as given: `Path(".").parent` is ".", so `petloc evaluate --model .`
in runs/V1 looked for runs/V1/V0, and a link `latest -> runs/V1` beside runs/ looked for ./V0: the chain
"broke" at a parent that is there, and `petloc train --init-from latest` wrote a false
training_data.lineage_incomplete into the new model's meta.json.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from petloc_gui.model.parent_chain import parent_chain, remember
from petloc_gui.model.training_record import lineage_of

V0, V1, V2 = (f"digits-20260101T00000{i}Z-bbbbb{i}" for i in range(3))



def _runs(tmp_path: Path) -> Path:
    """runs/V0 (from scratch) and runs/V1 (fine-tuned from V0); runs/V1."""
    for version, parent in ((V0, None), (V1, V0)):
        (tmp_path / "runs" / version).mkdir(parents=True)
        meta = {"version_id": version, "preset": "digits", "parent": parent, "parent_version_id": parent}
        (tmp_path / "runs" / version / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return tmp_path / "runs" / V1


def _meta(bundle: Path) -> dict:
    return json.loads((bundle / "meta.json").read_text(encoding="utf-8"))


def test_a_bundle_given_as_dot_or_dot_dot_finds_its_parent(tmp_path, monkeypatch):
    v1 = _runs(tmp_path)
    monkeypatch.chdir(v1)
    assert [name for name, _ in parent_chain(_meta(v1), ".").found] == [V0]
    assert not lineage_of(_meta(v1), located=".").missing
    (v1 / "sub").mkdir()
    monkeypatch.chdir(v1 / "sub")
    assert [name for name, _ in parent_chain(_meta(v1), "..").found] == [V0]


def test_a_bundle_given_by_a_symbolic_link_finds_its_parent_beside_the_folder_it_is(tmp_path, monkeypatch):
    v1 = _runs(tmp_path)
    os.symlink(v1, tmp_path / "latest")  # beside runs/, as `ln -s runs/V1 latest`
    monkeypatch.chdir(tmp_path)
    assert not lineage_of(_meta(v1), located="latest").missing
    assert not lineage_of(_meta(v1), located=tmp_path / "latest").missing
    assert [name for name, _ in parent_chain(_meta(v1), "latest").found] == [V0]


def test_a_model_given_by_a_link_serves_the_walks_of_its_child(tmp_path, monkeypatch):
    """`petloc train --init-from latest`: the new model's meta.json names V1 by its version id only."""
    v1 = _runs(tmp_path)
    os.symlink(v1, tmp_path / "latest")
    monkeypatch.chdir(tmp_path)
    remember(V1, Path("latest"))
    new = {"version_id": V2, "parent": V1, "parent_version_id": V1}
    assert [name for name, _ in parent_chain(new).found] == [V1, V0]
    assert not lineage_of(new).missing
