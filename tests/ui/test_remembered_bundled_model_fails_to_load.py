"""A folder whose remembered model is a bundled one (pets) that fails to load though its files look whole (a
damaged installation: Keras cannot read its model.keras).

A remembered version that so failed was passed over for the rule's choice (`ui.models.load_failed`), but a
bundled model was not: the rule chose it again at once (it knows the folder's classes, and no store leaves a
bundled model out), so the window was left with no model and a bare "Model failed to load" box at every opening.
It is now passed over as a version is, while the folder is open: the rule's choice without it is used and said
(the classes looked at again once that has loaded do not bring it back), or, with none, no model and why."""

from __future__ import annotations

import dataclasses

import pytest

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle
from tests.ui.conftest import PRED, Box, FakeFactory, write_annotation

from .model_chosen import wait_model_chosen


@dataclasses.dataclass
class CountingFactory(FakeFactory):
    """The window's models, each load asked for recorded (a failed one too)."""

    asked: list = dataclasses.field(default_factory=list)

    def __call__(self, spec: str):
        self.asked.append(spec)
        return super().__call__(spec)


@pytest.fixture
def factory() -> CountingFactory:  # the window fixture's models
    return CountingFactory(dict(PRED), fail={"pets"})  # pets looks whole (`model_problem`), fails in Keras


@pytest.fixture(autouse=True)
def resources(tmp_path, monkeypatch):
    """Bundled models of their own: pets knows cat and dog, digits the ten digits; both look loadable."""
    root = tmp_path / "resources"
    fake_bundle(root / "models" / "pets", ["cat", "dog"])
    fake_bundle(root / "models" / "digits", [str(n) for n in range(10)])
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(root))
    return root


def opened_remembering_pets(qtbot, window, folder) -> str:
    """``folder`` opened while it remembers pets, which fails to load: the error box's text."""
    FolderMemory().remember(folder, "pets")
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    return window.models.error_box.text()


def test_a_remembered_bundled_model_that_fails_to_load_gives_way_to_the_rules_choice_without_it(
        qtbot, window, folder, factory):
    # a class neither pets nor the version knows: the classes of most boxes decide (rule 3), and pets, which knows
    # as many with fewer extra classes, is the rule's choice while it is not passed over
    write_annotation(folder / "d.png", [("bird", Box(30, 30, 70, 70))])
    version = fake_bundle(VersionStore().root / "photo" / "pets-fox", ["cat", "dog", "fox"], preset="photo")
    text = opened_remembering_pets(qtbot, window, folder)
    assert "This folder's model (the folder remembers it) could not be loaded" in text
    assert "pets-fox is used instead" in text
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    qtbot.wait(300)  # loaded, the classes are looked at again: bird is unknown to it, and pets not chosen again
    assert window.current_model_spec() == str(version) and window.model_problem is None
    assert factory.asked == ["pets", str(version)]
    assert not window.models.explicit
    assert FolderMemory().get(folder) == "pets"  # kept: a repaired installation's pets comes back


def test_with_no_other_model_for_the_classes_no_model_is_used_and_the_box_says_why(qtbot, window, folder, factory):
    text = opened_remembering_pets(qtbot, window, folder)
    assert "no other model can be used" in text
    assert "the bundled model pets knows every class of this folder but cannot be used" in text
    assert "reinstall" in text  # the bundled model's files are petloc's own
    qtbot.waitUntil(lambda: window.model_problem is not None, timeout=10_000)
    assert "pets knows every class of this folder but cannot be used" in window.model_problem
    qtbot.wait(300)
    assert window.current_model_spec() == "" and factory.asked == ["pets"]  # not tried again while open


def test_an_unboxed_folder_remembering_it_gives_way_to_the_newest_version_with_its_classes(
        qtbot, window, folder, factory):
    # no boxes: the image-size rule (`choose_by_size`) picks photos' pets, which must be passed over there too,
    # through the store that knows it failed in Keras (its files look whole), for a retrain of it
    for xml in folder.glob("*.xml"):
        xml.unlink()
    version = fake_bundle(VersionStore().root / "photo" / "pets-again", ["cat", "dog"], preset="photo")
    text = opened_remembering_pets(qtbot, window, folder)
    assert "This folder's model (the folder remembers it) could not be loaded" in text
    assert "pets-again is used instead" in text
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    qtbot.wait(300)
    assert window.current_model_spec() == str(version) and window.model_problem is None
    assert factory.asked == ["pets", str(version)]  # pets not tried again
