"""`petloc models --json` names a version's parent one way, the name it lists and --model/--init-from take
("pets", "digits/<id>"), whoever trained it; null when the parent is not here; what the record says is kept
under `parent_recorded`.

Before: `parent` was a path (a version kept in the window: version.json records the model it used by path),
an id (`petloc train --init-from`: meta.json records the parent's version id) or a bundled name.
"""

from __future__ import annotations

import json

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.versions import VersionStore
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import fake_bundle


def _trained(store, name, meta_parent=None, window_parent=None):
    folder = fake_bundle(store / "digits" / name, ["3", "7"], preset="digits")
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    (folder / "meta.json").write_text(json.dumps({**meta, "version_id": name, "parent": meta_parent}))
    if window_parent is not None:  # kept in the window: version.json records the model it used
        (folder / "version.json").write_text(json.dumps({"id": name, "parent": window_parent,
                                                         "created": "2026-12-01T10:00:00+00:00"}))
    return folder


def test_the_parent_is_named_as_petloc_models_lists_it(capsys, _isolated_user_data):
    store = _isolated_user_data / "models"
    first = _trained(store, "v1", meta_parent="digits", window_parent="digits")
    _trained(store, "v2", meta_parent="v1", window_parent=str(first))  # the window: by path
    _trained(store, "v3", meta_parent="v1")  # `petloc train --init-from digits/v1`: by id
    _trained(store, "v4", meta_parent="digits", window_parent=str(resources_dir() / "models" / "digits"))
    _trained(store, "v5", meta_parent="gone-id", window_parent=str(store / "digits" / "gone"))

    code, out, err = run_cli(capsys, "models", "--json")
    rows = {row["name"]: row for row in json_lines(out)}
    assert code == 0 and assert_clean_errors(err) == []
    assert [rows[f"digits/v{i}"]["parent"] for i in range(1, 6)] == ["digits", "digits/v1", "digits/v1", "digits",
                                                                     None]
    assert rows["digits/v2"]["parent_recorded"] == str(first) and rows["digits/v3"]["parent_recorded"] == "v1"
    assert rows["digits/v5"]["parent_recorded"] == str(store / "digits" / "gone")
    assert rows["digits"]["kind"] == "bundled" and "parent" not in rows["digits"]


def test_the_versions_menu_names_the_parent_so_too(qtbot, _isolated_user_data):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore()
    first = _trained(store.root, "v1")
    _trained(store.root, "v2", meta_parent="v1", window_parent=str(first))
    tips = {a.data(): a.toolTip() for a in VersionsMenu(store, lambda: "digits").version_actions()}
    assert "trained from digits/v1" in tips["v2"] and f"trained from {first}" not in tips["v2"]
