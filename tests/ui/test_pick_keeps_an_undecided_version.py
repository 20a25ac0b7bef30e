"""A trained version nobody kept or discarded yet (version.json ``"decided": false``: the window that trained it
closed while its new model waited for Use / Discard) is kept by a pick once the pick has loaded, whichever way it
was picked: Model → Versions, a version folder opened from the model dialog, ``petloc-gui --model digits/<id>``.

Before, Model → Versions recorded it kept as soon as it was asked for: a pick whose load failed went back to the
model used before ("one that fails to load is not remembered") and still erased "decided": false; and the model
dialog and --model used such a version without recording the choice at all.
"""

from __future__ import annotations

import pytest

from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.training.retrain_controller import install_retraining
from tests.model_files import fake_bundle

from .conftest import open_and_wait


def _undecided_version():
    store = VersionStore()
    staging = store.new_staging_dir("pets")
    fake_bundle(staging, ["cat", "dog"], preset="pets")
    return store.commit(staging, decided=False)  # as the window commits its new model before Use / Discard


def _undecided(version) -> bool:
    return VersionStore().get(version.id).undecided


def _loaded(window, spec) -> bool:
    info = window.current_model_info()
    return info is not None and info.spec == spec


def test_a_versions_pick_that_fails_to_load_leaves_the_version_undecided(qtbot, window, folder, factory):
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder, model="pets")
    version = _undecided_version()
    factory.fail.add(str(version.path))

    controller.roll_back(version)  # Model → Versions → that version

    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    assert "Back to pets" in window.models.error_box.text()
    qtbot.waitUntil(lambda: _loaded(window, "pets"), timeout=10_000)
    assert _undecided(version)  # nothing used it: the choice is still to make


def test_a_versions_pick_that_loads_keeps_the_version(qtbot, window, folder):
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder, model="pets")
    version = _undecided_version()

    controller.roll_back(version)

    qtbot.waitUntil(lambda: _loaded(window, str(version.path)), timeout=10_000)
    assert not _undecided(version)


def test_a_version_folder_opened_from_the_model_dialog_is_kept_once_loaded(qtbot, window, folder):
    open_and_wait(qtbot, window, folder, model="pets")
    version = _undecided_version()

    window.models.choose(str(version.path))  # Model → Open model folder… (`ask_folder`)
    assert _undecided(version)  # not before it has loaded

    qtbot.waitUntil(lambda: _loaded(window, str(version.path)), timeout=10_000)
    assert not _undecided(version)


@pytest.mark.parametrize("named", ["store name", "path"])
def test_a_version_given_to_petloc_gui_model_is_kept_once_loaded(qtbot, window, folder, named):
    version = _undecided_version()
    spec = f"pets/{version.id}" if named == "store name" else str(version.path)

    open_and_wait(qtbot, window, folder, model=spec)  # petloc-gui FOLDER --model pets/<id>

    qtbot.waitUntil(lambda: _loaded(window, spec), timeout=10_000)
    assert not _undecided(version)


def test_an_adopted_version_is_left_to_the_retraining_window(qtbot, window, folder):
    # Use / Keep record the choice themselves (`RetrainController._mark_decided`): adopting alone keeps nothing
    open_and_wait(qtbot, window, folder, model="pets")
    version = _undecided_version()

    window.models.adopt(str(version.path))

    qtbot.waitUntil(lambda: _loaded(window, str(version.path)), timeout=10_000)
    assert _undecided(version)
