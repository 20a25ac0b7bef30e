"""Which model each folder uses, remembered across runs: ``user_data_dir()/folder_models.json``.

The window writes it when a model is picked or kept for a folder; the window and the CLI read it
(``app.model_choice``, rule 1). No Qt, no TensorFlow.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.json_record import read_json_record
from petloc_gui.core.paths import user_data_dir

MEMORY_FILE = "folder_models.json"


class FolderMemory:
    """Folder -> model spec, remembered across runs (the window and the CLI read the same file)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else user_data_dir() / MEMORY_FILE

    def _read(self) -> dict[str, str]:
        try:
            # read_json_record: a user-data file anyone can edit, and a few KB of '[' raised
            # RecursionError out of every command that picks a default model (RecordTooDeep is a ValueError)
            data = read_json_record(self.path)
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}

    def get(self, folder: Path | str) -> str | None:
        return self._read().get(_key(folder))

    def remember(self, folder: Path | str, spec: str) -> None:
        data = self._read()
        data[_key(folder)] = str(spec)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.path, json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))


def _key(folder: Path | str) -> str:
    return os.path.realpath(os.fspath(folder))
