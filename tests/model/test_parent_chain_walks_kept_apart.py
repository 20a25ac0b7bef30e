"""What one walk of a chain learns of where bundles are does not serve another folder's walk.

Before, every folder a walk found was remembered for the whole process (`parent_chain._FOUND_AT`) and looked
in by every later walk: after a walk from proj1/W, a walk from proj2/W (its V0 deleted) found proj1's V0 and
called its chain complete.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.model.parent_chain import bundles_given, parent_chain, remember
from petloc_gui.model.training_record import lineage_of

V0, W, V2 = "digits-20260101T000000Z-eeeee0", "digits-20260101T000001Z-eeeee1", "digits-20260101T000002Z-eeeee2"
CHILD = {"version_id": V2, "parent": W, "parent_version_id": W}  # the new model of a run from W: no folder yet



def _project(folder: Path, with_v0: bool = True) -> dict:
    """folder/V0 (unless not ``with_v0``) and folder/W fine-tuned from it; W's meta.json."""
    for version, parent in ((V0, None), (W, V0)):
        if version == V0 and not with_v0:
            continue
        (folder / version).mkdir(parents=True)
        meta = {"version_id": version, "preset": "digits", "parent": parent, "parent_version_id": parent,
                "class_names": ["0", "1"]}
        (folder / version / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return json.loads((folder / W / "meta.json").read_text(encoding="utf-8"))


def test_a_walk_from_one_folder_does_not_take_another_folder_s_parent(tmp_path):
    w = _project(tmp_path / "proj1")
    _project(tmp_path / "proj2", with_v0=False)
    assert not lineage_of(w, located=tmp_path / "proj1" / W).missing
    assert lineage_of(w, located=tmp_path / "proj2" / W).missing == f"its parent model {V0} is not found"


def test_the_child_of_a_model_walked_from_its_folder_finds_it_while_it_is_there(tmp_path):
    w = _project(tmp_path / "proj1")
    assert parent_chain(CHILD).broken_at == W  # nothing given yet
    lineage_of(w, located=tmp_path / "proj1" / W)  # as training reads its --init-from model
    assert [name for name, _ in parent_chain(CHILD).found] == [W, V0]
    shutil.rmtree(tmp_path / "proj1" / W)  # another model put in its place: not taken for W
    (tmp_path / "proj1" / W).mkdir()
    (tmp_path / "proj1" / W / "meta.json").write_text(json.dumps({"version_id": V0}), encoding="utf-8")
    assert parent_chain(CHILD).broken_at == W


def test_what_is_remembered_in_a_block_is_forgotten_after_it(tmp_path):
    _project(tmp_path / "proj1")
    remember(V0, tmp_path / "proj1" / V0)
    with bundles_given():
        remember(W, tmp_path / "proj1" / W)
        assert [name for name, _ in parent_chain(CHILD).found] == [W, V0]
    assert parent_chain(CHILD).broken_at == W
    assert [name for name, _ in parent_chain({"parent": V0}).found] == [V0]  # remembered before the block
