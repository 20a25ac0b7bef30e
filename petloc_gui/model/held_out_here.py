"""Which of the open folder's images are the held-out images a model's figures were measured on (its test images, or
its validation report part; `trained_here.measured_on`), for the window's check (`trained_here.check_trained_here`).
No Qt, no TensorFlow.

An image is found by the bytes meta.json ``images`` records, wherever it sits, as the training images are: a flat
folder (labelImg's images and XML side by side) holding copies of the bundled pets model's test photos
"images/Abyssinian_13.jpg" as "Abyssinian_13.jpg" was said to be "not this one" while the Retrain dialog, which finds
them by their bytes, said they were its test images. The check reads no more for it: an image is read when its size
is a held-out image's recorded size (`HeldOutReads.sizes`), as it is when it is a training image's, and a record
without sizes has its images read up to the check's one budget (then what was found is a lower bound).

Which image stands for which is `petloc evaluate --split`'s rule (`cli.recorded_images.find_recorded`, without its
case-and-Unicode-form step, which hashes nothing), by the functions both call (`recorded_copies`): the image at the
recorded path, whatever its bytes (re-saved in place it is still the held-out photo, and preferred to a backup of the
original elsewhere; those with other bytes than recorded are counted, `HeldOutStanding.changed`), else one with the
recorded bytes found as the command finds it (`recorded_copies.found_by_bytes`: at a path the model records for no
image, those of a recorded file name first; each image stands for one held-out image, so two recorded copies need two
here). The window took the image at its path only with the recorded bytes: a photo whose metadata was stripped was
"not here" while the command scored it, and a backup of the original elsewhere was taken for it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.model.recorded_copies import at_their_paths, found_by_bytes, recorded_paths

# what stands for an image's sha256 when it was not read at its recorded path and its size now is not the one
# recorded: other bytes, known without reading them. One left unread is not guessed to be of another size: an image
# the check's list lacks (the window's index still scanning) is unread whatever its size, and was said "changed since
# it was recorded" with its recorded bytes
_OTHER_SIZE = "of another size than recorded"


@dataclass(frozen=True)
class HeldOutReads:
    """What the check reads for the held-out images: each at its recorded path (``at_path``: its recorded size,
    None where none is recorded: read whatever its size), and any image of a size one of those with recorded bytes
    has (``sizes``; None: one of them has no size recorded, an older record: every image may be one)."""

    at_path: dict[str, int | None]
    sizes: frozenset[int] | None


def held_out_reads(meta: Mapping[str, Any], held_out: frozenset[str]) -> HeldOutReads:
    """`HeldOutReads` of the ``held_out`` images (relpaths) as meta.json ``images`` records them. An image recorded
    without bytes (unreadable when its run read it) is looked for at its path alone: no copy of it can be told."""
    recorded = _recorded(meta)
    at_path: dict[str, int | None] = {}
    sizes: set[int | None] = set()
    for relpath in sorted(held_out):
        entry = recorded.get(relpath)
        entry = entry if isinstance(entry, dict) else {}
        size = entry.get("size")
        at_path[relpath] = size if type(size) is int else None
        if isinstance(entry.get("sha256"), str):
            sizes.add(at_path[relpath])
    return HeldOutReads(at_path, None if None in sizes else frozenset(n for n in sizes if n is not None))


@dataclass(frozen=True)
class HeldOutStanding:
    """`held_out_standing`'s answer: held-out relpath -> the image here (absolute path) that stands for it, and those
    of them at their recorded path with other bytes than recorded (``changed``, sorted)."""

    standing: dict[str, str]
    changed: list[str]


def held_out_standing(meta: Mapping[str, Any], held_out: frozenset[str], root: Path,
                      digests: Mapping[str, str | None], relpaths: Mapping[str, str],
                      sizes: Mapping[str, int | None]) -> HeldOutStanding:
    """Which image here stands for each of the ``held_out`` images (relpaths) found here. ``digests``: the sha256 of
    each image read, by absolute path (None: unreadable); ``relpaths``: its path relative to ``root``. At its
    recorded path whatever its bytes, else by its recorded bytes at another path (see the module's note); changed: read
    there with other bytes than recorded, or left unread with another size than recorded (never guessed). ``sizes``:
    each held-out image's recorded size (`held_out_reads`' ``at_path``, which the caller has made)."""
    recorded = _recorded(meta)
    wanted = sorted(held_out)
    keys = {relpath: os.path.abspath(root / relpath) for relpath in wanted}
    images_at = {relpath: key for relpath, key in keys.items() if key in digests or os.path.isfile(key)}
    sha256s = {relpath: entry["sha256"] for relpath in wanted
               if isinstance(entry := recorded.get(relpath), dict) and isinstance(entry.get("sha256"), str)}
    recorded_size = {keys[relpath]: sizes[relpath] for relpath in wanted}
    at_path = at_their_paths(wanted, images_at, sha256s,
                             lambda key: digests[key] if key in digests else _known_other_size(key, recorded_size[key]))
    standing = dict(at_path.standing)
    pending = {relpath: sha256 for relpath, sha256 in sha256s.items() if relpath not in standing}
    if pending:
        taken = set(standing.values())
        free = [(key, here) for key, here in relpaths.items() if key not in taken]
        standing.update(found_by_bytes(pending, free, digests.get, recorded_paths(meta)))
    return HeldOutStanding(standing, at_path.changed)


def _known_other_size(key: str, recorded_size: int | None) -> str | None:
    """`_OTHER_SIZE` for an image left unread at its recorded path whose size now is not its ``recorded_size``;
    None (not known to differ) when it has that size, none is recorded, or it cannot be stat'ed."""
    if recorded_size is None:
        return None
    try:
        size = os.stat(key).st_size
    except OSError:
        return None
    return _OTHER_SIZE if size != recorded_size else None


def _recorded(meta: Mapping[str, Any]) -> Mapping[str, Any]:
    images = meta.get("images")
    return images if isinstance(images, dict) else {}

