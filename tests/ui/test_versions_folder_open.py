"""Model → Versions → Open the versions folder says why when it cannot show the folder.

Before: with PETLOC_DATA_DIR on a read-only file system and no models/ folder yet, the slot's mkdir raised
an OSError that went to stderr only: nothing visible happened.
"""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from petloc_gui.model.versions import VersionStore


def _open_entry(menu):
    return next(a for a in menu.actions() if a.text() == "&Open the versions folder")


def test_a_versions_folder_that_cannot_be_created_is_said(qtbot, tmp_path, monkeypatch):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")  # mkdir fails as on a read-only disk
    menu = VersionsMenu(VersionStore(blocked / "models"), lambda: "digits")
    _open_entry(menu).trigger()
    assert menu.message_box is not None and not opened
    text = menu.message_box.text()
    assert str(blocked / "models") in text and "cannot be created" in text and "PETLOC_DATA_DIR" in text
    menu.message_box.close()


def test_the_versions_folder_is_created_and_shown_or_its_place_said(qtbot, tmp_path, monkeypatch):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    shown = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: shown.append(url.toLocalFile()) or True)
    root = tmp_path / "models"
    menu = VersionsMenu(VersionStore(root), lambda: "digits")
    _open_entry(menu).trigger()
    assert root.is_dir() and shown == [str(root)] and menu.message_box is None

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no file manager on this machine
    _open_entry(menu).trigger()
    assert menu.message_box is not None and str(root) in menu.message_box.text()
    menu.message_box.close()
