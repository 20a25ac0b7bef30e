"""meta.json ``images``: each image's sha256, its annotation's, and the image file's size in bytes.

The size is recorded so that a check of a big folder against the model's training images (the window's
`trained_here`: 20,000 phone photos of 3 MB) stats every file and hashes only those of a training image's size:
a byte-identical copy has the same size, whatever its name.
"""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.model.bundle import sha256_or_none

ImageEntry = dict[str, "str | int | None"]


def size_or_none(path: str | os.PathLike[str]) -> int | None:
    """The file's size in bytes; None when it cannot be read."""
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def files_record(files: list[tuple[str, Path, Path | None]], known: dict[str, str | None]) -> dict[str, ImageEntry]:
    """sha256 and size of each (relative path, image, annotation), sorted by path; ``known``: images read already.
    An image that could not be read has neither (null)."""
    record: dict[str, ImageEntry] = {}
    for rel, image, annotation in sorted(files, key=lambda f: f[0]):
        size = size_or_none(image)  # before a read now: a file rewritten meanwhile says its new hash with it
        digest = known[rel] if rel in known else sha256_or_none(image)
        record[rel] = {"sha256": digest, "annotation_sha256": sha256_or_none(annotation),
                       "size": size if digest is not None else None}
    return record


def recorded_sha256(entry: ImageEntry | None) -> str | None:
    """An entry's image sha256 (None: none recorded, or unreadable then)."""
    digest = (entry or {}).get("sha256")
    return digest if isinstance(digest, str) else None
