"""A version in another preset's folder (a digits bundle copied into models/pets/) is the preset its own
meta.json names, and flagged: listed as a digits model with a note saying where it belongs, never as a
pets one.

Before: its preset was the folder's, so `petloc models` and Model → Versions listed it as a pets version,
`VersionStore.list("pets")` offered it, and Retrain trained it with the pets recipe.
"""

from __future__ import annotations

import json

from petloc_gui.model.versions import VersionStore
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import fake_bundle


def test_a_digits_version_in_the_pets_folder_is_listed_as_digits_with_a_note(capsys, _isolated_user_data):
    store = VersionStore()
    copied = fake_bundle(store.root / "pets" / "d1", ["3", "7"], preset="digits")
    pets = fake_bundle(store.root / "pets" / "p1", ["cat", "dog"], preset="pets")

    (version,) = store.list("digits")
    assert version.path == copied and version.preset == "digits"
    assert version.notes == (f"meta.json says it is a digits model, but it is in the pets folder: listed as a "
                             f"digits model; move it to {store.root / 'digits'}",)
    assert [v.path for v in store.list("pets")] == [pets]  # never offered as a pets model

    code, out, err = run_cli(capsys, "models", "--json")
    rows = {row["name"]: row for row in json_lines(out)}
    assert code == 0 and assert_clean_errors(err) == []
    assert rows["pets/d1"]["preset"] == "digits" and rows["pets/d1"]["path"] == str(copied)
    assert "meta.json says it is a digits model" in rows["pets/d1"]["warning"]
    assert rows["pets/p1"]["preset"] == "pets" and "warning" not in rows["pets/p1"]


def test_retrain_uses_the_recipe_of_the_preset_meta_json_names(_isolated_user_data):
    from petloc_gui.ui.training.retrain_preset import preset_of

    store = VersionStore()
    copied = fake_bundle(store.root / "pets" / "d1", ["3", "7"], preset="digits")
    (copied / "version.json").write_text(json.dumps({"id": "d1", "preset": "pets"}), encoding="utf-8")
    assert store.find_by_path(copied).preset == "digits"
    assert preset_of(str(copied), store) == "digits"
