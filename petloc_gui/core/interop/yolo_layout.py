"""YOLO folders, read: which files are images and label files, and which label belongs to which image."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from petloc_gui.core.dataset import natural_key
from petloc_gui.core.interop.records import relative_name
from petloc_gui.core.interop.yolo_names import NAME_FILES


def is_label_name(name: str) -> bool:
    return name.lower().endswith(".txt") and name not in NAME_FILES


def walk(root: Path, wanted: Callable[[str], bool]) -> dict[str, list[Path]]:
    """{relative path without extension: [files]} under ``root`` (hidden ones skipped)."""
    found: dict[str, list[Path]] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files, key=lambda n: (natural_key(n), n)):
            if name.startswith(".") or not wanted(name):
                continue
            path = Path(folder) / name
            stem = relative_name(path, root).rsplit(".", 1)[0]
            found.setdefault(stem, []).append(path)
    return found
