"""The preset a retrain runs in: the model in use's, or the folder's own when no model says (no TensorFlow)."""

from __future__ import annotations

from typing import Any

from petloc_gui.model.bundle import BUNDLED_NAMES
from petloc_gui.model.presets import PRESETS
from petloc_gui.model.versions import VersionStore

DEFAULT_PRESET = "pets"


def preset_of(spec: str, store: VersionStore, fallback: str = DEFAULT_PRESET) -> str:
    """The preset a model belongs to: its name, its version record or its meta.json; ``fallback``
    when none says (no model, or one that cannot be read)."""
    if spec in BUNDLED_NAMES:
        return spec
    version = store.find_by_path(spec) if spec else None
    if version is not None and version.preset in PRESETS:
        return version.preset
    try:
        from petloc_gui.model.bundle import read_meta, resolve_model  # no TensorFlow import

        meta = read_meta(resolve_model(spec))
    except Exception:  # noqa: BLE001 - an unreadable model still gets a preset; the worker reports the rest
        meta = {}
    preset = meta.get("preset") if isinstance(meta, dict) else None
    return preset if preset in PRESETS else fallback


def folder_preset(spec: str, store: VersionStore, dataset: Any) -> str:
    """The preset of the model in use (``spec``); the folder's own (photos, or 75x75 canvases) when no
    model is in use or its preset cannot be read (a digits folder was trained as pets)."""
    from petloc_gui.app.model_choice import training_preset_for

    return preset_of(spec, store, training_preset_for(dataset) if dataset is not None else DEFAULT_PRESET)

