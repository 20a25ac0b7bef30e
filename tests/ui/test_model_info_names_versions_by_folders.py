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


def test_the_menu_the_status_line_and_petloc_models_name_a_misfiled_version_alike(qtbot, capsys):
    """Before: a digits bundle filed in models/pets/d1 was "digits … d1" in Model → Versions, "pets d1" on the
    status line and pets/d1 in `petloc models`."""
    from petloc_gui.cli.main import main
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore()
    filed = _bundle(store.root / "pets" / "d1", {"preset": "digits", "created": "2026-12-01T10:00:00"})
    [entry] = VersionsMenu(store, lambda: str(filed)).version_actions()
    shown = entry.text().split(" ", 1)[1].replace("&&", "&")  # after its access key ("&1 "), as it reads
    assert shown.startswith("pets 2026-12-01 10:00  ·  ") and "  ·  d1  ·  note: meta.json says" in shown
    assert model_info(str(filed)).name == "pets d1"
    assert main(["models"]) == 0
    assert any(line.startswith("pets/d1 ") for line in capsys.readouterr().out.splitlines())
