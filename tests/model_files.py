"""A stand-in model.keras for tests that list or choose models without loading them.

Listing and choosing take a version whose model.keras is missing, empty or not
a zip archive for unusable (``model.bundle_check``); a fake bundle needs a file
that passes that look. Keras is never asked to read it.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

MODEL_FILE = "model.keras"


def keras_like_zip(path: Path) -> Path:
    """Write a small zip archive at ``path`` (a bundle's model.keras, as far as a cheap look tells)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", "{}")
        archive.writestr("model.weights.h5", b"\0" * 4096)
    return path


def loadable_meta(**fields: object) -> dict:
    """A meta.json's contents holding what every load needs (`model.meta_required`: format_version, class_names,
    input_size; listing the store leaves a version without them out), with ``fields`` over them."""
    return {"format_version": 1, "class_names": ["a", "b"], "input_size": [32, 32], **fields}


def add_model_file(folder: Path) -> Path:
    """Give the fake bundle in ``folder`` a model.keras that looks loadable; returns ``folder``."""
    keras_like_zip(Path(folder) / MODEL_FILE)
    return Path(folder)


def fake_bundle(folder: Path, names: list[str], model_file: str = "ok", preset: str | None = None) -> Path:
    """A bundle in ``folder`` knowing ``names`` (meta.json preset ``preset``, else the folder's name); its
    model.keras is ``model_file``: "ok" (looks loadable), "missing" or "empty". Returns ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": preset or folder.name,
                                                  "class_names": names, "input_size": [32, 32]}))
    if model_file == "ok":
        add_model_file(folder)
    elif model_file == "empty":
        (folder / MODEL_FILE).write_bytes(b"")
    return folder


def write_meta(folder: Path, meta: dict) -> dict:
    """A bundle folder holding only ``meta`` as its meta.json (a walk of a chain of parents reads no more);
    returns ``meta``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return meta


def committed_version(store, meta: dict | None = None):
    """A version committed to ``store`` (a `model.versions.VersionStore`) in the "photo" preset: ``meta`` (or
    only the preset) as its meta.json and a stand-in model.keras; the `Version` committed."""
    staging = store.new_staging_dir("photo")
    (staging / "meta.json").write_text(json.dumps(meta or {"preset": "photo"}), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)
