"""Model → Versions marks a retrained version's figures whose images hold boxes accepted from a model, as the
status line and the Dataset panel do (meta.json ``metrics_accepted_boxes``, ADR 0013). Before, the menu showed
"acc 0.938 · IoU 0.839 on 16 validation images (too few …)" with no word of the 15 images holding its parent's
boxes. The menu is rebuilt each time it opens: meta.json is read once per file state."""

from __future__ import annotations

import json
import os

from petloc_gui.app import model_metrics
from petloc_gui.model.versions import VersionStore
from tests.app.test_accepted_boxes_beside_figures import META
from tests.model_files import add_model_file

MARK = "15 of 16 hold boxes accepted from a model"


def _stored(store: VersionStore, name: str, meta: dict):
    folder = store.root / "digits" / name
    folder.mkdir(parents=True)
    meta = {**meta, "format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32]}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    add_model_file(folder)
    return folder


def _entries(store: VersionStore) -> dict[str, str]:
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    return {a.data(): a.text() for a in VersionsMenu(store, lambda: "digits").version_actions()}


def _tips(store: VersionStore) -> dict[str, str]:
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    return {a.data(): a.toolTip() for a in VersionsMenu(store, lambda: "digits").version_actions()}


def test_the_menu_marks_figures_on_accepted_boxes_as_the_status_line_does(qtbot, tmp_path):
    from petloc_gui.ui.models.model_handle import model_info

    store = VersionStore(tmp_path / "models")
    folder = _stored(store, "d-2", META)
    _stored(store, "plain", {**META, "metrics_accepted_boxes": None})
    entries = _entries(store)
    assert "on 16 validation images · 15/16 accepted · too few to compare" in entries["d-2"]  # whole in its tooltip
    assert f"on 16 validation images ({MARK}; too few images to tell models apart)" in _tips(store)["d-2"]
    assert MARK in model_info(str(folder)).summary  # the status line's words
    assert "accepted" not in entries["plain"]


def test_meta_json_is_read_once_while_it_stays_as_it_was(qtbot, tmp_path, monkeypatch, settled_clock):
    store = VersionStore(tmp_path / "models")
    folder = _stored(store, "d-2", META)
    reads = []
    real = model_metrics.read_json_record
    monkeypatch.setattr(model_metrics, "read_json_record", lambda path: reads.append(path) or real(path))
    _entries(store)
    _entries(store)
    assert len(reads) == 1
    # rewritten (a record without the mark): read again, and the mark goes
    meta = folder / "meta.json"
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "metrics_accepted_boxes": None}), encoding="utf-8")
    os.utime(meta, ns=(meta.stat().st_atime_ns, meta.stat().st_mtime_ns + 10**9))
    assert "accepted" not in _entries(store)["d-2"]
    assert len(reads) == 2
