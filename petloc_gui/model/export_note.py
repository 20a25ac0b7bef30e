"""The note petloc writes into a SavedModel it exports: which model it came from.

`petloc export MODEL --saved-model DIR --tflite FILE` killed outright
(SIGKILL, a power cut: no chance to take anything back) during the TFLite
step leaves a complete SavedModel and no TFLite file, and the same command
refused DIR as an existing output. The note lets the command run again
recognise its own complete SavedModel of the same model and keep it, while a
folder without the note (a user's) or with another model's is still never
touched. The note is written into the temporary folder before it is renamed
into place: a folder named DIR that holds it is complete.

No TensorFlow here: the command checks before TensorFlow loads.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from petloc_gui.core.atomic import atomic_write_bytes

NOTE_FILE = "petloc-export.json"
# Raised when what the SavedModel holds changes: an older export is then not this command's output.
# 2: the box is clipped to [0, 1] and sorted in the graph (model.box_rule); format 1 served the raw box.
# 3: the class names are in the SavedModel (assets/labels.txt, class_names()); format 2 held none a client
# could read, so a SavedModel of it is not kept as this command's.
EXPORT_FORMAT = 3


def model_identity(bundle_folder: str | os.PathLike[str]) -> str:
    """What makes two exports of a bundle the same: its model.keras bytes and class names (the SavedModel's
    ``label`` output). Raises OSError when model.keras cannot be read, BundleError for a bad meta.json."""
    from petloc_gui.model.bundle import MODEL_FILE, file_sha256, read_meta

    folder = Path(bundle_folder)
    names = [str(name) for name in read_meta(folder).get("class_names") or []]
    digest = hashlib.sha256(file_sha256(folder / MODEL_FILE).encode())
    digest.update(json.dumps(names).encode())
    return digest.hexdigest()


def write_note(saved_model: Path, bundle_folder: Path, identity: str) -> None:
    """Write the note into ``saved_model`` (the temporary folder, before its rename)."""
    note = {"written_by": "petloc export", "export_format": EXPORT_FORMAT, "model": str(bundle_folder),
            "model_identity": identity}
    atomic_write_bytes(saved_model / NOTE_FILE, (json.dumps(note, indent=2) + "\n").encode("utf-8"))


def noted_identity(saved_model: Path) -> tuple[str, str] | None:
    """``(model identity, model folder)`` the note in ``saved_model`` records; None when there is no note
    of this export format (not petloc's, an older petloc's, or unreadable)."""
    try:
        with open(saved_model / NOTE_FILE, "rb") as handle:
            note: Any = json.loads(handle.read(64 * 1024))
    except (OSError, ValueError):
        return None
    if (not isinstance(note, dict) or note.get("export_format") != EXPORT_FORMAT
            or not isinstance(note.get("model_identity"), str)):
        return None
    return note["model_identity"], str(note.get("model", ""))
