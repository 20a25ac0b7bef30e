"""Whether a bundle's model file can load, as far as a cheap look tells (no TensorFlow).

Listing and choosing models read only meta.json, so a version whose
model.keras was missing, empty or cut short was listed like a healthy one and
even chosen for a folder, which then failed to load every time. This look
(the file is there, not empty, and a zip archive whose directory reads) costs
a directory read, not a model load; a file that passes it may still fail in
Keras (or as a zip bomb: ``bundle.check_archive``), and the loader says so.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

# bundle.MODEL_FILE; not imported from there: bundle reaches Keras (lazily), which the Qt- and
# TensorFlow-free app layer that chooses models may not import even indirectly (import-linter).
MODEL_FILE = "model.keras"


def model_file_problem(folder: str | os.PathLike[str]) -> str | None:
    """Why the bundle in ``folder`` cannot load its model.keras ("model.keras is missing", ...), or
    None when it looks loadable."""
    path = Path(folder) / MODEL_FILE
    try:
        if not path.exists():
            return f"{MODEL_FILE} is missing"
        if not path.is_file():
            return f"{MODEL_FILE} is not a file"
        if path.stat().st_size == 0:
            return f"{MODEL_FILE} is empty"
    except OSError as exc:
        return f"{MODEL_FILE} cannot be read ({exc.strerror or exc})"
    try:
        with zipfile.ZipFile(path) as archive:
            archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return f"{MODEL_FILE} is not a Keras archive (zip): {exc}"
    return None
