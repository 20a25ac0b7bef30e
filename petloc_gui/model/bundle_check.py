"""Whether a bundle's model files can load, as far as a cheap look tells (no TensorFlow).

Listing and choosing models read only meta.json, so a version whose
model.keras was missing, empty or cut short was listed like a healthy one and
even chosen for a folder, which then failed to load every time. The same goes
for a two-stage bundle's second stage (meta.json ``refine``: its
``model_file``, refine.keras by default), which ``bundle.load_bundle`` loads as
well: a retrain copies the parent's. This look (the file is there, not empty,
and a zip archive whose directory reads) costs a directory read, not a model
load; a file that passes it may still fail in Keras (or as a zip bomb:
``bundle.check_archive``), and the loader says so.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from petloc_gui.core.file_memo import FileMemo
from petloc_gui.core.json_record import read_json_record

# bundle.MODEL_FILE, META_FILE and REFINE_FILE; not imported from there: bundle reaches Keras (lazily),
# which the Qt- and TensorFlow-free app layer that chooses models may not import even indirectly
# (import-linter).
MODEL_FILE = "model.keras"
META_FILE = "meta.json"
REFINE_FILE = "refine.keras"


def model_file_problem(folder: str | os.PathLike[str]) -> str | None:
    """Why the bundle in ``folder`` cannot load its model.keras, its meta.json or the second stage
    that names ("model.keras is missing", "meta.json cannot be read (...)", "refine.keras (the second
    stage meta.json names) is empty", ...), or None when they look loadable."""
    bundle = Path(folder)
    problem = archive_problem(bundle / MODEL_FILE)
    if problem is not None:
        return problem
    refine, problem = _second_stage(bundle)
    if refine is None:
        return problem
    return archive_problem(bundle / refine, f"{refine} (the second stage meta.json names)")


def archive_problem(path: Path, name: str | None = None) -> str | None:
    """Why ``path`` is not a loadable-looking Keras archive ("model.keras is missing", "... is empty",
    ...), or None; the message calls the file ``name`` (its own name by default)."""
    name = name or path.name
    try:
        if not path.exists():
            return f"{name} is missing"
        if not path.is_file():
            return f"{name} is not a file"
        if path.stat().st_size == 0:
            return f"{name} is empty"
    except OSError as exc:
        return f"{name} cannot be read ({exc.strerror or exc})"
    try:
        with zipfile.ZipFile(path) as archive:
            archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return f"{name} is not a Keras archive (zip): {exc}"
    return None


def _second_stage(folder: Path) -> tuple[str | None, str | None]:
    """``(file name, None)`` of the second stage meta.json names, ``(None, why)`` when its ``refine``
    cannot name one or meta.json itself is missing, unreadable or no JSON object (a bundled model in
    that state was still chosen for a folder), ``(None, None)`` for a single-stage bundle.

    Remembered per file state: listing and choosing look at every version each time a folder opens,
    and a digits version's meta.json is ~1 MB."""
    try:
        return _REFINE_FILES.get(folder / META_FILE, _refine_file_in)
    except FileNotFoundError:
        return None, "meta.json is missing"
    except (OSError, ValueError) as exc:  # not remembered: a file being written is read again next time
        return None, f"meta.json cannot be read ({getattr(exc, 'strerror', None) or exc})"


def _refine_file_in(path: Path) -> tuple[str | None, str | None]:
    meta = read_json_record(path)
    if not isinstance(meta, dict):
        return None, "meta.json is not a JSON object"
    return _refine_file(meta.get("refine"))


def _refine_file(refine: Any) -> tuple[str | None, str | None]:
    """As ``bundle.load_bundle`` reads meta.json's ``refine`` (false, null or {}: no second stage)."""
    if not refine:
        return None, None
    if not isinstance(refine, dict):
        return None, "meta.json: refine must be an object"
    name = refine.get("model_file", REFINE_FILE)
    if not isinstance(name, str):
        return None, "meta.json: refine.model_file must be a string"
    if Path(name).name != name or not name.endswith(".keras"):
        return None, f"meta.json refine names an invalid model file {name!r}"
    return name, None


_REFINE_FILES: FileMemo[tuple[str | None, str | None]] = FileMemo()
