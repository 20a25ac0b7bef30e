"""A version another window loads while Discard deletes it is kept, not deleted under that window's mark.

Discard looked for in-use marks once, before renaming the version's folder away: a window that loaded the
version between that look and the rename made its mark (`mark()` returned a path), then the folder was deleted
with the mark in it. That window showed a deleted model, its Versions menu lost it and its Retrain dialog greyed
out fine-tuning, while its `LoadedVersionMark` believed it held a mark. Discard now looks again once the folder
is renamed away, and puts it back when a mark is there.
"""

from __future__ import annotations

import errno
import os

import pytest

from petloc_gui.app import version_users
from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.model.versions import VersionError, VersionInUse, VersionStore
from tests.model_files import committed_version
from tests.other_window import other_window


@pytest.fixture
def store(_isolated_user_data):
    return VersionStore()  # the data folder's: the other window's too


@pytest.fixture
def version(store):
    return committed_version(store)


@pytest.fixture
def loaded_after_the_first_look(monkeypatch, version):
    """The other window, started (its mark made) right after Discard's first look at the marks found none (the
    first Discard's: it loads the version once)."""
    windows = []
    first_look = version_users.windows_using

    def look_then_another_window_loads_it(folder):
        said = first_look(folder)
        if not windows:
            windows.append(other_window(str(version.path)))
        return said

    monkeypatch.setattr(version_users, "windows_using", look_then_another_window_loads_it)
    yield windows
    for window in windows:
        window.communicate("", timeout=30)


def test_a_version_loaded_between_the_look_and_the_rename_is_kept(store, version, loaded_after_the_first_look):
    with pytest.raises(VersionInUse) as kept:
        version_users.discard_unused(store, version.id, FolderMemory())

    other = loaded_after_the_first_look[0]
    assert other.poll() is None  # still running, with its mark
    assert version.path.is_dir() and store.get(version.id) == version  # still in Model -> Versions, whole
    assert [p.name for p in version.path.iterdir() if p.name.startswith(".in-use.")]  # its mark with it
    assert [p.name for p in version.path.parent.iterdir() if p.name != version.id] == []  # no trash left
    assert kept.value.users == ()
    assert kept.value.why == f"another petloc window has it loaded as its model (process {other.pid})"
    assert str(kept.value) == kept.value.why  # as the first look says it


def test_once_that_window_has_closed_the_version_is_deleted(store, version, loaded_after_the_first_look):
    with pytest.raises(VersionInUse):
        version_users.discard_unused(store, version.id, FolderMemory())
    loaded_after_the_first_look[0].communicate("", timeout=30)  # closed: its mark removed

    version_users.discard_unused(store, version.id, FolderMemory())

    assert not version.path.exists() and store.list() == []


def test_a_version_that_cannot_be_put_back_is_said_where_it_is(store, version, loaded_after_the_first_look,
                                                                monkeypatch):
    from petloc_gui.model import versions

    renames = []

    def away_then_refused(source, target):
        renames.append(target)
        if len(renames) > 1:  # the put-back
            raise OSError(errno.EBUSY, "Device or resource busy")
        os.replace(source, target)

    monkeypatch.setattr(versions, "rename_folder", away_then_refused)
    with pytest.raises(VersionError) as refused:
        version_users.discard_unused(store, version.id, FolderMemory())

    trash = renames[0]
    assert not isinstance(refused.value, VersionInUse) and trash.is_dir()  # not deleted: where it was left, said
    assert str(refused.value) == (f"model version {version.id} is in use (another petloc window has it loaded as "
                                  f"its model (process {loaded_after_the_first_look[0].pid})) but could not be "
                                  f"put back from {trash}: Device or resource busy")
