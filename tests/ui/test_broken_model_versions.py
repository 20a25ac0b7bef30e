"""A model version whose model.keras is missing or broken is never chosen, listed greyed with why, and a
pick is remembered for a folder only once it has loaded.

Before: such a version (listing read only meta.json) was listed like a healthy one, chosen for a folder
whose classes it knew over the bundled model that would work, and a pick from Model → Versions was
remembered before it loaded, so every later visit to the folder failed with no fallback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from petloc_gui.app.model_choice import FolderMemory, choose_model
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file, fake_bundle

from .model_chosen import wait_model_chosen

VOC = ("<annotation><filename>{name}</filename><size><width>40</width><height>30</height><depth>3</depth></size>"
       "<object><name>{label}</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>20</xmax><ymax>20</ymax></bndbox>"
       "</object></annotation>")


def digit_folder(root: Path, labels=("3", "7", "3")) -> Path:
    """Photos boxed as digits: the bundled digits model knows their classes."""
    root.mkdir(parents=True)
    for i, label in enumerate(labels):
        image = root / f"img_{i:03d}.png"
        Image.new("RGB", (40, 30), (i * 20, 90, 140)).save(image)
        image.with_suffix(".xml").write_text(VOC.format(name=image.name, label=label))
    return root


def digit_version(store: VersionStore, name: str, model_file: str) -> Path:
    """A stored version that knows exactly 3 and 7 (fewer extra classes than the bundled digits, so
    it is preferred when usable); its model.keras is ``model_file``: "ok", "missing", "empty"."""
    return fake_bundle(store.root / "digits" / name, ["3", "7"], model_file, preset="digits")


@pytest.mark.parametrize("broken", ["missing", "empty"])
def test_a_version_whose_model_file_is_broken_is_not_chosen(tmp_path, broken):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    folder = digit_folder(tmp_path / "f")
    digit_version(store, "broken", broken)
    assert choose_model(open_dataset(folder), store, memory).spec == "digits"  # the bundled one works
    good = digit_version(store, "good", "ok")
    assert choose_model(open_dataset(folder), store, memory).spec == str(good)


def test_a_remembered_model_that_is_broken_is_passed_over_and_said_so(tmp_path):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    folder = digit_folder(tmp_path / "f")
    broken = digit_version(store, "broken", "missing")
    memory.remember(folder, str(broken))
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == "digits" and not choice.remembered
    assert str(broken) in choice.note and "model.keras is missing" in choice.note
    assert memory.get(folder) == str(broken)  # the memory stays: a repaired model comes back
    add_model_file(broken)
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == str(broken) and choice.remembered and choice.note == ""


def test_the_versions_menu_greys_a_broken_version_and_says_why(qtbot, tmp_path):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore(tmp_path / "models")
    good = digit_version(store, "good", "ok")
    broken = digit_version(store, "broken", "empty")
    menu = VersionsMenu(store, lambda: "digits")
    assert [a.data() for a in menu.version_actions()] == ["good"] and menu.version_actions()[0].isEnabled()
    [entry] = menu.unusable_actions()
    assert not entry.isEnabled() and "digits/broken" in entry.text() and "cannot be used" in entry.text()
    assert entry.toolTip().startswith(f"{broken}: model.keras is empty")
    assert menu.toolTipsVisible()
    assert good.is_dir()


def test_a_folder_whose_remembered_model_is_broken_opens_with_another_and_says_so(qtbot, window, tmp_path):
    folder = digit_folder(tmp_path / "digits")
    broken = digit_version(VersionStore(), "broken", "missing")
    FolderMemory().remember(folder, str(broken))
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    assert window.current_model_spec() == "digits"
    message = window.statusBar().currentMessage()
    assert "The model this folder last used" in message and "model.keras is missing" in message


def test_a_pick_is_remembered_for_the_folder_once_it_has_loaded(qtbot, window, folder, factory):
    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder, model=None)
    assert window.current_model_spec() == "pets" and FolderMemory().get(folder) is None
    factory.fail.add("digits")
    window.models.choose("digits")  # fails to load: not remembered, and the window goes back to pets
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    assert "Back to pets, the model used before" in window.models.error_box.text()
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "pets" and window.model_problem is None
    assert FolderMemory().get(folder) is None
    assert not window.models.explicit  # pets was the folder's automatic choice, and stays one

    factory.fail.clear()
    window.models.choose("digits")
    assert FolderMemory().get(folder) is None  # not yet: it is loading
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert FolderMemory().get(folder) == "digits" and window.models.explicit


def test_a_pick_switched_away_from_before_it_loads_is_not_remembered(qtbot, window, folder):
    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder, model=None)
    window.models.choose("digits")
    window.models.set_model("pets")  # e.g. the folder's classes re-chose the model meanwhile
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert FolderMemory().get(folder) is None


def test_a_bundled_model_whose_model_file_is_missing_is_not_chosen(tmp_path, monkeypatch):
    import shutil

    from petloc_gui.core.paths import resources_dir

    resources = tmp_path / "resources"
    shutil.copytree(resources_dir() / "models" / "digits", resources / "models" / "digits",
                    ignore=shutil.ignore_patterns("*.keras", "*.tflite"))  # an install that lost its model file
    monkeypatch.setattr("petloc_gui.app.model_choice.resources_dir", lambda: resources)
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    choice = choose_model(open_dataset(digit_folder(tmp_path / "f")), store, memory)
    assert choice.spec is None  # no usable model knows 3 and 7
    add_model_file(resources / "models" / "digits")
    assert choose_model(open_dataset(tmp_path / "f"), store, memory).spec == "digits"
