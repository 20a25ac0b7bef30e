"""Which model each folder uses, remembered across runs: ``user_data_dir()/folder_models.json``.

The window writes it when a model is picked or kept for a folder; the window and the CLI read it
(``app.model_choice``, rule 1). No Qt, no TensorFlow.

Every folder's entry is in one file, so a write never loses the others: a damaged file (a trailing
comma from a hand edit) is kept aside as ``folder_models.json.damaged-<time>`` before a new one is
started, and said once (``note``); an unreadable one is not replaced at all. Two writers (two windows,
a window and the CLI) re-read and write under one lock (``folder_models.json.lock``), so neither loses
the other's entry.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.disk_same import spelled_as
from petloc_gui.core.errors import SaveError
from petloc_gui.core.file_lock import exclusive_lock
from petloc_gui.core.json_record import read_json_record
from petloc_gui.core.kept_aside import keep_aside
from petloc_gui.core.paths import user_data_dir

MEMORY_FILE = "folder_models.json"
LOCK_SUFFIX = ".lock"


class Damaged(ValueError):  # noqa: N818 - reads as what it is
    """The memory file is there but is not a JSON object of folder -> model (the reason)."""


class FolderMemory:
    """Folder -> model spec, remembered across runs (the window and the CLI read the same file)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else user_data_dir() / MEMORY_FILE
        # What the last get() or remember() found wrong with the file, and what was done: for the
        # caller to say (status line, CLI), once; "" when nothing.
        self.note = ""

    def get(self, folder: Path | str) -> str | None:
        """The model remembered for ``folder``, or None. Reading never changes the file: a damaged or
        unreadable one gives None, and ``note`` says so."""
        self.note = ""
        try:
            data = self._load()
        except Damaged as damage:
            self.note = (f"{self.path} is damaged ({damage}): the models remembered for folders are not used; "
                         f"petloc keeps it aside as {self.path.name}.damaged-<time> the next time it "
                         "remembers a folder's model")
            return None
        except OSError as exc:
            self.note = f"{self.path} cannot be read ({_reason(exc)}): the models remembered for folders are not used"
            return None
        key = _key(folder)
        value = data.get(key if key in data else _spelled(key, data) or key)
        return value if isinstance(value, str) else None

    def remember(self, folder: Path | str, spec: str) -> None:
        """``folder`` uses ``spec`` from now on. A damaged file is kept aside first (``note`` says where);
        an unreadable one raises `SaveError` and is left as it is, as is every other failure's file."""
        self.note = ""
        with self._writers_lock():
            try:
                data = self._load()  # again, under the lock: another writer's entry is in it
            except Damaged as damage:
                data = {}
                self._keep_aside(damage)
            except OSError as exc:
                raise SaveError(f"cannot read it ({_reason(exc)}), so it is not replaced (the models remembered "
                                "for other folders are in it); make it readable or remove it", self.path) from exc
            key = _key(folder)
            while (other := _spelled(key, data)) is not None:  # one entry a folder: the one asked for now
                del data[other]
            data[key] = str(spec)
            atomic_write_bytes(self.path, json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))

    @contextlib.contextmanager
    def locked_entries(self) -> Iterator[dict[str, str]]:
        """Every folder's remembered model (real path -> spec), read under the writers' lock, which is held
        for the ``with`` block: no folder remembers a model in between (deleting a version a folder uses
        checks this way, `app.version_users`). Raises `Damaged`, OSError (unreadable) or `SaveError` (the
        lock) before the block; never writes the file."""
        with self._writers_lock():
            yield {folder: spec for folder, spec in self._load().items() if isinstance(spec, str)}

    def _writers_lock(self) -> contextlib.AbstractContextManager[object]:
        """The lock every writer of the file holds (its folder made first: the lock file lives beside it)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return exclusive_lock(self.path.with_name(self.path.name + LOCK_SUFFIX))

    def _load(self) -> dict[str, Any]:
        """The file's object (entries that are not a model spec included: they are kept when it is written);
        {} when there is no file. Raises `Damaged`, or OSError when it cannot be read."""
        try:
            # read_json_record: a user-data file anyone can edit, and a few KB of '[' raised
            # RecursionError out of every command that picks a default model (RecordTooDeep is a ValueError)
            data = read_json_record(self.path)
        except FileNotFoundError:
            return {}
        except ValueError as exc:
            raise Damaged(str(exc) or type(exc).__name__) from exc
        if not isinstance(data, dict):
            raise Damaged(f"a JSON {type(data).__name__}, not an object of folder -> model")
        return data

    def _keep_aside(self, damage: Damaged) -> None:
        try:
            aside = keep_aside(self.path)
        except OSError as exc:
            raise SaveError(f"it is damaged ({damage}) and could not be kept aside ({_reason(exc)}), so it is "
                            "not replaced; repair or remove it", self.path) from exc
        self.note = (f"{self.path} was damaged ({damage}): kept as {aside.name} and a new one started; the models "
                     "remembered for other folders are in that copy (repair it and copy them back to use them)")


def _key(folder: Path | str) -> str:
    return os.path.realpath(os.fspath(folder))


def _spelled(key: str, data: dict[str, Any]) -> str | None:
    """The entry of ``data`` other than ``key`` that names its folder by another spelling, or None: macOS' realpath
    keeps the case and Unicode form typed, and a model remembered for ``~/Pets`` (or a Finder's decomposed
    ``Café``) was not found for ``~/pets`` (a Terminal's composed one), though the disk holds them as one folder."""
    return spelled_as(key, (other for other in data if other != key))


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
