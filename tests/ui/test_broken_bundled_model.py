"""A bundled model whose model.keras is broken is passed over, and said so.

Before: a folder without boxes got digits or pets by image size whatever state their model file was
in, so the window and `petloc predict` chose a broken bundled model and failed every time; and a
boxed folder whose classes only the broken bundled model knew heard "no available model knows ..."
with no word of why.
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
from .test_broken_model_versions import digit_folder, digit_version

DIGITS = [str(n) for n in range(10)]


bundle = fake_bundle


@pytest.fixture
def resources(tmp_path, monkeypatch):
    """Bundled models in a resources folder of their own: pets usable, digits with an empty model.keras."""
    root = tmp_path / "resources"
    bundle(root / "models" / "pets", ["cat", "dog"])
    bundle(root / "models" / "digits", DIGITS, "empty")
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(root))
    return root


def canvases(root: Path, n: int = 3) -> Path:
    """75x75 digit canvases without boxes: chosen for by image size (digits)."""
    root.mkdir(parents=True)
    for i in range(n):
        Image.new("RGB", (75, 75), (i * 30, 0, 0)).save(root / f"c{i}.png")
    return root


def test_a_folder_without_boxes_passes_over_a_broken_bundled_model(tmp_path, resources):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    folder = canvases(tmp_path / "canvases")

    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec is None  # not pets: its cat and dog would be boxes on digit canvases
    assert choice.note == "the bundled model digits cannot be used: model.keras is empty"
    assert "digits, chosen by image size, cannot be used (model.keras is empty)" in choice.reason

    retrain = bundle(store.root / "digits" / "v1", DIGITS)  # a retrain of digits: its classes
    bundle(store.root / "digits" / "v2", ["3", "7"])  # newer, but other classes
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == str(retrain) and "digits cannot be used" in choice.note

    add_model_file(resources / "models" / "digits")  # repaired: chosen again, and nothing to say
    choice = choose_model(open_dataset(folder), store, memory)
    assert (choice.spec, choice.note) == ("digits", "")


def test_a_boxed_folder_hears_why_the_bundled_model_that_knows_its_classes_is_not_used(tmp_path, resources):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    folder = digit_folder(tmp_path / "f")  # boxed 3 and 7: only digits knows them
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec is None and choice.note == "the bundled model digits cannot be used: model.keras is empty"
    good = digit_version(store, "good", "ok")
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == str(good) and choice.note == ""  # it fits better than digits did: nothing passed over


def test_the_window_says_the_bundled_model_cannot_be_used_and_finds_one_once_a_class_is_boxed(
        qtbot, window, tmp_path, resources):
    folder = canvases(tmp_path / "canvases")
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    assert window.current_model_spec() == "" and window.current_model_info() is None
    assert "the bundled model digits, chosen by image size, cannot be used" in window.model_problem
    assert window.model_status.text() == "No usable model"
    assert window.models.new_classes.isHidden()  # no classes to train for: no "Train a model" bar
    assert window.statusBar().currentMessage() == "The bundled model digits cannot be used: model.keras is empty."

    good = digit_version(VersionStore(), "good", "ok")  # knows 3 and 7
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    window.models.labels_changed({"3"})  # a first box: a model that knows its class is chosen
    assert window.current_model_spec() == str(good)


@pytest.mark.parametrize("meta, why", [("{", "meta.json cannot be read"), (None, "meta.json is missing"),
                                       ("[1, 2]", "meta.json is not a JSON object")])
def test_a_bundled_model_whose_meta_json_is_broken_is_passed_over_too(tmp_path, resources, meta, why):
    add_model_file(resources / "models" / "digits")  # its model file is fine
    path = resources / "models" / "digits" / "meta.json"
    if meta is None:
        path.unlink()
    else:
        path.write_text(meta)
    choice = choose_model(open_dataset(canvases(tmp_path / "canvases")), VersionStore(tmp_path / "models"),
                          FolderMemory(tmp_path / "m.json"))
    assert choice.spec is None and choice.note.startswith(f"the bundled model digits cannot be used: {why}")


def test_versions_greys_a_broken_bundled_model_with_why(resources, tmp_path):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    menu = VersionsMenu(VersionStore(tmp_path / "models"), lambda: "pets")
    entries = {a.data(): a for a in menu.bundled_actions()}
    digits, pets = entries["bundled:digits"], entries["bundled:pets"]
    assert not digits.isEnabled() and digits.text() == "Bundled: digits  ·  cannot be used: model.keras is empty"
    assert digits.toolTip() == f"{resources / 'models' / 'digits'}: model.keras is empty"
    assert pets.isEnabled() and pets.isChecked()


def test_the_model_menu_greys_a_broken_bundled_model_and_retrain_does_not_fine_tune_it(qtbot, window, resources):
    from PySide6.QtWidgets import QMenu

    from petloc_gui.ui.training.fine_tune_readable import is_readable_model

    digits, pets = window.models._actions["digits"], window.models._actions["pets"]
    menu = next(o for o in digits.associatedObjects() if isinstance(o, QMenu))
    menu.aboutToShow.emit()  # the Model menu opens
    assert not digits.isEnabled() and digits.toolTip() == "cannot be used: model.keras is empty"
    assert pets.isEnabled() and not pets.toolTip().startswith("cannot")
    assert not is_readable_model("digits") and is_readable_model("pets")  # Ctrl+T: from scratch only


def test_a_broken_model_that_knows_every_class_is_the_reason_given(qtbot, window, tmp_path, resources):
    """The bar said "No available model knows the classes 3, 7 ..." with the real reason (the bundled digits
    model is broken) on the status line for 15 s only."""
    folder = digit_folder(tmp_path / "f")  # boxed 3 and 7: only digits knows them
    choice = choose_model(open_dataset(folder), VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json"))
    assert choice.reason == choice.broken_fit == ("the bundled model digits knows every class of this folder but "
                                                  "cannot be used (model.keras is empty)")
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    bar = window.models.new_classes.message.text()
    assert bar.startswith("The bundled model digits knows every class of this folder but cannot be used "
                          "(model.keras is empty), so nothing is predicted.")
    assert "No model for this folder: the bundled model digits knows every class" in window.model_problem


def test_the_bar_names_only_classes_no_model_knows_when_one_is_boxed_again(qtbot):
    """A class renamed and one box undone back: "3" is boxed again and the digits model knows it."""
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    counts = {"three": 2}
    bar = NewClassesBar(None, lambda: counts)
    qtbot.addWidget(bar)
    bar.show_for(frozenset({"three"}), frozenset(DIGITS))
    counts["3"] = 1
    bar.refresh()
    text = bar.message.text()
    assert text.startswith("No available model knows the class three of this folder") and "3," not in text
    assert "still needed: 3 (2 more), three (1 more)" in text
