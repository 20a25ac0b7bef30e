"""meta.json ``images``: each image's sha256, its annotation's, the hash of the objects a run scores of that
annotation (`core.scored_objects`), and the image file's size in bytes.

The objects' hash is recorded so that an annotation saved since with other bytes but the same labels and boxes (a
Verified mark) is not said to be re-boxed (`trained_here.reboxed_since`, `petloc models`): without it every such
change read "changed since (its boxes may differ)".

The size is recorded so that a check of a big folder against the model's training images (the window's
`trained_here`: 20,000 phone photos of 3 MB) stats every file and hashes only those of a training image's size:
a byte-identical copy has the same size, whatever its name.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256
from petloc_gui.model.bundle import sha256_or_none

ImageEntry = dict[str, "str | int | None"]


def size_or_none(path: str | os.PathLike[str]) -> int | None:
    """The file's size in bytes; None when it cannot be read."""
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def files_record(files: list[tuple[str, Path, Path | None]], known: Mapping[str, str | None],
                 known_objects: Mapping[str, str] | None = None, any_label: bool = False) -> dict[str, ImageEntry]:
    """sha256 and size of each (relative path, image, annotation), sorted by path, with its annotation's sha256 and
    its scored objects' (`OBJECTS_KEY`; read on the image's own size, as the run and the re-box check read them);
    ``known``: images read already; ``known_objects``: scored objects' hashes taken already by relative path (the
    run's samples: `model.data.Sample.objects_sha256`), so that only an annotation no sample holds (a test image's)
    is parsed here; ``any_label``: a breed run's (`core.scored_objects.objects_sha256`). An image that could not be
    read has neither hash nor size (null); an annotation missing or unreadable, no hashes of it (null)."""
    taken = known_objects or {}
    record: dict[str, ImageEntry] = {}
    for rel, image, annotation in sorted(files, key=lambda f: f[0]):
        size = size_or_none(image)  # before a read now: a file rewritten meanwhile says its new hash with it
        digest = known[rel] if rel in known else sha256_or_none(image)
        taken_now = rel in taken and annotation is not None
        objects = taken[rel] if taken_now else objects_sha256(annotation, image, any_label)
        record[rel] = {"sha256": digest, "annotation_sha256": sha256_or_none(annotation),
                       OBJECTS_KEY: objects, "size": size if digest is not None else None}
    return record


def recorded_sha256(entry: ImageEntry | None) -> str | None:
    """An entry's image sha256 (None: none recorded, or unreadable then)."""
    digest = (entry or {}).get("sha256")
    return digest if isinstance(digest, str) else None
