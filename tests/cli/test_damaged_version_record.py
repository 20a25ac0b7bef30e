"""A version whose version.json is damaged (not JSON, not an object) is listed usable when its model and
meta.json are fine, with a note of what is lost, and its children keep their parent.

Before: `petloc models` and Model → Versions listed it "unavailable" though `petloc evaluate`/`predict`
loaded and used it, and `VersionStore.get` found nothing, so a child whose meta.json names it lost its
parent (the retrain comparison's lineage said "its parent model ... is not found").
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.model.versions import VersionStore
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file


def _version(store, name, parent=None, record=None):
    folder = store / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": ["3", "7"], "input_size": [32, 32],
        "version_id": name, "parent": parent, "created": "2026-11-23T12:00:00+00:00",
        "metrics": {"accuracy": 0.5, "n_images": 4, "split": "validation"}}), encoding="utf-8")
    if record is not None:
        (folder / "version.json").write_text(record, encoding="utf-8")
    return add_model_file(folder)


@pytest.mark.parametrize("record", ['{"id": "v1", "par', "[1, 2]", "\udcff"])
def test_a_version_whose_record_is_damaged_is_usable_with_a_note(record, capsys, _isolated_user_data):
    store = _isolated_user_data / "models"
    if record == "\udcff":  # not UTF-8
        v1 = _version(store, "v1", parent="digits")
        (v1 / "version.json").write_bytes(b'{"id": "\xff"}')
    else:
        v1 = _version(store, "v1", parent="digits", record=record)
    _version(store, "v2", parent="v1")  # `petloc train --init-from digits/v1`: meta.json names its parent

    code, out, err = run_cli(capsys, "models", "--json")
    rows = {row["name"]: row for row in json_lines(out)}
    assert code == 0 and assert_clean_errors(err) == []
    row = rows["digits/v1"]
    assert row["path"] == str(v1) and "error" not in row
    assert row["metrics"] == {"accuracy": 0.5, "n_images": 4}  # the run's own, from meta.json
    assert row["warning"].startswith(f"{v1}: version.json ")
    assert "the run's record is lost" in row["warning"] and "its parent is meta.json's" in row["warning"]
    assert rows["digits/v2"]["parent"] == "digits/v1"

    assert VersionStore(store).get("v2").parent == "v1"
    assert VersionStore(store).get("v1").path == v1  # a child's lineage finds its parent

    code, out, _ = run_cli(capsys, "models")
    line = next(line for line in out.splitlines() if line.startswith("digits/v1 "))
    assert "unavailable" not in line and str(v1) in line and "the run's record is lost" in line


def test_the_versions_menu_lists_it_usable_with_the_note(qtbot, _isolated_user_data, monkeypatch):
    from petloc_gui.ui.models import model_versions_menu
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    # a 1366 px screen (the tests' is 800 px): the entry whole, its note's start in it
    monkeypatch.setattr(model_versions_menu, "screen_width", lambda widget: 1366)
    store = VersionStore()
    _version(store.root, "v1", record="{not json")
    menu = VersionsMenu(store, lambda: "digits")
    [entry] = menu.version_actions()
    assert entry.isEnabled() and menu.unusable_actions() == []
    assert "note: version.json cannot be read" in entry.text()
    assert "the run's record is lost" in entry.toolTip() and "its parent is unknown" in entry.toolTip()
