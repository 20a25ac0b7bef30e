"""Issue 11 point 11: one figure per model version everywhere, with the images it was measured on."""

from __future__ import annotations

import json

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file


def _stored_version(store: VersionStore):
    """A retrained version whose run figures (meta.json) differ from the kept comparison's (the record)."""
    staging = store.new_staging_dir("digits")
    meta = json.loads((resources_dir() / "models" / "digits" / "meta.json").read_text(encoding="utf-8"))
    meta["metrics"] = {"accuracy": 0.91, "mean_iou": 0.665, "n_images": 12}
    meta.pop("test_split", None)
    (staging / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    add_model_file(staging)
    return store.commit(staging, metrics={"accuracy": 0.91, "mean_iou": 0.663, "n_images": 12})


def test_status_bar_and_versions_menu_show_the_same_figure_and_name_the_split(qtbot):
    from petloc_gui.ui.models.model_handle import model_info
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore()
    version = _stored_version(store)
    info = model_info(str(version.path))
    assert "IoU 0.663 on 12 validation images" in info.summary  # the record's figure, not meta's 0.665
    menu = VersionsMenu(store, lambda: str(version.path))
    [entry] = menu.version_actions()
    assert "IoU 0.663 on 12 validation images" in entry.text() and entry.isChecked()
    assert "0.665" not in entry.text()


def test_versions_lists_the_bundled_models_by_date_and_test_figures(qtbot):
    from petloc_gui.ui.models.model_handle import model_info
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    menu = VersionsMenu(VersionStore(), lambda: "pets")
    entries = {a.data(): a for a in menu.bundled_actions()}
    assert set(entries) == {"bundled:pets", "bundled:digits"}
    pets = entries["bundled:pets"]
    shown = _shown(pets.text())
    assert shown.startswith("Bundled: pets 20") and "test images" in shown
    assert pets.isChecked() and not entries["bundled:digits"].isChecked()
    figures = shown.split("  ·  ", 1)[1]
    assert figures in model_info("pets").summary  # the status bar says the same
    chosen = []
    menu.bundled_chosen.connect(chosen.append)
    entries["bundled:digits"].trigger()
    assert chosen == ["digits"]


def test_petloc_models_names_the_split_of_each_figure(capsys):
    from petloc_gui.cli import cmd_models

    rows = {row["name"]: row for row in cmd_models.bundled_models()}
    assert rows["pets"]["split"] == "test" and rows["digits"]["split"] == "test"
    _stored_version(VersionStore())
    [trained] = cmd_models.trained_versions()
    assert trained["split"] == "validation" and trained["metrics"]["mean_iou"] == 0.663
    cmd_models.run(type("Args", (), {"json": False, "store": False, "delete": None})())
    out = capsys.readouterr().out
    assert "measured on" in out.splitlines()[0]
    assert "12 validation images" in out and "48 test images" in out


def _shown(text: str) -> str:
    """A menu entry as it reads: its access key's "&" gone, a "&&" one "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
