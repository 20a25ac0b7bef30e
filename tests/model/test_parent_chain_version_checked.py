"""A folder named as a parent is taken for it only when its meta.json is that version's.

Before, the walk trusted the folder's name: a folder runs/V0 beside runs/W holding another model (a copy
renamed by hand, a bundle moved over it) was taken as W's parent V0, its training images counted as V0's
and the chain called complete.
"""

from __future__ import annotations

from petloc_gui.model.model_ancestry import ancestry_of
from petloc_gui.model.parent_chain import locate, parent_chain
from petloc_gui.model.training_record import ancestors_of
from tests.model_files import write_meta

V0, W, OTHER = "digits-20260101T000000Z-ddddd0", "digits-20260101T000001Z-ddddd1", "digits-20260101T000009Z-ddddd9"




def test_a_folder_of_the_parent_s_name_holding_another_model_breaks_the_chain_and_says_so(tmp_path):
    runs = tmp_path / "runs"
    write_meta(runs / V0, {"version_id": OTHER, "preset": "digits", "parent": None})  # not V0
    w = write_meta(runs / W, {"version_id": W, "preset": "digits", "parent": V0, "parent_version_id": V0})
    chain = parent_chain(w, runs / W)
    assert chain.found == () and chain.broken_at == V0
    other = f"the folder {(runs / V0).resolve()} holds another model, {OTHER}"
    assert ancestors_of(w, chain).missing == f"its parent model {V0} is not found ({other})"
    assert ancestry_of(w, chain).missing.endswith(f"breaks at {V0}, which is not found ({other})")
    assert locate(V0, runs / W) is None


def test_the_right_version_is_taken_past_a_folder_of_its_name_holding_another(_isolated_user_data, tmp_path):
    # looked in first
    write_meta(_isolated_user_data / "models" / "digits" / V0, {"version_id": OTHER, "preset": "digits"})
    runs = tmp_path / "runs"
    write_meta(runs / V0, {"version_id": V0, "preset": "digits", "parent": None})
    w = write_meta(runs / W, {"version_id": W, "preset": "digits", "parent": V0, "parent_version_id": V0})
    (name, ancestor), = parent_chain(w, runs / W).found
    assert (name, ancestor.version_id) == (V0, V0)
    assert locate(V0, runs / W) == (runs / V0).resolve()


def test_a_parent_with_no_version_id_is_known_by_its_folder_s_name(tmp_path):
    """An older bundle with no version id: its child's meta.json names it by its folder (`training._model_name`)."""
    runs = tmp_path / "runs"
    write_meta(runs / "old-model", {"preset": "digits", "parent": None})
    w = write_meta(runs / W, {"version_id": W, "preset": "digits", "parent": "old-model"})
    assert [name for name, _ in parent_chain(w, runs / W).found] == ["old-model"]
