"""Two edge cases of a parent's name, found in a last review of the chain walk.

A parent with no version id (an older model) in a user's folder named "digits" was named "digits" in its
child's meta.json, and every walk then took the bundled digits model for it: the chain "complete" with the
bundled model's training images. It is named apart now, so a walk says the parent is not found (a lower
bound, said) rather than use another model's record. And "parent": null with "parent_version_id": "" is
no parent, as with None (it read as a parent named None that is not found)."""

from __future__ import annotations

import pytest

from petloc_gui.model.bundle import LoadedBundle, read_meta
from petloc_gui.model.parent_chain import parent_chain
from petloc_gui.model.training import _model_name
from petloc_gui.model.training_record import lineage_of
from tests.model_files import write_meta


def test_a_parent_folder_named_digits_with_no_version_id_is_not_walked_as_the_bundled_model(tmp_path):
    write_meta(tmp_path / "proj" / "V0", {"version_id": "V0", "preset": "digits", "parent": None})
    write_meta(tmp_path / "proj" / "digits", {"preset": "digits", "parent": "V0", "parent_version_id": "V0"})
    bundle = LoadedBundle(tmp_path / "proj" / "digits", read_meta(tmp_path / "proj" / "digits"), None, [], (1, 1),
                          "digits")
    name = _model_name(bundle)
    assert name != "digits" and name.startswith("digits")
    child = {"version_id": "N1", "parent": name, "parent_version_id": None}
    chain = parent_chain(child, parent_at=tmp_path / "proj" / "digits")
    assert all(found != "digits" or not version.startswith("digits-") for found, version in chain.found)
    lineage = lineage_of(child)
    assert not lineage.complete  # not found, and said: never the bundled model's record


@pytest.mark.parametrize("version", [None, ""])
def test_no_parent_and_an_empty_parent_version_is_trained_from_scratch(version):
    chain = parent_chain({"version_id": "W", "parent": None, "parent_version_id": version}, None)
    assert chain.found == () and not chain.broken_at
