"""Model → Versions → a version deleted while the menu was open: the box saying so is titled "Model versions".

It said "The model version … is no longer on disk." in a box titled "Retraining", though nothing was retrained.
"""

from __future__ import annotations

import shutil

from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.training.retrain_controller import install_retraining
from tests.model_files import fake_bundle

from .conftest import open_and_wait


def test_a_pick_of_a_version_gone_from_disk_is_said_in_a_model_versions_box(qtbot, window, folder):
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder, model="pets")
    store = VersionStore()
    staging = store.new_staging_dir("pets")
    fake_bundle(staging, ["cat", "dog"], preset="pets")
    version = store.commit(staging)
    shutil.rmtree(version.path)  # deleted (another window, `petloc models --delete`) while the menu was open

    controller.roll_back(version)

    box = controller.last_message_box
    assert box is not None and box.text() == f"The model version {version.id} is no longer on disk."
    assert box.windowTitle() == "Model versions"
    box.close()
