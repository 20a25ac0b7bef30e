"""Retrain on a folder, "Use the new model", quit at once (Ctrl+Q, a crash, a kill): reopened, the folder used the
model it had before, while Model → Versions showed the new version as kept and folder_models.json had no entry
for the folder (a hunt's find). Use on the run's own folder switched to the version (a load in the prediction
worker) and marked it decided at once, and the folder remembered it only once that load had finished, by then
the window was gone. Use now remembers it for the folder at once, as Keep on quitting and Use from another
folder do.

A folder may so remember a version that then fails to load (a model file Keras cannot read, though it looks
whole): the window goes back to the model used before and says the folder keeps the version; opened again,
the folder's remembered model failing to load is said, and the window falls back to the model the folder's
classes would have without it (the memory stays: a repaired model comes back), never left with no model."""

from __future__ import annotations

import pytest

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle
from tests.ui.conftest import write_annotation
from tests.ui.standin_run import finished_standin_run

from .model_chosen import wait_model_chosen

pytestmark = pytest.mark.slow  # starts a child process


@pytest.fixture
def trained(qtbot, window, folder):
    """The real window with a finished run on ``folder`` whose new model waits for Use / Discard."""
    controller = finished_standin_run(qtbot, window, folder)
    yield controller, controller.new_version
    controller.new_version = None  # the window fixture's own close must not ask
    controller.shutdown()


def test_use_then_an_immediate_quit_keeps_the_new_model_for_the_folder(qtbot, window, folder, trained):
    controller, version = trained
    assert FolderMemory().get(folder) is None  # (opened with --model fake: not remembered)
    controller.use_new_model()
    window.close()  # before the prediction worker's "loaded" reaches the window: no event loop ran
    assert not window.isVisible() and controller.new_version is None
    assert FolderMemory().get(folder) == str(version.path)
    assert not VersionStore().get(version.id).undecided


def test_use_whose_load_fails_goes_back_and_says_the_folder_keeps_it(qtbot, window, folder, factory, trained):
    controller, version = trained
    factory.fail.add(str(version.path))
    controller.use_new_model()
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    text = window.models.error_box.text()
    assert "Back to fake, the model used before, for now" in text and "the folder's model is unchanged" not in text
    assert "The folder keeps it as its model" in text and "tried again" in text
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "fake"
    assert FolderMemory().get(folder) == str(version.path)


def test_a_folder_whose_remembered_model_fails_to_load_says_so_and_falls_back(qtbot, window, folder, factory):
    from .conftest import Box

    write_annotation(folder / "d.png", [("fox", Box(30, 30, 70, 70))])  # a class only the version knows
    version = fake_bundle(VersionStore().root / "pets" / "pets-fox", ["cat", "dog", "fox"], preset="pets")
    FolderMemory().remember(folder, str(version))
    factory.fail.add(str(version))  # looks whole (`model_problem`), fails in Keras
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    text = window.models.error_box.text()
    assert "This folder's model (the folder remembers it) could not be loaded" in text
    # the rule's choice without it: pets knows the classes of most boxes (the version, the only one knowing fox,
    # is passed over: chosen again, it failed again, and no model was left)
    assert "pets is used instead" in text
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    qtbot.wait(300)  # loaded, the classes are looked at again: fox is unknown to pets, and the version not chosen again
    assert window.current_model_spec() == "pets" and window.model_problem is None
    assert not window.models.explicit
    assert FolderMemory().get(folder) == str(version)  # kept: a repaired model comes back
