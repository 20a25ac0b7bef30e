"""A folder remembering pets, whose pets fails to load (a damaged installation) and which no other model fits,
was told to fine-tune pets by picking it (the new-classes bar: "to fine-tune pets with these classes instead, pick
it first (Model → Bundled: pets)"), which loaded the same broken file; and its error box said "Model → Versions
picks another model for the folder" with no other model there to pick. The bar now leaves the pick out while pets
is passed over (`LoadFailed.rule_store`), and the box says Model → Versions only where it lists another model."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle
from tests.ui.conftest import PRED, Box, FakeFactory, write_annotation, write_image

from .model_chosen import wait_model_chosen

VERSIONS_PICKS = "Model → Versions picks another model"


@pytest.fixture
def factory():
    return FakeFactory(dict(PRED), fail={"pets"})


@pytest.fixture
def folder(tmp_path):
    """Photos boxed cat x3, dog x1: only pets knows both."""
    root = tmp_path / "f"
    root.mkdir()
    for i, (name, label) in enumerate([("a.png", "cat"), ("b.png", "cat"), ("c.png", "cat"), ("d.png", "dog")]):
        write_image(root / name, seed=i)
        write_annotation(root / name, [(label, Box(10, 10, 50, 50))])
    return root


@pytest.fixture(autouse=True)
def resources(tmp_path, monkeypatch):
    """Only pets installed: digits' folder is missing (not usable, greyed in Model → Versions)."""
    root = tmp_path / "resources"
    fake_bundle(root / "models" / "pets", ["cat", "dog"])
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(root))
    return root


def _opened_without_a_model(qtbot, window, folder) -> tuple[str, str]:
    """The error box's text and the new-classes bar's, once ``folder`` (remembering pets) is open."""
    FolderMemory().remember(folder, "pets")
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=10_000)
    assert window.current_model_spec() in ("", None)
    return window.models.error_box.text(), " ".join(label.text() for label in bar.findChildren(QLabel))


def test_the_bar_does_not_offer_the_bundled_model_that_failed_to_load(qtbot, window, folder, factory):
    box, bar = _opened_without_a_model(qtbot, window, folder)
    assert "could not be loaded: no other model can be used" in box
    assert "Model → Retrain… trains" in bar
    assert "fine-tune pets" not in bar and "Bundled: pets" not in bar


def test_the_box_names_model_versions_only_with_another_model_there(qtbot, window, folder, factory):
    box, _bar = _opened_without_a_model(qtbot, window, folder)
    assert VERSIONS_PICKS not in box
    assert "no other model to pick" in box


def test_the_box_still_names_model_versions_with_a_version_there(qtbot, window, folder, factory):
    fake_bundle(VersionStore().root / "digits" / "d1", ["3", "7"], preset="digits")  # knows neither cat nor dog
    box, _bar = _opened_without_a_model(qtbot, window, folder)
    assert VERSIONS_PICKS in box
