"""Model → Versions names the split a version's figures are on as the figures say, as the status line and
`petloc models` do: a copy of the bundled digits model stored as a version holds its test figures, and the
menu read "on 1000 validation images" beside the status line's "on 1000 test images"."""

from __future__ import annotations

import json

from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file


def _version(store: VersionStore, name: str, metrics: dict) -> None:
    folder = store.root / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": "digits", "class_names": ["3"],
                                                  "input_size": [32, 32], "metrics": metrics}), encoding="utf-8")
    add_model_file(folder)


def test_the_versions_menu_names_the_split_the_figures_are_on(qtbot, tmp_path):
    from petloc_gui.ui.models.model_handle import model_info
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore(tmp_path / "models")
    figures = {"n_images": 1000, "accuracy": 0.983, "mean_iou": 0.93}
    _version(store, "copy", {**figures, "split": "test (digits --split test)"})
    _version(store, "own", {**figures, "split": "validation report part"})
    entries = {a.data(): a.text() for a in VersionsMenu(store, lambda: "digits").version_actions()}
    assert "acc 0.983 · IoU 0.930 on 1000 test images" in entries["copy"]
    assert "acc 0.983 · IoU 0.930 on 1000 validation images" in entries["own"]
    assert "on 1000 test images" in model_info(str(store.root / "digits" / "copy")).summary  # the status line
