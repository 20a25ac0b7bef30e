"""The status bar and the Dataset panel name a stored version as Model → Versions and `petloc models` do:
by its folders (``<preset> <folder>``), not by what its meta.json says.

Before: a version copied to models/digits/good-copy, whose meta.json said version_id "good" and preset
"pets", was "pets good" on the status line while the menu ticked "digits … good-copy".
"""

from __future__ import annotations

import json
import shutil

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.models.model_handle import model_info
from tests.model_files import add_model_file


def _bundle(folder, meta):
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "class_names": ["3"], "input_size": [32, 32],
                                                  **meta}), encoding="utf-8")
    add_model_file(folder)
    return folder


def test_a_stored_version_is_named_by_its_folders():
    store = VersionStore()  # the user data folder of this test
    copy = _bundle(store.root / "digits" / "good-copy", {"version_id": "good", "preset": "pets",
                                                         "metrics": {"accuracy": 0.5, "n_images": 4}})
    (copy / "version.json").write_text(json.dumps({"id": "good", "preset": "pets", "created": "2026-12-01T10:00:00",
                                                   "metrics": {"accuracy": 0.75, "n_images": 8}}))
    [version] = store.list()
    info = model_info(str(copy))
    # the id is the folder's; the preset is meta.json's (a pets bundle in the digits folder is a pets model,
    # flagged), as Model → Versions shows it
    assert (version.preset, version.id) == ("pets", "good-copy") and "in the digits folder" in version.notes[0]
    # named by its folders, as `petloc models` lists it and --model accepts it (digits/good-copy)
    assert info.name == "digits good-copy"
    assert info.summary.startswith("digits good-copy (") and "0.750" in info.summary  # the figures kept with it


def test_a_bundle_outside_the_store_keeps_the_name_its_meta_json_gives(tmp_path):
    folder = _bundle(tmp_path / "somewhere", {"version_id": "pets-20261201T100000Z-abc123", "preset": "pets"})
    assert model_info(str(folder)).name == "pets-20261201T100000Z-abc123"
    other = _bundle(tmp_path / "other", {"version_id": "v7", "preset": "digits"})
    assert model_info(str(other)).name == "digits v7"


def test_a_bundled_model_is_named_as_such(tmp_path, monkeypatch):
    shutil.copytree(resources_dir() / "models" / "digits", tmp_path / "res" / "models" / "digits")
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(tmp_path / "res"))
    assert model_info("digits").name == "digits"
