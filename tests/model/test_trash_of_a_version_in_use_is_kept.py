"""A discarded version left in the trash with another window's mark in it is kept by the next start's sweep.

Discard renames a version's folder to ``<preset>/.trash-<id>-<6 hex>`` and looks for marks there; when a window
has it loaded it puts the folder back, and when that rename fails its error says where the folder was left.
But the start-up sweep (`VersionStore.sweep_stale` -> `store_leftovers.sweep_day_old`) deleted `.trash-*`
folders at any age without looking for marks: the next petloc start deleted the version the other window still
had loaded, and the message pointed at a folder about to vanish. A window starting while Discard had the folder
renamed away deleted it the same way. The sweep now keeps a trash folder with a live mark, and puts it back
under its version's name when that name is free; a trash folder whose marks are all dead is removed as before.
"""

from __future__ import annotations

import errno
import logging
import os
import time

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
def windows():
    started = []
    yield started
    for window in started:
        if window.poll() is None:
            window.communicate("", timeout=30)


def _in_trash(version, days_old=0.0):
    """The version's folder renamed away as Discard renames it (its marks with it), ``days_old`` days old."""
    trash = version.path.parent / f".trash-{version.id}-0a1b2c"
    os.replace(version.path, trash)
    if days_old:
        stamp = time.time() - days_old * 24 * 3600
        os.utime(trash, (stamp, stamp))
    return trash


@pytest.mark.parametrize("days_old", [0, 2])
def test_a_trash_folder_a_running_window_marks_is_put_back(store, version, windows, caplog, days_old):
    windows.append(other_window(str(version.path)))
    trash = _in_trash(version, days_old)

    with caplog.at_level(logging.WARNING):
        removed = VersionStore().sweep_stale()  # the next petloc start

    assert removed == [] and not trash.exists()
    assert store.get(version.id).path == version.path and (version.path / "model.keras").is_file()
    assert [p.name for p in version.path.iterdir() if p.name.startswith(".in-use.")]  # the window's mark with it
    assert f"put back {trash} as {version.path}" in caplog.text
    assert f"process {windows[0].pid}" in caplog.text


def test_a_trash_folder_a_running_window_marks_stays_when_its_name_is_taken(store, version, windows, caplog):
    windows.append(other_window(str(version.path)))
    trash = _in_trash(version)
    version.path.mkdir()  # something of the user's took the version's name meanwhile
    (version.path / "notes.txt").write_text("mine", encoding="utf-8")

    with caplog.at_level(logging.WARNING):
        removed = VersionStore().sweep_stale()

    assert removed == [] and (trash / "model.keras").is_file()
    assert (version.path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert f"kept {trash}" in caplog.text


def test_a_trash_folder_whose_window_was_killed_is_removed(store, version, windows):
    window = other_window(str(version.path), ending="killed")
    window.kill()
    window.wait(timeout=30)
    trash = _in_trash(version)

    assert VersionStore().sweep_stale() == [trash]
    assert not trash.exists() and not version.path.exists() and store.list() == []


def test_a_version_discard_could_not_put_back_is_not_deleted_at_the_next_start(store, version, windows,
                                                                              monkeypatch):
    """The reviewer's case: Discard finds the other window's mark once the folder is renamed away, and the
    rename back is refused; the next start then keeps the folder its message names, and puts it back."""
    from petloc_gui.model import versions

    windows.append(other_window(str(version.path)))
    monkeypatch.setattr(version_users, "windows_using", lambda folder: "")  # loaded after Discard's first look
    renames = []

    def away_then_refused(source, target):
        renames.append(target)
        if len(renames) > 1:  # the put-back
            raise OSError(errno.EBUSY, "Device or resource busy")
        os.replace(source, target)

    monkeypatch.setattr(versions, "rename_folder", away_then_refused)
    with pytest.raises(VersionError, match="could not be put back"):
        version_users.discard_unused(store, version.id, FolderMemory())
    monkeypatch.setattr(versions, "rename_folder", os.replace)  # the next start's renames work

    assert VersionStore().sweep_stale() == []
    assert not renames[0].exists() and store.get(version.id).path == version.path


@pytest.fixture
def a_window_starts(monkeypatch):
    """Another petloc window starting (its start-up sweep) at one moment of Discard: ``"after the rename"`` (the
    folder renamed away, before the second look), ``"before the look"`` (the trash folder found there, its marks
    not yet looked at: they are looked for in a folder gone) or ``"after the look"`` (before the put-back)."""
    from petloc_gui.model import versions

    def starting(moment):
        real_rename, real_users = versions.rename_folder, versions.in_use_marks.users
        starts = []

        def rename(source, target):
            real_rename(source, target)
            if moment == "after the rename" and not starts:
                starts.append(VersionStore().sweep_stale())

        def users(folder):
            if moment == "before the look" and not starts:
                starts.append(None)  # once: the sweep looks at marks too
                starts[0] = VersionStore().sweep_stale()
            found = real_users(folder)
            if moment == "after the look" and not starts:
                starts.append(None)
                starts[0] = VersionStore().sweep_stale()
            return found

        monkeypatch.setattr(versions, "rename_folder", rename)
        monkeypatch.setattr(versions.in_use_marks, "users", users)
        return starts

    return starting


@pytest.mark.parametrize("moment", ["after the rename", "before the look", "after the look"])
def test_a_window_starting_while_discard_has_it_renamed_away_keeps_it(store, version, windows, monkeypatch,
                                                                      a_window_starts, moment):
    windows.append(other_window(str(version.path)))
    monkeypatch.setattr(version_users, "windows_using", lambda folder: "")  # loaded after Discard's first look
    starts = a_window_starts(moment)

    with pytest.raises(VersionInUse) as kept:  # not deleted, nor "could not be put back" from a folder gone
        version_users.discard_unused(store, version.id, FolderMemory())

    assert starts == [[]]  # that start removed nothing
    assert kept.value.why == f"another petloc window has it loaded as its model (process {windows[0].pid})"
    assert store.get(version.id).path == version.path and (version.path / "model.keras").is_file()
    assert [p.name for p in version.path.parent.iterdir()] == [version.id]  # no trash left
