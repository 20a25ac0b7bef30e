"""Model → Versions says when a version's figures rest on too few images to tell models apart: it listed
"acc 1.000 · IoU 0.711 on 2 validation images" under "acc 0.983 · IoU 0.930 on 1000 test images" as if
the two were alike (hunt_rt 2)."""

from __future__ import annotations

from petloc_gui.app.model_metrics import TOO_FEW_MARK as TOO_FEW
from petloc_gui.app.model_metrics import TOO_FEW_SHORT
from petloc_gui.model.versions import VersionStore

from .test_versions_menu_split import _version


def test_figures_on_two_images_are_marked_too_few(qtbot, tmp_path):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore(tmp_path / "models")
    _version(store, "few", {"n_images": 2, "accuracy": 1.0, "mean_iou": 0.711, "split": "validation report part"})
    _version(store, "many", {"n_images": 1000, "accuracy": 0.983, "mean_iou": 0.93, "split": "test"})
    _version(store, "none", {"n_images": 0, "split": "none (no validation images held out)"})
    actions = VersionsMenu(store, lambda: "digits").version_actions()
    entries, tips = {a.data(): a.text() for a in actions}, {a.data(): a.toolTip() for a in actions}
    assert f"on 2 validation images · {TOO_FEW_SHORT}" in entries["few"]  # in short; whole in its tooltip
    assert f"on 2 validation images ({TOO_FEW})" in tips["few"]
    assert all(TOO_FEW_SHORT not in entries[name] and TOO_FEW not in tips[name] for name in ("many", "none"))
