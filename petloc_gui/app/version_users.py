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

A user retraining daily piled up versions (3.6 MB each for digits) with no way to delete one but by hand, past
every check above: `delete_version` is the one way `petloc models --delete` and Model → Versions → Delete
versions… delete one (`discard_unused`, and a version whose Retraining window still asks Use or Discard kept),
`in_use_said` and `way_out` what both say of one kept, `users_now` why each listed one is in use.
"""

from __future__ import annotations

import contextlib
from collections.abc import Container, Iterator, Mapping
from pathlib import Path

from petloc_gui.app.folder_memory import Damaged, FolderMemory
from petloc_gui.core import in_use_marks
from petloc_gui.core.abandoned_folders import writer_has_ended, writer_tag
from petloc_gui.core.errors import SaveError
from petloc_gui.model.versions import Version, VersionError, VersionInUse, VersionStore


def discard_unused(store: VersionStore, version_id: str | Path, memory: FolderMemory | None = None) -> None:
    """Delete the version ``version_id`` (its id, or its folder: `VersionStore.discard`) unless a folder's
    remembered model is it or a running petloc window has it loaded: then it is kept and `VersionInUse` names
    those folders (their real paths) in ``users`` and those windows in ``why`` (`windows_using`), or says why the
    memory cannot be read (kept: nothing can tell that no folder uses it). Raises VersionError, OSError or
    SaveError (the memory's lock) as `VersionStore.discard` does, and then nothing is deleted either."""
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
            folders = folders_remembering(store, entries, version)
            windows = windows_using(version.path)
            if windows:
                raise VersionInUse(version, folders, why=windows)
            yield folders

    store.discard(version_id, users=folders_using)


def folders_remembering(store: VersionStore, entries: Mapping[str, str], version: Version) -> list[str]:
    """The folders of the memory's ``entries`` whose remembered model is ``version`` (`names_version`), sorted."""
    target = store.model_name(str(version.path))  # once, not per remembered folder (under the lock)
    return sorted(folder for folder, spec in entries.items() if names_version(store, spec, target))


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


def delete_version(store: VersionStore, version_id: str | Path, memory: FolderMemory | None = None) -> int:
    """Delete the version ``version_id`` as `discard_unused` does, and return the bytes it took on disk. Given by
    its folder (`Version.path`), that one is deleted: an id in two preset folders (a copy filed in another
    preset's folder left behind) named the first one, not the one the user checked. Also kept (`VersionInUse`):
    one whose run's Retraining window still asks Use or Discard for it (`asked_by` of a process that may run):
    deleted under it, its Discard found no version and its Use loaded none. Raises VersionError for an unknown id
    or a folder that is no version, OSError or SaveError as `discard_unused` does."""
    version = store.get(version_id) if isinstance(version_id, str) else store.find_by_path(version_id)
    if version is None:
        raise VersionError(f"no model version at {version_id}")
    asking = _asked_by_a_running_window(version)
    if asking:
        raise VersionInUse(version, why=asking)
    size = folder_bytes(version.path)
    discard_unused(store, version.path, memory)
    return size


def in_use_said(used: VersionInUse) -> str:
    """Why a version was kept, whole: the folders that remember it as their model and the windows that have it
    loaded (`VersionInUse` says only the windows when both hold it), or why none can be told."""
    # "the folder", not "this folder": in the window's Delete versions… "this" read as the window's own folder
    folders = "; ".join(used.users)
    parts = [f"{len(used.users)} folders use it as their model (folder_models.json): {folders}"
             if len(used.users) > 1 else f"the folder {folders} uses it as its model (folder_models.json)"
             ] if used.users else []
    if used.why:
        parts.append(used.why)
    return "; ".join(parts) or str(used)


def way_out(used: VersionInUse) -> str:
    """What the user can do to delete a kept version: a folder's memory changes only when a model is picked (or
    a retrained one used) for it in the window; `petloc predict --model` uses a model for one run, the folder
    still remembers this one."""
    ways = []
    if used.users:
        which = "each of those folders" if len(used.users) > 1 else "that folder"
        ways.append(f"open {which} in petloc-gui and pick another model in Model → Versions (only the window "
                    "changes the model a folder remembers; `petloc predict --model` does not)")
    if "loaded" in used.why:
        ways.append("pick another model in the window that has it loaded, or close that window")
    if "fine-tune" in used.why:
        ways.append("let the training run that fine-tunes from it end (or cancel it)")
    if "asks" in used.why:
        ways.append("choose Use or Discard in that window's Retraining window")
    if not ways:  # the memory cannot be read: nothing can tell that no folder uses it
        ways.append("repair or remove the file named, then delete it again")
    return "to delete it, " + "; then ".join(ways)


def users_now(store: VersionStore, versions: list[Version], memory: FolderMemory | None = None, *,
              loaded_here: Container[Path] = (), asked_here: Container[Path] = ()) -> dict[Path, str]:
    """Why each of ``versions`` (by its folder: an id can be in two) is in use now, as `in_use_said` says it, with
    the way out (`way_out`) for one only folders use (nothing else in a row says what to do); those in use only.
    The versions in ``loaded_here`` / ``asked_here`` (by folder) are the caller's window's model / the one its
    Retraining window asks for, which it says itself: this process's mark / asking is left out for them (said
    twice: "this window uses it as its model …; this window still has it loaded"). A look for a list (Delete
    versions…): `delete_version` looks again as it deletes."""
    memory = memory if memory is not None else FolderMemory()
    try:
        with memory.locked_entries() as held:
            entries = dict(held)
    except (Damaged, OSError, SaveError) as exc:  # (SaveError: its lock)
        cannot = f"{memory.path} cannot be read ({exc}), so whether a folder uses it cannot be told"
        return {version.path: cannot for version in versions}
    found = {}
    for version in versions:
        folders = folders_remembering(store, entries, version)
        writers = [writer for writer in in_use_marks.users(version.path)
                   if version.path not in loaded_here or not in_use_marks.is_this_process(writer)]
        asking = _asked_by_a_running_window(version)
        if version.path in asked_here and version.asked_by == writer_tag():
            asking = ""
        why = "; ".join(part for part in (in_use_marks.said(writers), asking) if part)
        if folders or why:
            used = VersionInUse(version, folders, why=why)
            found[version.path] = in_use_said(used) + ("" if why else f"; {way_out(used)}")
    return found


def folder_bytes(folder: Path) -> int:
    """The bytes of the files under ``folder`` (0 for one that cannot be read): what deleting it frees."""
    total = 0
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                total += path.stat().st_size
    return total


def size_text(size: int) -> str:
    """ "3.6 MB", "870 kB", "12 bytes" (decimal units, as file managers show them)."""
    if size < 1000:
        return f"{size} bytes" if size != 1 else "1 byte"
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < scale * 1000 or unit == "GB":
            value = size / scale
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{size} bytes"  # (not reached: GB above)


def _asked_by_a_running_window(version: Version) -> str:
    """What says the Retraining window of a running petloc still asks Use or Discard for ``version``, or ""."""
    asker = version.asked_by
    if not version.undecided or not asker or writer_has_ended(asker):
        return ""
    if asker == writer_tag():
        return "this window's Retraining window still asks Use or Discard for it"
    return f"the Retraining window of another petloc (process {in_use_marks.writer_pid(asker)}) still asks Use or " \
        "Discard for it"
