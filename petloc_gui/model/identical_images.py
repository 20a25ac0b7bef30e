"""Byte-identical images of a run: the same photo under two names (a backup, a re-export, a photo sorted
into two folders) is one photo, so the split keeps the copies on one side (`splits.copies_together`):
with one copy training and the other validating, validation scored photos the weights had learned, and the
closing figures passed for held-out ones (`petloc evaluate --split validation` found 31 of 466).

A run knows each image's sha256 (meta.json ``images``); the Retrain dialog's preview, which reads no image
through otherwise, hashes only the files whose size another image shares (`possible_copy_digests`): copies
have one size, so it finds the same sets the run does at a fraction of the reading.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from petloc_gui.core.text import counted
from petloc_gui.model.bundle import sha256_or_none

# meta.json ``validation_split``: the images that share their bytes with another of the run, how many sets
# they make, and how many of them the split put elsewhere than the hash of their path alone did
KEPT_KEY, SETS_KEY, MOVED_KEY = "duplicates_kept_together", "duplicate_sets", "duplicates_moved"


def copies_by_digest(digests: Mapping[str, str | None]) -> list[tuple[str, ...]]:
    """The sets of relative paths of ``digests`` whose images have the same sha256, each of two or more,
    sorted; an image whose hash is unknown (None: unreadable, or not read) is a copy of none."""
    by_digest: dict[str, list[str]] = {}
    for relpath, digest in digests.items():
        if digest:
            by_digest.setdefault(digest, []).append(relpath)
    return sorted(tuple(sorted(paths)) for paths in by_digest.values() if len(paths) > 1)


def possible_copy_digests(images: Mapping[str, str | os.PathLike[str]],
                          known: Mapping[str, str | None] | None = None) -> dict[str, str | None]:
    """sha256 of each image (relative path -> file) whose file size another of ``images`` shares; the others
    are not read (no copy of theirs is among them). A file that cannot be read: None, as the run's record.
    ``known``: hashes read already (a fine-tune's read of the folder), taken instead of reading again."""
    sizes: dict[str, int] = {}
    for relpath, path in images.items():
        try:
            sizes[relpath] = os.stat(path).st_size
        except OSError:
            continue  # the run's hash of it is None too: a copy of none
    shared: dict[int, int] = {}
    for size in sizes.values():
        shared[size] = shared.get(size, 0) + 1
    return image_digests(((relpath, images[relpath]) for relpath, size in sizes.items() if shared[size] > 1),
                         known or {})


def copies_record(digests: Mapping[str, str | None], validation: Iterable[str],
                  by_path_alone: Iterable[str]) -> dict[str, int]:
    """What meta.json ``validation_split`` says of the copies among the run's images (``digests``: each
    image's sha256): how many, in how many sets, and how many of the images changed side from
    ``by_path_alone`` (the validation images the hash of each path alone chose, as petloc did before)."""
    sets = copies_by_digest(digests)
    moved = set(validation) ^ set(by_path_alone)
    return {KEPT_KEY: sum(len(s) for s in sets), SETS_KEY: len(sets), MOVED_KEY: len(moved)}


def copies_notices(record: Mapping[str, Any]) -> list[str]:
    """The training log's line on the copies kept together (`copies_record`); [] when there are none."""
    kept = record.get(KEPT_KEY) or 0
    if not kept:
        return []
    moved = record.get(MOVED_KEY) or 0
    return [f"{counted(kept, 'image')} share their bytes with another image of the folder "
            f"({counted(record.get(SETS_KEY) or 0, 'set')} of identical files): each set is kept on one side of "
            f"the split, so validation never scores a copy of a training image ({moved} moved from the side "
            f"their path alone gave them; meta.json validation_split.{KEPT_KEY})"]


def image_digests(images: Iterable[tuple[str, str | os.PathLike[str]]],
                  known: Mapping[str, str | None]) -> dict[str, str | None]:
    """sha256 of each (relative path, image): ``known``'s when it has the path, else read (None: unreadable)."""
    return {relpath: known[relpath] if relpath in known else sha256_or_none(path) for relpath, path in images}
