"""Whether a model version is a folder's remembered model, asked as it is deleted (no Qt, no TensorFlow).

Discard deleted the version a run had just made though another window had picked it for a folder meanwhile
(folder_models.json named it): that window went on predicting from memory, its Versions menu lost it and the
CLI fell back to the bundled model, and the training time was gone. `discard_unused` deletes a version only
when no folder's remembered model is it, checked while it is renamed away, under the lock the memory's writers
hold: a pick remembered meanwhile is either seen (the version kept) or comes after it is gone.

A folder's memory moves on while a window goes on using the version: the second window picked the new
version, then the first picked the bundled model for the same folder (folder_models.json said "pets"), and
Discard in the first deleted the version the second was predicting with. A window marks the version it has
loaded (`app.version_marks`, `core.in_use_marks`), and a mark whose process may still run keeps it too. Marks
are not made under the memory's lock (a window would wait for it at each model switch), so
`VersionStore.discard` looks for them again once the folder is renamed away and puts it back if one is there: a
window that loaded the version after the first look was shown a deleted model, its mark deleted with it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from petloc_gui.app.folder_memory import Damaged, FolderMemory
from petloc_gui.core import in_use_marks
from petloc_gui.model.versions import Version, VersionInUse, VersionStore


def discard_unused(store: VersionStore, version_id: str, memory: FolderMemory | None = None) -> None:
    """Delete the version ``version_id`` unless a folder's remembered model is it or a running petloc window has
    it loaded: then it is kept and `VersionInUse` names those folders (their real paths) in ``users`` and those
    windows in ``why`` (`windows_using`), or says why the memory cannot be read (kept: nothing can tell that no
    folder uses it). Raises VersionError, OSError or SaveError (the memory's lock) as `VersionStore.discard`
    does, and then nothing is deleted either."""
    memory = memory if memory is not None else FolderMemory()

    @contextlib.contextmanager
    def folders_using(version: Version) -> Iterator[list[str]]:
        with contextlib.ExitStack() as held:
            try:
                entries = held.enter_context(memory.locked_entries())
            except Damaged as damage:
                raise VersionInUse(version, why=f"{memory.path} is damaged ({damage}), so whether a folder "
                                                "uses it cannot be told") from damage
            except OSError as exc:
                raise VersionInUse(version, why=f"{memory.path} cannot be read ({exc.strerror or exc}), so "
                                                "whether a folder uses it cannot be told") from exc
            target = store.model_name(str(version.path))  # once, not per remembered folder (under the lock)
            folders = sorted(folder for folder, spec in entries.items() if names_version(store, spec, target))
            windows = windows_using(version.path)
            if windows:
                raise VersionInUse(version, folders, why=windows)
            yield folders

    store.discard(version_id, users=folders_using)


def windows_using(folder: Path) -> str:
    """What says which running petloc windows have the version in ``folder`` loaded (their marks), "" when none:
    "another petloc window has it loaded as its model (process 4242)" (`in_use_marks.said`)."""
    return in_use_marks.said(in_use_marks.users(folder))


def names_version(store: VersionStore, spec: str, target: str | None) -> bool:
    """Whether the model ``spec`` (a folder's remembered model) is the version whose store name is ``target``
    (`VersionStore.model_name` of its folder): its folder, model.keras or meta.json under any spelling of the
    path, its old path before it was filed in another preset's folder, or the name `petloc models` lists
    ("<preset folder>/<id>", the id)."""
    return target is not None and store_name(store, spec) == target


def store_name(store: VersionStore, spec: str) -> str | None:
    """The name `petloc models` lists for the model ``spec`` (`VersionStore.model_name`), also when it is given by
    its model.keras or meta.json; None when it names no model of this store nor a bundled one."""
    folder = Path(spec).expanduser()
    if folder.name in ("model.keras", "meta.json"):
        folder = folder.parent
    return store.model_name(str(folder))
