"""Model → Versions names a version by its folders, as `petloc models` does, and shows a version it cannot
use the same way: a version.json copied along or edited by hand does not rename it nor change its preset.

Before: a folder `wrongid` whose version.json said "id": "good" was a second "good"; "preset": "pets" in the
digits folder showed as pets and Retrain used the pets recipe; a version.json that is not a JSON object made
the version vanish from the menu while `petloc models` listed it with a note.
"""

from __future__ import annotations

import json

from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file


def _version(store: VersionStore, name: str, record) -> object:
    folder = store.root / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": "digits", "class_names": ["3"],
                                                  "input_size": [32, 32]}), encoding="utf-8")
    (folder / "version.json").write_text(json.dumps(record), encoding="utf-8")
    add_model_file(folder)
    return folder


def test_a_version_is_named_by_its_folder_and_its_preset_is_the_store_folders(qtbot, tmp_path):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu
    from petloc_gui.ui.training.retrain_preset import preset_of

    store = VersionStore(tmp_path / "models")
    _version(store, "good", {"id": "good", "preset": "digits", "created": "2026-12-01T10:00:00"})
    wrong = _version(store, "wrongid", {"id": "good", "preset": "digits", "created": "2026-12-02T10:00:00"})
    pets = _version(store, "presetpets", {"id": "presetpets", "preset": "pets", "created": "2026-12-03T10:00:00"})

    menu = VersionsMenu(store, lambda: "digits")
    entries = {a.data(): a.text() for a in menu.version_actions()}
    assert sorted(entries) == ["good", "presetpets", "wrongid"]
    assert entries["wrongid"].endswith("wrongid")
    assert entries["presetpets"].split(" ", 1)[1].startswith("digits ")  # (after its access key, "&1 ")
    assert {(v.id, v.preset) for v in store.list()} == {("good", "digits"), ("wrongid", "digits"),
                                                        ("presetpets", "digits")}
    assert store.find_by_path(wrong).id == "wrongid"
    assert preset_of(str(pets), store) == "digits"  # Retrain trains it with the digits recipe


def test_a_version_json_that_is_no_object_is_greyed_in_the_menu_as_petloc_models_notes_it(qtbot, tmp_path, capsys,
                                                                                          monkeypatch):
    from petloc_gui.cli.main import main
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    monkeypatch.setenv("PETLOC_DATA_DIR", str(tmp_path))
    store = VersionStore()
    listed = _version(store, "vlist", [1, 2])
    _version(store, "weird", {"created": [1, 2], "parent": {"x": 1}, "data_fingerprint": 7})

    menu = VersionsMenu(store, lambda: "digits")
    assert menu.unusable_actions() == []  # its model is usable: listed, with a note of the damaged record
    [noted] = [a for a in menu.version_actions() if a.data() == "vlist"]
    assert noted.isEnabled() and "note: version.json is not a JSON object" in noted.text()
    [weird] = [a for a in menu.version_actions() if a.data() == "weird"]
    assert "date unknown" in weird.text() and "[1, 2]" not in weird.text() and "{'x'" not in weird.toolTip()

    assert main(["models"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("digits/vlist "))
    assert "unavailable" not in line and f"{listed}: version.json is not a JSON object" in line
