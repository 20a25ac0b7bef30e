"""meta.json ``images``: each image's sha256, its annotation's, the hash of the objects a run scores of that
annotation (`core.scored_objects`), and the image file's size in bytes.

The objects' hash is recorded so that an annotation saved since with other bytes but the same labels and boxes (a
Verified mark) is not said to be re-boxed (`trained_here.reboxed_since`, `petloc models`): without it every such
change read "changed since (its boxes may differ)".

The size is recorded so that a check of a big folder against the model's training images (the window's
`trained_here`: 20,000 phone photos of 3 MB) stats every file and hashes only those of a training image's size:
a byte-identical copy has the same size, whatever its name. So the size recorded with a hash is the size of the
bytes hashed: a photo rewritten between its hash and its size paired the new size with the old bytes, and the check
never read a byte copy of the photo trained on (of the old size).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from petloc_gui.core import file_memo
from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256
from petloc_gui.model.bundle import sha256_and_size, sha256_or_none

ImageEntry = dict[str, "str | int | None"]


def size_or_none(path: str | os.PathLike[str]) -> int | None:
    """The file's size in bytes; None when it cannot be read."""
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def sized_sha256(path: str | os.PathLike[str]) -> tuple[str | None, int | None]:
    """The file's sha256 and the number of bytes it was taken on, from one read: a file rewritten while it is read
    has the size of the bytes hashed (a stat before or after the read may see another file); (None, None) when it
    cannot be read."""
    try:
        return sha256_and_size(path)
    except OSError:
        return None, None


def _size_if_unchanged_since(path: Path, since_ns: int) -> int | None:
    """The file's size when it was neither modified nor changed since ``since_ns`` (by `file_memo.SETTLED_NS`, as a
    coarse clock, FAT's 2 s, may date a later write earlier): the size of the bytes a hash taken since had; None
    when it may have been, or it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size if max(info.st_mtime_ns, info.st_ctime_ns) < since_ns - file_memo.SETTLED_NS else None


def files_record(files: list[tuple[str, Path, Path | None]], known: Mapping[str, str | None],
                 known_objects: Mapping[str, str] | None = None, any_label: bool = False,
                 hashed_since_ns: int | None = None) -> dict[str, ImageEntry]:
    """sha256 and size of each (relative path, image, annotation), sorted by path, with its annotation's sha256 and
    its scored objects' (`OBJECTS_KEY`; read on the image's own size, as the run and the re-box check read them);
    ``known``: images read already, before now; ``hashed_since_ns``: a `file_memo.now_ns` time before the first of
    them was read (or found unchanged since an earlier read); ``known_objects``: scored objects' hashes taken
    already by relative path (the run's samples: `model.data.Sample.objects_sha256`), so that only an annotation no
    sample holds (a test image's) is parsed here; ``any_label``: a breed run's (`core.scored_objects.objects_sha256`).
    An image is read here, its size the bytes hashed (`sized_sha256`), unless its hash is known; a known hash is
    recorded with the file's size when the file has not changed since ``hashed_since_ns``, and read again when it
    has (the size of the new bytes beside the old bytes' hash hid the photo trained on from the window's check). A
    caller that does not tell ``hashed_since_ns`` has its known hashes recorded with the file's size now, unchecked
    (`TrainingData.from_folder` tells its folder's `CollectedFolder.read_began_ns`). An image that could not be
    read has neither hash nor size (null); an annotation missing or unreadable, no hashes of it (null)."""
    taken = known_objects or {}
    record: dict[str, ImageEntry] = {}
    for rel, image, annotation in sorted(files, key=lambda f: f[0]):
        if rel not in known:
            digest, size = sized_sha256(image)
        elif hashed_since_ns is None:  # not told when it was read: the size now, unchecked
            digest, size = known[rel], size_or_none(image)
        else:
            size = _size_if_unchanged_since(image, hashed_since_ns)
            digest, size = (known[rel], size) if size is not None else sized_sha256(image)
        taken_now = rel in taken and annotation is not None
        objects = taken[rel] if taken_now else objects_sha256(annotation, image, any_label)
        record[rel] = {"sha256": digest, "annotation_sha256": sha256_or_none(annotation),
                       OBJECTS_KEY: objects, "size": size if digest is not None else None}
    return record


def recorded_sha256(entry: ImageEntry | None) -> str | None:
    """An entry's image sha256 (None: none recorded, or unreadable then)."""
    digest = (entry or {}).get("sha256")
    return digest if isinstance(digest, str) else None
