"""The window marks the store version it has loaded (`app.version_marks`), so that Discard in another window keeps
it, and its new-classes bar forgets a version Discard deleted.

Two windows on one folder: the second picked the first's new model from Model → Versions, the first then picked
Bundled: pets (folder_models.json said "pets") and discarded the new model: deleted, though the second window
predicted with it. And the first window's bar went on saying the deleted version knew every class of the folder.
"""

from __future__ import annotations

import pytest

from petloc_gui.app.version_users import discard_unused
from petloc_gui.core import in_use_marks
from petloc_gui.core.abandoned_folders import writer_tag
from petloc_gui.model.versions import VersionInUse, VersionStore
from tests.model_files import fake_bundle

from .conftest import open_and_wait


def test_the_version_in_use_is_marked_until_the_window_takes_another_model_or_closes(qtbot, window, folder):
    store = VersionStore()
    version = fake_bundle(store.root / "photo" / "be0cee", ["cat", "dog"], preset="photo")
    open_and_wait(qtbot, window, folder, model=None)
    assert in_use_marks.users(version) == []  # the bundled model: nothing marked

    window.models.choose(str(version))  # Model → Versions → be0cee
    assert in_use_marks.users(version) == [writer_tag()]
    with pytest.raises(VersionInUse, match="this window still has it loaded"):
        discard_unused(store, "be0cee")

    window.models.choose("pets")  # Model → Bundled: pets
    assert in_use_marks.users(version) == []

    window.models.choose(f"photo/{version.name}")  # as `petloc models` names it (petloc-gui --model)
    assert in_use_marks.users(version) == [writer_tag()]
    window.shutdown()  # the window closes
    assert in_use_marks.users(version) == [] and not [p for p in version.iterdir() if p.name.startswith(".in-use")]


def test_the_bar_stops_naming_a_version_discard_deleted(qtbot, window, folder):
    from petloc_gui.ui.training.retrain_controller import install_retraining

    store = VersionStore()
    fake_bundle(store.root / "photo" / "be0cee", ["cat", "dog", "kitten"], preset="photo")  # knows every class
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder, model=None)
    window.models.choose("pets")  # Model → Bundled: pets (kept whatever the classes)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    window.show_row(0)
    window.edits.set_label("kitten")
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert "photo/be0cee knows every class of this folder" in bar.message.text()
    controller.new_version = store.get("be0cee")  # a run's new model, waiting for Use / Discard

    assert controller.discard_new_model() == ""

    assert store.list() == [] and bar.isVisible()  # deleted; the bar still names the class kitten
    assert "does not know the class kitten" in bar.message.text() and "be0cee" not in bar.message.text()
