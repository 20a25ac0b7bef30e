"""Deleting a version other versions were fine-tuned from names them: their training record becomes incomplete.

`petloc models --delete <parent>` said only "deleted …": the child's `petloc evaluate` then said "the record of
the images this model learned from is incomplete (its parent model … is not found)", and a retrain or
comparison lost the parent's images, with no word at the delete.
"""

from __future__ import annotations

import json

from petloc_gui.model.version_id import new_version_id
from petloc_gui.model.versions import VersionStore
from tests.cli.helpers import json_lines, run_cli
from tests.model_files import keras_like_zip, loadable_meta


def _version(store: VersionStore, preset: str = "digits", **meta):
    staging = store.new_staging_dir(preset)
    meta = {"version_id": new_version_id(preset), **meta}
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset=preset, **meta)), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)


def _child_of(store: VersionStore, parent):  # as `petloc train --init-from digits/<parent>` records it
    return _version(store, parent=parent.id, parent_version_id=parent.id)


def test_deleting_a_parent_names_its_child_on_stderr(capsys):
    store = VersionStore()
    parent = _version(store)
    child = _child_of(store, parent)

    code, out, err = run_cli(capsys, "models", "--delete", f"digits/{parent.id}")

    assert code == 0 and not parent.path.exists() and child.path.is_dir()  # still the user's choice
    assert out.startswith(f"deleted digits/{parent.id} (")
    assert (f"digits/{child.id} was fine-tuned from digits/{parent.id}: its record of the images it learned from "
            "becomes incomplete") in err


def test_json_lists_the_children(capsys):
    store = VersionStore()
    parent = _version(store)
    first, second = _child_of(store, parent), _child_of(store, parent)

    code, out, _err = run_cli(capsys, "models", "--delete", parent.id, "--json")

    [row] = json_lines(out)
    assert code == 0 and row["deleted"] is True
    assert row["fine_tuned_from_it"] == [f"digits/{first.id}", f"digits/{second.id}"]
    assert "were fine-tuned from digits/" in row["note"]


def test_a_version_nothing_was_fine_tuned_from_says_nothing_more(capsys):
    store = VersionStore()
    version = _version(store)
    _version(store, parent="digits", parent_version_id=version.id)  # a fine-tune of the bundled digits model

    code, out, err = run_cli(capsys, "models", "--delete", version.id, "--json")

    [row] = json_lines(out)
    assert code == 0 and row["fine_tuned_from_it"] == [] and "note" not in row and "fine-tuned" not in err
