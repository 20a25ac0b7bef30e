"""Model → Versions at scale 1.5 on a 1366 px screen (911 logical px, the font as wide in them as at scale 1): the
new run's entry was wider than the screen and ended "… · pets-20261206T095852Z-329e98 · new: not kep", the mark the
Retraining window tells the user to look for cut first, as it came last (date · figures · id · mark). The mark now
comes right after the date, and an entry is held to the screen: its id shortened to its end where it does not fit
(the whole in its tooltip, with the version's path), then its end elided."""

from __future__ import annotations

import json

from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file

LOGICAL_WIDTH = 911  # 1366 px at QT_SCALE_FACTOR=1.5
NEW = "pets-20261206T095852Z-329e98"  # the hunt's two runs
OLDER = "pets-20261206T095433Z-cb91a9"
FIGURES = {"n_images": 6, "accuracy": 0.8333, "mean_iou": 0.659, "split": "validation"}


def _store(tmp_path) -> VersionStore:
    store = VersionStore(tmp_path / "models")
    for name, created in ((OLDER, "2026-12-06T09:54:33"), (NEW, "2026-12-06T09:58:52")):
        folder = store.root / "pets" / name
        folder.mkdir(parents=True)
        meta = {"format_version": 1, "preset": "pets", "class_names": ["cat", "dog", "feline"],
                "input_size": [32, 32], "metrics": FIGURES}
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        (folder / "version.json").write_text(json.dumps({"id": name, "created": created, "metrics": FIGURES}),
                                             encoding="utf-8")
        add_model_file(folder)
    return store


def _menu(qtbot, store, monkeypatch, width: int):
    from petloc_gui.ui.models import model_versions_menu

    monkeypatch.setattr(model_versions_menu, "screen_width", lambda widget: width)
    menu = model_versions_menu.VersionsMenu(store, lambda: "pets", undecided=lambda: NEW)
    qtbot.addWidget(menu)
    return menu, {action.data(): action for action in menu.version_actions()}


def test_the_new_mark_comes_before_the_figures_and_the_id(qtbot, tmp_path, monkeypatch):
    from petloc_gui.ui.models.model_versions_menu import UNDECIDED

    _, actions = _menu(qtbot, _store(tmp_path), monkeypatch, 4000)  # room for every entry whole: none shortened
    text = actions[NEW].text()
    assert UNDECIDED in text and NEW in text and "…" not in text, text
    assert text.index(UNDECIDED) < text.index("acc 0.833") < text.index(NEW), text
    assert UNDECIDED not in actions[OLDER].text() and actions[OLDER].text().endswith(OLDER)


def test_at_scale_1_5_on_a_1366_px_screen_the_menu_fits_and_the_mark_is_whole(qtbot, tmp_path, monkeypatch):
    from petloc_gui.ui.models.model_versions_menu import UNDECIDED

    store = _store(tmp_path)
    menu, actions = _menu(qtbot, store, monkeypatch, LOGICAL_WIDTH)
    assert menu.sizeHint().width() <= LOGICAL_WIDTH, [a.text() for a in menu.actions()]
    new = actions[NEW]
    assert UNDECIDED in new.text() and "acc 0.833" in new.text(), new.text()
    assert str(store.root / "pets" / NEW) in new.toolTip()  # the whole id, where the entry shortened it
    # a damaged record's note, which takes its entry past the screen again: cut at its end, its figures kept
    (store.root / "pets" / OLDER / "version.json").write_text("{not json", encoding="utf-8")
    menu.rebuild()
    older = next(action for action in menu.version_actions() if action.data() == OLDER)
    assert "acc 0.833" in older.text() and "note: " in older.text() and older.text().endswith("…"), older.text()
    assert menu.sizeHint().width() <= LOGICAL_WIDTH

