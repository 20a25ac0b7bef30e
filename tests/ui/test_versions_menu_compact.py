"""Model → Versions says each version's figures as the status line's compact form does: the figures, their count,
a short form of every caution, the id; the whole text in its tooltip. An entry held the whole caution text ("…on 1
validation image (somewhat optimistic: 1 note says so (version.json basis.hedges); too few images to tell models
apart)"): ~1300 px wide, cut at a 1024 px screen's edge, and it named a file and a key to the user."""

from __future__ import annotations

import json

from petloc_gui.app.model_metrics import ACCEPTED_KEY
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file

OWN = {"n_images": 1, "accuracy": 1.0, "mean_iou": 0.9271, "split": "validation"}
HEDGE = "1 of them holds boxes accepted unchanged from model pets: its figures on it flatter it"
KEPT = {**OWN, "basis": {"n_validation": 1, "images": "images neither model trained on", "hedges": [HEDGE]}}
ID = "pets-20261205T100740Z-b9ae34"
FIGURES = "acc 1.000 · IoU 0.927 on 1 validation image"


def _store(tmp_path) -> VersionStore:
    """A version kept in the window (version.json: the comparison's figures and hedges; its meta.json's own
    figures on an accepted box) and one `petloc train` stored (its meta.json's figures and accepted record)."""
    store = VersionStore(tmp_path / "models")
    for name, record in ((ID, {"id": ID, "created": "2026-12-05T10:07:40", "metrics": KEPT}), ("own", None)):
        folder = store.root / "pets" / name
        folder.mkdir(parents=True)
        meta = {"format_version": 1, "preset": "pets", "class_names": ["cat"], "input_size": [32, 32],
                "metrics": OWN, ACCEPTED_KEY: {"n_images": 1, "n_scored": 1}}
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        if record:
            (folder / "version.json").write_text(json.dumps(record), encoding="utf-8")
        add_model_file(folder)
    return store


def test_an_entry_says_the_figures_their_count_and_every_caution_in_short(qtbot, tmp_path, monkeypatch):
    from petloc_gui.ui.models import model_versions_menu
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    monkeypatch.setattr(model_versions_menu, "screen_width", lambda widget: 1024)  # (the tests' screen: 800 px)
    menu = VersionsMenu(_store(tmp_path), lambda: "pets")
    actions = {a.data(): a for a in menu.version_actions()}
    kept, own = actions[ID], actions["own"]
    short = f"{FIGURES} · optimistic · too few to compare"
    whole = (f"{FIGURES} (somewhat optimistic: 1 note says so, as recorded when the version was kept; too few images "
             "to tell models apart)")
    assert kept.text().endswith(f"{short}  ·  {ID}") and whole in kept.toolTip().splitlines()
    assert own.text().endswith(f"{FIGURES} · 1/1 accepted · too few to compare  ·  own")
    assert "all 1 holds boxes accepted from a model" in own.toolTip()
    assert all("version.json" not in text for text in (kept.text(), kept.toolTip()))  # not the user's words
    assert menu.toolTipsVisible()  # (a menu shows none otherwise)
    # the menu fits a 1024 px screen; the entry with the whole text did not
    assert menu.sizeHint().width() < 1024 < menu.fontMetrics().horizontalAdvance(kept.text().replace(short, whole))


def test_each_entrys_figures_are_worked_out_once(qtbot, tmp_path, monkeypatch):
    # the menu is rebuilt each time it opens: an entry's figures (every caution read from its record) were worked
    # out twice, for the tooltip's whole text and again for the entry's short form
    from petloc_gui.app import model_metrics
    from petloc_gui.ui.models import model_versions_menu
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    monkeypatch.setattr(model_versions_menu, "screen_width", lambda widget: 1024)  # (the tests' screen: 800 px)
    menu = VersionsMenu(_store(tmp_path), lambda: "pets")
    calls = []
    said = model_metrics.figures_said

    def counted(metrics, split):
        calls.append(split)
        return said(metrics, split)

    monkeypatch.setattr(model_metrics, "figures_said", counted)  # metrics_text's own call
    monkeypatch.setattr(model_versions_menu, "figures_said", counted)
    menu.rebuild()
    entries = menu.version_actions() + [action for action in menu.bundled_actions() if action.isEnabled()]
    assert len(menu.version_actions()) == 2 and len(calls) == len(entries), (calls, [a.text() for a in entries])
    kept = next(action for action in menu.version_actions() if action.data() == ID)
    assert kept.text().endswith(f"{FIGURES} · optimistic · too few to compare  ·  {ID}")  # said as before
