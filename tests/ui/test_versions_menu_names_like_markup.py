"""Model → Versions names folders as they are in its tooltips and its box. With PETLOC_DATA_DIR (or the bundled models'
folder) under "<b>data", each tooltip's first line, the model's path, began a tag: Qt took the tooltip for HTML and
drew the path without "<b>" (its lines run together), and "Open the versions folder" said the same in its box (an
"<img src=…>" in a name had Qt load a local file)."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle

from .shown_text import shown
from .test_broken_model_versions import digit_version

MARKED = "<b>data"


def _menu(store: VersionStore):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    return VersionsMenu(store, lambda: "digits")


def test_a_versions_tooltip_names_its_folder_as_it_is(qtbot, tmp_path):
    store = VersionStore(tmp_path / MARKED / "models")
    good = digit_version(store, "good", "ok")
    [entry] = _menu(store).version_actions()
    assert shown(entry.toolTip()).splitlines()[:2] == [str(good), "knows 2 classes: 3, 7"]


def test_a_broken_versions_tooltip_names_its_folder_as_it_is(qtbot, tmp_path):
    store = VersionStore(tmp_path / MARKED / "models")
    broken = digit_version(store, "broken", "empty")
    [entry] = _menu(store).unusable_actions()
    assert shown(entry.toolTip()).startswith(f"{broken}: model.keras is empty")


def test_a_bundled_models_tooltip_names_its_folder_as_it_is(qtbot, tmp_path, monkeypatch):
    resources = tmp_path / MARKED / "resources"
    fake_bundle(resources / "models" / "pets", ["cat", "dog"])
    fake_bundle(resources / "models" / "digits", [str(n) for n in range(10)], "empty")
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(resources))
    entries = {a.data(): a for a in _menu(VersionStore(tmp_path / "models")).bundled_actions()}
    assert shown(entries["bundled:digits"].toolTip()) == f"{resources / 'models' / 'digits'}: model.keras is empty"
    assert shown(entries["bundled:pets"].toolTip()).splitlines()[0] == str(resources / "models" / "pets")


def test_the_versions_folder_box_names_it_as_it_is(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no file manager on this machine
    root = tmp_path / MARKED / "models"
    menu = _menu(VersionStore(root))
    next(a for a in menu.actions() if a.text() == "&Open the versions folder").trigger()
    box = menu.message_box
    assert shown(box.text(), box.textFormat()).endswith(f"It is {root}.")
    box.close()
