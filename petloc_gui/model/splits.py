"""Stable train/validation splits, decided per image from a hash of its relative path.

``split_key(relpath, seed)`` maps an image to a number in [0, 1) that depends
on nothing else, so annotating, adding or removing other images never moves
an image between training and validation: an image is in validation when its
key is below the validation fraction. The one exception keeps the split
useful: a class with at least two images keeps at least one on each side (its
lowest-key image is moved to validation, or its highest-key image back to
training, when the hash alone left a side empty).

Within validation, ``split_key / fraction`` is again uniform in [0, 1), so a
later sub-split (e.g. images that choose the epoch vs images that only
report) can be drawn from the same key without moving anything.

Fine-tuning keeps the parent's promises: the parent's test images are never
used, and the parent's validation images that are in the folder stay in
validation (`parent_splits` reads both the current and older meta.json).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any, Protocol


def split_key(relpath: str, seed: int = 0) -> float:
    """A number in [0, 1) fixed by the image's relative path (and the split seed)."""
    digest = hashlib.sha256(f"petloc-split\0{seed}\0{relpath}".encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") / 2.0**64


def validation_members(
    relpaths: Sequence[str],
    labels: Sequence[str],
    fraction: float,
    seed: int = 0,
    forced: Iterable[str] = (),
    keys: Mapping[str, float] | None = None,
) -> set[str]:
    """The relative paths that go to validation (the rest train).

    ``forced`` paths (a parent model's validation images) are in validation
    whatever their key. ``keys``: ``split_key(r, seed)`` of every path of
    ``relpaths``, worked out before (`ValidationChooser`: the same images at
    several fractions are hashed once); None: hashed here.
    """
    forced_set = set(forced)
    if keys is None:
        keys = {r: split_key(r, seed) for r in relpaths}
    chosen = {r for r in relpaths if r in forced_set or (fraction > 0 and keys[r] < fraction)}
    if fraction <= 0:
        return chosen & forced_set
    by_class: dict[str, list[str]] = {}
    for relpath, label in zip(relpaths, labels, strict=False):
        by_class.setdefault(label, []).append(relpath)
    for members in by_class.values():
        if len(members) < 2:
            chosen.difference_update(m for m in members if m not in forced_set)
            continue
        inside = [m for m in members if m in chosen]
        if not inside:
            chosen.add(min(members, key=keys.__getitem__))
        elif len(inside) == len(members):
            movable = [m for m in members if m not in forced_set]
            if movable:
                chosen.discard(max(movable, key=keys.__getitem__))
    return chosen


class SplitItem(Protocol):
    """An image a split chooses for: its relative path and its (first box's) label."""

    @property
    def relpath(self) -> str: ...

    @property
    def label(self) -> str: ...


class ValidationChooser:
    """`validation_members` of fixed images at whatever fraction is asked: each path is hashed once,
    when the chooser is made (the Retrain dialog previews the run's split at every step of its fraction;
    hashing 20,000 paths each time froze it). Made `of` items, it splits them as the run does
    (`training_data.validation_split` takes its images from it)."""

    def __init__(self, relpaths: Sequence[str], labels: Sequence[str], seed: int = 0,
                 forced: Iterable[str] = ()) -> None:
        self.relpaths = list(relpaths)
        self.labels = list(labels)
        self.seed = seed
        self.forced = frozenset(forced)

    @cached_property
    def keys(self) -> dict[str, float]:
        """``split_key`` of each path, worked out on the first `members` (a run splits once: by then)."""
        return {r: split_key(r, self.seed) for r in self.relpaths}

    @classmethod
    def of(cls, items: Iterable[SplitItem], seed: int, forced: Iterable[str] = (),
           train_only: Iterable[str] = ()) -> ValidationChooser:
        """The chooser among ``items`` a person boxed, as if the ``train_only`` ones were not there (they
        never validate); ``forced`` ones (a parent's validation images) always validate."""
        taught = set(train_only)
        people = [it for it in items if it.relpath not in taught]
        return cls([it.relpath for it in people], [it.label for it in people], seed, set(forced) - taught)

    def members(self, fraction: float) -> set[str]:
        """The relative paths that validate at ``fraction`` (`validation_members`)."""
        return validation_members(self.relpaths, self.labels, fraction, self.seed, self.forced, self.keys)


def parent_splits(meta: dict[str, Any] | None) -> dict[str, list[str]]:
    """``{"validation": [...], "test": [...]}`` relative paths a parent bundle held out.

    Reads ``splits`` (this format) or, for older bundles, ``validation_split.images``
    and ``test_split.images``.
    """
    if not isinstance(meta, dict):
        return {"validation": [], "test": []}
    splits = meta.get("splits")
    if isinstance(splits, dict):
        return {name: [str(p) for p in splits.get(name) or []] for name in ("validation", "test")}
    validation = ((meta.get("validation_split") or {}).get("images")
                  if isinstance(meta.get("validation_split"), dict) else None)
    test = (meta.get("test_split") or {}).get("images") if isinstance(meta.get("test_split"), dict) else None
    return {"validation": [str(p) for p in validation or []], "test": [str(p) for p in test or []]}


def parent_test_hashes(meta: dict[str, Any] | None) -> set[str]:
    """sha256 of each image a parent bundle held out as test (meta.json ``images``), when recorded.

    A test photo that was renamed or moved is still the same bytes: fine-tuning
    recognises it by these and keeps it out, not only by its relative path.
    """
    return parent_split_hashes(meta, "test")


def parent_split_hashes(meta: dict[str, Any] | None, split: str) -> set[str]:
    """sha256 of each image of a parent bundle's ``split`` ("validation", "test"), when recorded."""
    if not isinstance(meta, dict) or not isinstance(meta.get("images"), dict):
        return set()
    images = meta["images"]
    found = set()
    for relpath in parent_splits(meta)[split]:
        entry = images.get(relpath)
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if isinstance(digest, str) and digest:
            found.add(digest)
    return found


REPORT_SHARE = 0.5  # of the validation images, this share only reports figures (never chooses the epoch)


def report_members(relpaths: Sequence[str], seed: int = 0) -> set[str]:
    """The validation images kept to report figures; the rest choose the epoch (issue 10).

    Decided per image from its own hash (a key independent of the
    train/validation key), so the parts are stable as images come and go.
    With two or more validation images both parts are non-empty; with one,
    it chooses the epoch and there is no report part (figures are then
    labelled "selection set").
    """
    keys = {r: split_key(f"report\0{r}", seed) for r in relpaths}
    report = {r for r in relpaths if keys[r] >= 1.0 - REPORT_SHARE}
    if len(relpaths) < 2:
        return set()
    if not report:
        report.add(max(relpaths, key=keys.__getitem__))
    elif len(report) == len(relpaths):
        report.discard(min(relpaths, key=keys.__getitem__))
    return report
