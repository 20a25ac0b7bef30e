"""Find the images a model's meta.json lists (its validation or test images, by path relative to the
dataset root) in a folder as it is now.

By the path as recorded first, whatever the image's bytes there (`model.recorded_copies.at_their_paths`,
the window's rule too: re-saved in place, its metadata stripped, it is still the image the model held
out; those whose bytes are not the sha256 meta.json records are counted, `Found.changed`). A folder
copied with its names in another Unicode form (macOS writes
``Café`` decomposed, NFD; zip, rsync and Windows compose it, NFC) or case lost them: annotation pairing
and ``--exclude-list`` ignore both (`core.annotation_names.folded`), so the path is matched so too,
where it names one image. Then, where meta.json records an image's sha256 (``images``) and a subfolder
was renamed (``day/`` to ``morning/``), by its bytes: `petloc evaluate --split validation` scored fewer
images than the run held out and called the others missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from petloc_gui.cli.output import ProgressBar
from petloc_gui.core.annotation_names import folded
from petloc_gui.model.recorded_copies import at_their_paths, found_by_bytes, recorded_paths

# recorded_paths: the model's, one copy
__all__ = ["Found", "changed_line", "find_recorded", "recorded_digests", "recorded_paths"]

_BAR_FROM = 500  # images to hash before a progress line is worth it (as `evaluate_trained_on`)


@dataclass
class Found:
    """The dataset items the recorded paths name, in the folder's order, and how those not found at their
    recorded path were: ``by_form`` and ``by_bytes`` hold (recorded path, path now) each."""

    items: list[Any] = field(default_factory=list)
    by_form: list[tuple[str, str]] = field(default_factory=list)
    by_bytes: list[tuple[str, str]] = field(default_factory=list)
    # whether a recorded path not found could be looked for by its bytes (meta.json records its sha256)
    bytes_recorded: bool = False
    # the recorded paths found there whose image has other bytes than the sha256 meta.json records (edited in place)
    changed: list[str] = field(default_factory=list)


def recorded_digests(meta: dict[str, Any], relpaths: Sequence[str]) -> dict[str, str]:
    """sha256 of each of ``relpaths`` meta.json ``images`` records (a damaged entry: none)."""
    images = meta.get("images")
    if not isinstance(images, dict):
        return {}
    found = {}
    for relpath in relpaths:
        entry = images.get(relpath)
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if isinstance(digest, str) and digest:
            found[relpath] = digest
    return found


def changed_line(found: Found, kind: str) -> str:
    """The line `petloc evaluate --split` says of the images found at their recorded path with other bytes than
    meta.json records (``found.changed``), its ``kind`` ("validation images") as its other lines name them; ""
    when none. They are scored all the same (`model.recorded_copies.at_their_paths`): the window says the same of
    them."""
    n = len(found.changed)
    if not n:
        return ""
    since = "it was" if n == 1 else "they were"
    example = f"{'' if n == 1 else 'e.g. '}{found.changed[0]!r} has other bytes than the sha256 meta.json records"
    scored = "the image" if n == 1 else "the images"
    return (f"petloc: {n} of the model's {kind} changed since {since} recorded ({example}): scored all the same, "
            f"as {scored} the model held out")


def find_recorded(items: Sequence[Any], relpath_of: Callable[[Any], str], wanted: Sequence[str],
                  digests: dict[str, str], hash_of: Callable[[Path], str | None],
                  recorded: set[str] | frozenset[str] = frozenset(), count_changed: bool = True) -> Found:
    """The ``items`` (dataset items; ``relpath_of`` gives each one's path relative to the dataset root)
    that the recorded paths ``wanted`` name: by the path as recorded, then with case and Unicode form
    ignored where that names one image and one recorded path (not an image at a path the model records,
    ``recorded``: that is another image of its record), then, for those with a recorded sha256
    (``digests``), by the bytes ``hash_of`` gives (None: unreadable). Each item is taken once; images
    that share the recorded name are hashed first, and hashing stops when every one is found. An item at
    its recorded path is taken whatever its bytes; one with a recorded sha256 is hashed, to count those
    changed since (``Found.changed``), unless ``count_changed`` is False (a caller that never says them: each
    image at its path was read whole for nothing)."""
    relpaths = {id(item): relpath_of(item) for item in items}
    exact = set(wanted)
    images_at = {relpaths[id(item)]: item for item in items if relpaths[id(item)] in exact}
    at_path = at_their_paths(wanted, images_at, digests if count_changed else {},
                             lambda item: hash_of(Path(item.image_path)))
    taken = {id(item): relpath for relpath, item in at_path.standing.items()}
    pending = [relpath for relpath in dict.fromkeys(wanted) if relpath not in at_path.standing]
    found = Found(changed=at_path.changed)
    if pending:
        _by_form(items, relpaths, pending, taken, found, recorded)
        by_form = {old for old, _ in found.by_form}
        pending = [relpath for relpath in pending if relpath not in by_form]
    found.bytes_recorded = any(relpath in digests for relpath in pending)
    if found.bytes_recorded:
        _by_bytes(items, relpaths, {relpath: digests[relpath] for relpath in pending if relpath in digests},
                  taken, found, hash_of, recorded)
    found.items = [item for item in items if id(item) in taken]
    return found


def _by_form(items: Sequence[Any], relpaths: dict[int, str], pending: list[str], taken: dict[int, str],
             found: Found, recorded: set[str] | frozenset[str]) -> None:
    """Match the recorded paths ``pending`` to items whose path is theirs but for case and Unicode form,
    where the folded path names one item and one recorded path (two would be a guess)."""
    free: dict[str, list[Any]] = {}
    for item in items:
        if id(item) not in taken and relpaths[id(item)] not in recorded:
            free.setdefault(folded(relpaths[id(item)]), []).append(item)
    pending_by_key: dict[str, list[str]] = {}
    for relpath in pending:
        pending_by_key.setdefault(folded(relpath), []).append(relpath)
    for key, olds in pending_by_key.items():
        candidates = free.get(key, [])
        if len(olds) == 1 and len(candidates) == 1:
            taken[id(candidates[0])] = olds[0]
            found.by_form.append((olds[0], relpaths[id(candidates[0])]))


def _by_bytes(items: Sequence[Any], relpaths: dict[int, str], digests: dict[str, str], taken: dict[int, str],
              found: Found, hash_of: Callable[[Path], str | None],
              recorded: set[str] | frozenset[str] = frozenset()) -> None:
    """Match the recorded paths of ``digests`` to the items not taken whose bytes have that sha256, by the
    window's rule (`model.recorded_copies.found_by_bytes`: those of a recorded file name first, each hashed at
    most once; an image at a path the model records is that image, as for `_by_form`: a deleted validation
    image's training copy, byte for byte, is never taken for it), with a progress line for a large folder."""
    bar: ProgressBar | None = None

    def hashed(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total > _BAR_FROM:
            bar = ProgressBar("petloc: looking for the model's images by their bytes", total)
        if bar is not None:
            bar.update(done)

    free = [(item, relpaths[id(item)]) for item in items if id(item) not in taken]
    try:
        for old, item in found_by_bytes(digests, free, lambda item: hash_of(Path(item.image_path)), recorded,
                                        hashed):
            taken[id(item)] = old
            found.by_bytes.append((old, relpaths[id(item)]))
    finally:
        if bar is not None:
            bar.close()
