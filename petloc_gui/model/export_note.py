"""The note petloc writes into a SavedModel it exports, and beside a TFLite file: which model it came
from, and what a client needs to feed it (`export_description`).

`petloc export MODEL --saved-model DIR --tflite FILE` killed outright
(SIGKILL, a power cut: no chance to take anything back) during the TFLite
step leaves a complete SavedModel and no TFLite file, and the same command
refused DIR as an existing output. The note lets the command run again
recognise its own complete SavedModel of the same model and keep it, while a
folder without the note (a user's) or with another model's is still never
touched. The note is written into the temporary folder before it is renamed
into place: a folder named DIR that holds it is complete. The model is named
as meta.json names a parent (a bundled model's name, else its version id),
never by its path: the file is shipped, and the path was the training
machine's (a home folder's name in it).

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
# 3: the class names are in the SavedModel (assets/labels.txt, class_names()), and the note describes the
# input (export_description) and names the model without a path; format 2 had neither, so a SavedModel of
# it is not kept as this command's.
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


def model_name(bundle_folder: Path, meta: dict[str, Any]) -> str:
    """How the note names the model: "pets"/"digits" when it is a bundled one, else its version id, else
    its folder's name (never a path)."""
    from petloc_gui.core.paths import resources_dir
    from petloc_gui.model.bundle import BUNDLED_NAMES

    folder = bundle_folder.resolve()
    if folder.name in BUNDLED_NAMES and folder.parent == (resources_dir() / "models").resolve():
        return folder.name
    return str(meta.get("version_id") or folder.name)


def note_bytes(bundle_folder: Path, input_shape: tuple[int, int, int], *, signatures: dict[str, str],
               class_names_file: str | None) -> bytes:
    """The note of an export of the bundle at ``bundle_folder`` whose model takes ``input_shape`` (height,
    width, channels): `export_description.serving_description` with the model's name and identity. The
    same model gives the same bytes: a note a killed run left is kept when it holds them."""
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.export_description import serving_description

    meta = read_meta(bundle_folder)
    note = {"written_by": "petloc export", "export_format": EXPORT_FORMAT, "model": model_name(bundle_folder, meta),
            "model_version": meta.get("version_id"), "model_identity": model_identity(bundle_folder),
            **serving_description(input_shape, meta, signatures=signatures, class_names_file=class_names_file)}
    return (json.dumps(note, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_note(saved_model: Path, note: bytes) -> None:
    """Write ``note`` (`note_bytes`) into ``saved_model`` (the temporary folder, before its rename)."""
    atomic_write_bytes(saved_model / NOTE_FILE, note)


def tflite_note_path(tflite_path: str | os.PathLike[str]) -> Path:
    """The note written beside a TFLite file, named after it as its names file is: ``pets.tflite`` ->
    ``pets.petloc-export.json``."""
    path = Path(tflite_path)
    return path.with_name(f"{path.stem}.{NOTE_FILE}")


def noted_identity(saved_model: Path) -> tuple[str, str] | None:
    """``(model identity, model name)`` the note in ``saved_model`` records; None when there is no note
    of this export format (not petloc's, an older petloc's, or unreadable)."""
    return noted_identity_in(saved_model / NOTE_FILE)


def is_note_of(note_file: Path, identity: str | None) -> bool | None:
    """Whether the file at ``note_file`` is an export note of the model ``identity`` (`noted_identity_in`): None
    when nothing is there, False for anything else there (a link, a folder, a pipe: never opened, another model's
    note, no note). One rule for `petloc export`'s look before TensorFlow loads and the TFLite writer's."""
    if not (note_file.exists() or note_file.is_symlink()):
        return None
    if note_file.is_symlink() or not note_file.is_file():
        return False
    noted = noted_identity_in(note_file)
    return noted is not None and noted[0] == identity


def noted_identity_in(note_file: Path) -> tuple[str, str] | None:
    """`noted_identity` of the note file ``note_file`` (the SavedModel's, or one beside a TFLite file)."""
    try:
        with open(note_file, "rb") as handle:
            note: Any = json.loads(handle.read(64 * 1024))
    except (OSError, ValueError):
        return None
    if (not isinstance(note, dict) or note.get("export_format") != EXPORT_FORMAT
            or not isinstance(note.get("model_identity"), str)):
        return None
    return note["model_identity"], str(note.get("model", ""))
