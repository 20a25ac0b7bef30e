"""A version some folder remembers as its model (folder_models.json) is kept when it is discarded.

Discard deleted the version a run had just made though another window had picked it for a folder meanwhile:
that window went on predicting from memory, its Versions menu lost it, the CLI fell back to the bundled model.
"""

from __future__ import annotations

import json
import os
import threading

import pytest

from petloc_gui.app.folder_memory import LOCK_SUFFIX, FolderMemory
from petloc_gui.app.version_users import discard_unused
from petloc_gui.core.file_lock import exclusive_lock
from petloc_gui.model.versions import VersionInUse, VersionStore
from tests.model_files import keras_like_zip, loadable_meta


def _version(store: VersionStore, preset: str = "digits"):
    staging = store.new_staging_dir(preset)
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset=preset)), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)


@pytest.fixture
def store(tmp_path):
    return VersionStore(tmp_path / "models")


@pytest.fixture
def memory(tmp_path):
    return FolderMemory(tmp_path / "folder_models.json")


def test_a_version_a_folder_remembers_is_kept_and_the_folder_named(store, memory, tmp_path):
    version, other = _version(store), _version(store)
    teammate = tmp_path / "teammate"
    teammate.mkdir()
    memory.remember(teammate, str(version.path))  # picked from Model -> Versions in another window
    memory.remember(tmp_path / "elsewhere", str(other.path))

    with pytest.raises(VersionInUse) as kept:
        discard_unused(store, version.id, memory)

    assert kept.value.users == (os.path.realpath(teammate),)
    assert version.path.is_dir() and store.get(version.id) == version  # still listed in Model -> Versions
    assert json.loads(memory.path.read_text(encoding="utf-8"))[os.path.realpath(teammate)] == str(version.path)


@pytest.mark.parametrize("spelling", ["model.keras", "meta.json", "listed name", "id", "link"])
def test_the_version_is_recognised_however_the_memory_names_it(store, memory, tmp_path, spelling):
    version = _version(store)
    link = tmp_path / "models-link"
    link.symlink_to(store.root)
    spec = {"model.keras": str(version.path / "model.keras"), "meta.json": str(version.path / "meta.json"),
            "listed name": f"digits/{version.id}", "id": version.id,
            "link": str(link / "digits" / version.id)}[spelling]
    memory.remember(tmp_path / "teammate", spec)

    with pytest.raises(VersionInUse):
        discard_unused(store, version.id, memory)
    assert version.path.is_dir()


def test_a_version_no_folder_remembers_is_deleted_as_before(store, memory, tmp_path):
    version, kept = _version(store), _version(store)
    memory.remember(tmp_path / "elsewhere", str(kept.path))
    memory.remember(tmp_path / "bundled", "digits")

    discard_unused(store, version.id, memory)

    assert not version.path.exists() and [v.id for v in store.list()] == [kept.id]
    assert not [p for p in version.path.parent.iterdir() if p.name.startswith(".trash-")]


def test_no_memory_file_at_all_deletes_it(store, memory):
    version = _version(store)
    discard_unused(store, version.id, memory)
    assert not version.path.exists() and not memory.path.exists()  # the check writes no memory


def test_a_damaged_memory_keeps_the_version_and_says_why(store, memory):
    version = _version(store)
    memory.path.write_text('{"a": "b",}', encoding="utf-8")  # a hand edit's trailing comma

    with pytest.raises(VersionInUse) as kept:
        discard_unused(store, version.id, memory)

    assert kept.value.users == () and str(memory.path) in kept.value.why and "damaged" in kept.value.why
    assert version.path.is_dir() and memory.path.read_text(encoding="utf-8") == '{"a": "b",}'


def test_a_folder_remembered_while_the_discard_waits_for_the_lock_is_seen(store, memory, tmp_path):
    """The check is made under the writers' lock, at the moment of deletion: a pick another process is
    writing (it holds the lock) is read once it is written, and the version is kept."""
    version = _version(store)
    outcome: list[BaseException | None] = []

    def discard() -> None:
        try:
            discard_unused(store, version.id, memory)
            outcome.append(None)
        except VersionInUse as exc:
            outcome.append(exc)

    with exclusive_lock(memory.path.with_name(memory.path.name + LOCK_SUFFIX)):  # another writer's
        worker = threading.Thread(target=discard)
        worker.start()
        worker.join(0.5)
        assert worker.is_alive() and version.path.is_dir()  # waits for the writer: has not read yet
        memory.path.write_text(json.dumps({str(tmp_path / "teammate"): str(version.path)}), encoding="utf-8")
    worker.join(15)
    assert isinstance(outcome[0], VersionInUse) and version.path.is_dir()
