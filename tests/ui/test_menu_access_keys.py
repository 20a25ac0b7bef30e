"""Every entry of every menu of the window has an access key of its own (KDE's and GNOME's guidelines):
View had O twice (Overlay, Zoom out) and R twice (Reset brightness, Sort as review queue), File S twice
(Save, Autosave), and Model → Retrain…, Show training progress, Versions and the model entries had none,
so the menus could not be worked by their keys alone."""

from __future__ import annotations

import json

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from tests.model_files import add_model_file

from .conftest import open_and_wait


def _key(text: str) -> str:
    """The access key of a menu text ("Zoom o&ut": "U"), "" when it has none."""
    return QKeySequence.mnemonic(text).toString().removeprefix("Alt+").upper()


def _problems(menu: QMenu, path: str) -> list[str]:
    """Entries of ``menu`` (and its submenus) with no access key, or one another entry has."""
    menu.aboutToShow.emit()  # the menus rebuilt as they open (Versions, Open recent) are filled
    problems, seen = [], {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible() or not action.isEnabled():
            continue  # a greyed entry cannot be chosen, by its key or otherwise
        text, key = action.text(), _key(action.text())
        if not key:
            problems.append(f"{path} → {text}: no access key")
        elif key and key in seen:
            problems.append(f"{path} → {text}: {key} as {seen[key]}")
        seen.setdefault(key, text)
        if action.menu() is not None:
            problems += _problems(action.menu(), f"{path} → {text}")
    return problems


def _trained_version(store, version_id: str, created: str, preset: str = "pets") -> None:
    folder = store.root / preset / version_id
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": "pets", "class_names": ["cat"],
                                                  "input_size": [32, 32]}), encoding="utf-8")
    (folder / "version.json").write_text(json.dumps({"id": version_id, "created": created}), encoding="utf-8")
    add_model_file(folder)


def test_every_menu_entry_has_an_access_key_of_its_own(qtbot, window, folder):
    from petloc_gui.ui.app import install_retraining

    install_retraining(window)
    open_and_wait(qtbot, window, folder)  # File → Open recent lists it
    store = window.retrain_controller.store
    for n in range(12):  # more versions than digits: the letters the menu leaves go on
        _trained_version(store, f"v{n:02d}", f"2026-12-01T10:{n:02d}:00")
    problems = []
    for entry in window.menuBar().actions():
        assert _key(entry.text()), entry.text()
        problems += _problems(entry.menu(), entry.text().replace("&", ""))
    assert problems == []
    versions = window.retrain_controller.versions_menu
    assert len(versions.version_actions()) == 12  # all listed, and checked above


def test_an_ampersand_in_a_version_name_is_shown_not_taken_for_a_key(qtbot, tmp_path):
    from petloc_gui.model.versions import VersionStore
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore(tmp_path / "models")
    _trained_version(store, "v1", "2026-12-01T10:00:00", preset="cats&dogs")  # a store folder of that name
    menu = VersionsMenu(store, lambda: "pets")
    [entry] = menu.version_actions()
    assert _key(entry.text()) == "1" and "cats&&dogs" in entry.text()


def test_an_ampersand_in_a_recent_folder_is_shown_not_taken_for_a_key(qtbot, tmp_path):
    from petloc_gui.ui.folders import RecentFoldersMenu
    from petloc_gui.ui.settings import Settings

    folder = tmp_path / "cats&dogs"
    folder.mkdir()
    settings = Settings(str(tmp_path / "petloc.conf"))
    settings.recent_folders = [str(folder)]
    menu = RecentFoldersMenu(settings, lambda f: None)
    entry = menu.actions()[0]
    assert _key(entry.text()) == "1" and "cats&&dogs" in entry.text()
    assert _key(menu.actions()[-1].text()) == "C"  # Clear the list
