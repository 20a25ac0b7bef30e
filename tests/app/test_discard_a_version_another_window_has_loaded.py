"""A version another running petloc window has loaded is kept when it is discarded, whatever folder_models.json says.

Two windows on one folder: the first trained a new model, the second picked it from Model → Versions, then the
first picked Bundled: pets for the folder (folder_models.json said "pets") and discarded the new model: its folder
was deleted. The second window went on showing it as its model, its Versions menu lost it, and its Retrain dialog
greyed out fine-tuning ("The current model cannot be read").
"""

from __future__ import annotations

import json
import os

import pytest

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.app.version_users import discard_unused
from petloc_gui.model.versions import VersionInUse, VersionStore
from tests.model_files import keras_like_zip
from tests.other_window import other_window


def _version(store: VersionStore, preset: str = "photo"):
    staging = store.new_staging_dir(preset)
    (staging / "meta.json").write_text(json.dumps({"preset": preset}), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)


@pytest.fixture
def store(_isolated_user_data):
    return VersionStore()  # the data folder's: the other window's too


@pytest.fixture
def memory(tmp_path):
    memory = FolderMemory()
    memory.remember(tmp_path / "pets-folder", "pets")  # the first window picked the bundled model last
    return memory


def test_a_version_a_running_window_has_loaded_is_kept_and_the_window_named(store, memory):
    version = _version(store)
    other = other_window(str(version.path))
    try:
        with pytest.raises(VersionInUse) as kept:
            discard_unused(store, version.id, memory)
    finally:
        other.communicate("", timeout=30)

    assert version.path.is_dir() and store.get(version.id) == version  # still in Model -> Versions
    assert kept.value.users == ()  # no folder remembers it
    assert kept.value.why == f"another petloc window has it loaded as its model (process {other.pid})"
    assert str(kept.value) == kept.value.why
    assert [p.name for p in version.path.iterdir() if p.name.startswith(".in-use.")] == []  # closed: unmarked


def test_once_that_window_has_closed_the_version_is_deleted(store, memory):
    version = _version(store)
    other_window(str(version.path)).communicate("", timeout=30)

    discard_unused(store, version.id, memory)

    assert not version.path.exists() and store.list() == []


def test_a_killed_window_s_mark_does_not_keep_it(store, memory):
    version = _version(store)
    other = other_window(f"photo/{version.id}", ending="killed")  # loaded by the name `petloc models` lists
    other.kill()
    other.communicate(timeout=30)
    assert [p.name for p in version.path.iterdir() if p.name.startswith(".in-use.")]  # left behind

    discard_unused(store, version.id, memory)

    assert not version.path.exists() and store.list() == []


def test_a_window_that_moved_on_to_another_model_does_not_keep_it(store, memory):
    from petloc_gui.app.version_marks import LoadedVersionMark

    version, other_version = _version(store), _version(store)
    mark = LoadedVersionMark()  # a window of this process: it had the version, then took another
    mark.loaded(str(version.path / "model.keras"))
    mark.loaded(str(other_version.path))
    try:
        discard_unused(store, version.id, memory)
        with pytest.raises(VersionInUse) as kept:
            discard_unused(store, other_version.id, memory)
    finally:
        mark.release()

    assert not version.path.exists() and other_version.path.is_dir()
    assert kept.value.why == "this window still has it loaded"


def test_both_a_folder_and_a_window_are_named(store, memory, tmp_path):
    version = _version(store)
    memory.remember(tmp_path / "teammate", str(version.path))
    other = other_window(str(version.path))
    try:
        with pytest.raises(VersionInUse) as kept:
            discard_unused(store, version.id, memory)
    finally:
        other.communicate("", timeout=30)

    assert kept.value.users == (os.path.realpath(tmp_path / "teammate"),)
    assert "another petloc window has it loaded" in kept.value.why and version.path.is_dir()
