"""How a version's record reads: its version.json, or the fields its bundle's meta.json gives where that is
missing or damaged (no Qt, no TensorFlow); `model.versions.VersionStore` builds a `Version` from them."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from petloc_gui.core.json_record import read_json_record
from petloc_gui.model.bundle_check import meta_preset

PRESET_PATTERN = re.compile(r"^[A-Za-z0-9_.-]+$")  # a preset's folder name (`VersionStore` checks one with it)


def info_from_meta(folder: Path) -> dict[str, Any] | None:
    """Version fields from a bundle's meta.json (bundles written without version.json)."""
    meta = read_json(folder / "meta.json")
    if not isinstance(meta, dict):
        return None
    training_data = meta.get("training_data")
    if not isinstance(training_data, dict):
        training_data = {}
    created = meta.get("created")
    if not isinstance(created, str) or not created:  # 12345 is no date either: the file's, as for none
        try:
            created = datetime.fromtimestamp((folder / "meta.json").stat().st_mtime, UTC).isoformat()
        except OSError:
            created = ""
    return {
        "parent": meta.get("parent"),
        "created": created,
        "metrics": meta.get("metrics") if isinstance(meta.get("metrics"), dict) else {},
        "data_fingerprint": training_data.get("fingerprint"),
    }


def read_record(path: Path) -> tuple[Any, str | None]:
    """``(the JSON object in path, None)``, or ``(None, why not)``: "cannot be read (...)", "is not a
    JSON object"."""
    try:
        value = read_json_record(path)
    except (OSError, ValueError, RecursionError) as exc:  # RecursionError: JSON nested thousands deep
        why = getattr(exc, "strerror", None) or str(exc)
        return None, f"{path.name} cannot be read ({' '.join(why.split())})"
    if not isinstance(value, dict):
        return None, f"{path.name} is not a JSON object"
    return value, None


def damaged_record_note(problem: str, info: dict[str, Any] | None) -> str:
    """What a version whose version.json is damaged has lost, and where what is shown comes from."""
    parent = "its parent is meta.json's" if isinstance((info or {}).get("parent"), str) else "its parent is unknown"
    return (f"{problem}: the run's record is lost (the old-vs-new comparison's figures, the data folder); "
            f"{parent}, and its date and figures are the training run's own, from meta.json")


def read_json(path: Path) -> Any:
    """The JSON in ``path``; None when unreadable or larger than any record (listing the versions
    read a 3 GB meta.json whole: 50 s and 6 GB of memory)."""
    try:
        return read_json_record(path)
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return None


def preset_of(folder: Path, notes: list[str]) -> str:
    """The version's preset: the one its meta.json names (a digits version copied into pets/ is a digits
    one, and noted: listed as a pets version, Retrain trained it with the pets recipe), else its folder's."""
    named = meta_preset(folder)
    if not named or not PRESET_PATTERN.match(named) or named.startswith("."):
        return folder.parent.name
    if named != folder.parent.name:
        notes.append(f"meta.json says it is a {named} model, but it is in the {folder.parent.name} folder: "
                     f"listed as a {named} model; move it to {folder.parent.parent / named}")
    return named
