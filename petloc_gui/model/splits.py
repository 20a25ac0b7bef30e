"""Stable train/validation splits, decided per image from a hash of its relative path, copies together.

``split_key(relpath, seed)`` maps an image to a number in [0, 1) that depends
on nothing else, so annotating, adding or removing other images never moves
an image between training and validation: an image is in validation when its
key is below the validation fraction. The one exception keeps the split
useful: a class with at least two images keeps at least one on each side (its
lowest-key image is moved to validation, or its highest-key image back to
training, when the hash alone left a side empty).

Byte-identical images (the same photo under two names: a backup, a
re-export, a photo sorted into two folders) are one photo, and land on one
side (`copies_together`, ADR 0007). A set of copies has one key, its
smallest relative path's, so it validates with the validation fraction's
chance as an image with no copy does (when any path of a set could take it
to validation, a folder of photos saved twice validated 35% of its images at
a fraction of 0.2), unless a parent's validation image among them takes it
to validation, or one of them only ever trains (a pre-label, an image the
parent learned) and keeps it in training. An image with no copy keeps the
side its path gives it; only the class rule can still move one. A class the
copies left with no image on a side the rule per path gave it gets one back
(`PhotoSides`): its set of copies, else its image with no copy, whose key is
highest (back to training) or lowest (to validation), that can move without
taking another class's last image on the side it leaves (one photo under
two names can be labelled two ways, and has one side), else one whose move
does but gives that class an image back the same way; a class that is one
photo trains, as a class of one image does.
Copies are found by sha256 (`identical_images`): a run hashes every image
anyway (meta.json ``images``); the Retrain dialog's preview hashes the files
whose size another shares, and finds the same sets.

Within validation, ``split_key / fraction`` is again uniform in [0, 1), so a
later sub-split (e.g. images that choose the epoch vs images that only
report) can be drawn from the same key without moving anything.

The validation images are split again, into a part that chooses the epoch and
one that only reports figures (`report_members`, from a key of their own), and
that split keeps copies together too, by the key of a set's smallest path: a
copy of a report image that chose the epoch would put the reported figures on
bytes that chose it.

Fine-tuning keeps the parent's promises: the parent's test images are never
used, and the parent's validation images that are in the folder stay in
validation (`parent_splits` reads both the current and older meta.json).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any, Protocol

from petloc_gui.core.meta_splits import listed_split
from petloc_gui.model.identical_images import copies_by_digest, possible_copy_digests


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


def photos_of(relpaths: Sequence[str], copies: Iterable[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each of ``relpaths``' photo: its set of ``copies`` (byte-identical images) among ``relpaths``, sorted
    (its smallest path first), or the image alone."""
    photo_of: dict[str, tuple[str, ...]] = {r: (r,) for r in relpaths}
    for members in copies:
        present = tuple(sorted(m for m in members if m in photo_of))
        if len(present) > 1:
            photo_of.update(dict.fromkeys(present, present))
    return photo_of


def copies_together(chosen: set[str], relpaths: Sequence[str], labels: Sequence[str],
                    copies: Sequence[Sequence[str]], key: Callable[[str], float],
                    forced: Iterable[str] = ()) -> set[str]:
    """``chosen`` (`validation_members` of ``relpaths``) with each set of ``copies`` (identical images among
    them) on one side: the side ``chosen`` gives the set's smallest relative path, or validation when a
    forced image is among them. One path decides, so a set validates as often as an image with no copy does
    (any path of a set of k copies deciding validated 1 - (1 - fraction)^k of them), and the class rule ranks
    a set by that path's ``key``; images with no copy keep their side. A class this left with no image on a
    side ``chosen`` gave it gets one back (`PhotoSides`)."""
    forced_set = set(forced)
    photo_of = photos_of(relpaths, copies)
    together = {r for r in relpaths if photo_of[r][0] in chosen or forced_set.intersection(photo_of[r])}
    if together == chosen:
        return together
    sides = PhotoSides(together, chosen, relpaths, labels, photo_of, key, forced_set)
    sides.give_back()
    return sides.validation


Photo = tuple[str, ...]  # the sorted relative paths of one photo's copies, or one image with no copy


class PhotoSides:
    """The side of each photo of a split (``validation``: the paths that validate), where a class that the
    copies left with no image on a side that ``chosen`` (the split per path) gave it gets one back
    (`give_back`). A photo has one side whatever its labels, and one photo under two names can be labelled
    two ways, so moving a photo for one class can take another class's last image on the side it leaves."""

    def __init__(self, validation: set[str], chosen: set[str], relpaths: Sequence[str], labels: Sequence[str],
                 photo_of: Mapping[str, Photo], key: Callable[[str], float], forced: set[str]) -> None:
        self.validation = set(validation)
        self.key = key
        self.forced = forced
        self.photos_of_class: dict[str, dict[Photo, None]] = {}  # a dict: in order, no photo twice
        self.classes_of_photo: dict[Photo, set[str]] = {}
        self.given: dict[bool, set[str]] = {True: set(), False: set()}  # validates? -> classes ``chosen`` put so
        for relpath, label in zip(relpaths, labels, strict=False):
            self.photos_of_class.setdefault(label, {})[photo_of[relpath]] = None
            self.classes_of_photo.setdefault(photo_of[relpath], set()).add(label)
            self.given[relpath in chosen].add(label)

    def validates(self, photo: Photo) -> bool:
        return photo[0] in self.validation

    def lacks(self, label: str, side: bool) -> bool:
        """Whether the class has no photo on ``side`` (True: validation) where ``chosen`` gave it one; a
        class of one photo needs no validation image (it trains, as a class of one image does)."""
        photos = self.photos_of_class[label]
        return (label in self.given[side] and (not side or len(photos) > 1)
                and not any(self.validates(photo) == side for photo in photos))

    def flip(self, photo: Photo) -> None:
        (self.validation.difference_update if self.validates(photo) else self.validation.update)(photo)

    def left_lacking(self, photo: Photo) -> list[str]:
        """The classes of ``photo`` with no image on the side it is not on (the side a move left)."""
        # sorted: a set of strings iterates in an order PYTHONHASHSEED sets, and the order decides which class
        # a photo goes back for first (the dialog's process and the run's, two workers, split differently)
        return [label for label in sorted(self.classes_of_photo[photo])
                if self.lacks(label, not self.validates(photo))]

    def moved_safely(self, photo: Photo) -> bool:
        """Move ``photo`` to the other side unless that leaves one of its classes lacking the side it left."""
        self.flip(photo)
        if self.left_lacking(photo):
            self.flip(photo)
            return False
        return True

    def candidates(self, label: str, side: bool) -> list[Photo]:
        """The class's photos that can move to ``side``, best first: a set of copies before an image with
        no copy (which then keeps the side its path gave it), then by the key of the smallest path
        (highest first to training, lowest first to validation, as `validation_members` moves images); a
        forced photo never leaves validation."""
        photos = [photo for photo in self.photos_of_class[label] if self.validates(photo) != side
                  and (side or not self.forced.intersection(photo))]
        return sorted(photos, key=lambda photo: (len(photo) == 1, self.key(photo[0]) * (1 if side else -1)))

    def give(self, label: str, side: bool) -> bool:
        """Move a photo of the class to ``side``: the first candidate that leaves no class lacking a side,
        else the first whose move does but each class it leaves lacking gets that side back by such a
        move; False when there is none (the class stays as it is)."""
        candidates = self.candidates(label, side)
        if any(self.moved_safely(photo) for photo in candidates):  # stops at the first that moved
            return True
        for photo in candidates:
            self.flip(photo)
            moved = [photo]
            for other in self.left_lacking(photo):
                if not self.lacks(other, not side):
                    continue  # given back by the move for a class before it
                given_back = next((p for p in self.candidates(other, not side) if self.moved_safely(p)), None)
                if given_back is None:
                    break
                moved.append(given_back)
            else:
                return True
            for undone in moved:
                self.flip(undone)
        return False

    def give_back(self) -> None:
        """Give each class the sides it lacks, class by class, round after round until one gives none: each
        move leaves fewer (class, side) lacking, so this ends."""
        gave = True
        while gave:
            gave = False
            for label in sorted(self.photos_of_class):
                for side in (False, True):
                    if self.lacks(label, side) and self.give(label, side):
                        gave = True


class SplitItem(Protocol):
    """An image a split chooses for: its relative path, its (first box's) label and its file."""

    @property
    def relpath(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def image_path(self) -> str | os.PathLike[str]: ...


class ValidationChooser:
    """`validation_members` of fixed images at whatever fraction is asked, copies kept together
    (`copies_together`): each path is hashed once, when the chooser is made (the Retrain dialog previews the
    run's split at every step of its fraction; hashing 20,000 paths each time froze it). Made `of` items, it
    splits them as the run does (`training_data.validation_split` takes its images from it)."""

    def __init__(self, relpaths: Sequence[str], labels: Sequence[str], seed: int = 0,
                 forced: Iterable[str] = (), copies: Iterable[Sequence[str]] = ()) -> None:
        self.relpaths = list(relpaths)
        self.labels = list(labels)
        self.seed = seed
        self.forced = frozenset(forced)
        self.copies = [tuple(s) for s in copies]  # sets of byte-identical images among ``relpaths``

    @cached_property
    def keys(self) -> dict[str, float]:
        """``split_key`` of each path, worked out on the first `members` (a run splits once: by then)."""
        return {r: split_key(r, self.seed) for r in self.relpaths}

    @classmethod
    def of(cls, items: Iterable[SplitItem], seed: int, forced: Iterable[str] = (),
           train_only: Iterable[str] = (), digests: Mapping[str, str | None] | None = None) -> ValidationChooser:
        """The chooser among ``items`` a person boxed, as if the ``train_only`` ones, and their copies, were
        not there (they never validate); ``forced`` ones (a parent's validation images) always do.
        ``digests``: the sha256 of the images by relative path (a run's: all of them; ``{}``: the split by
        paths alone), None: those that can be copies hashed here (`possible_copy_digests`: the dialog's)."""
        items = list(items)
        if digests is None:
            digests = possible_copy_digests({it.relpath: it.image_path for it in items})
        sets = copies_by_digest({it.relpath: digests.get(it.relpath) for it in items})
        taught = set(train_only)
        taught.update(m for s in sets if taught.intersection(s) for m in s)  # a copy of a trained image trains
        people = [it for it in items if it.relpath not in taught]
        return cls([it.relpath for it in people], [it.label for it in people], seed, set(forced) - taught,
                   [s for s in sets if not taught.intersection(s)])

    def members(self, fraction: float) -> set[str]:
        """The relative paths that validate at ``fraction`` (`validation_members`, `kept_together`)."""
        return self.kept_together(validation_members(self.relpaths, self.labels, fraction, self.seed,
                                                     self.forced, self.keys))

    def kept_together(self, chosen: set[str]) -> set[str]:
        """``chosen`` (`validation_members` of these images) with each set of copies on one side."""
        if not self.copies:
            return set(chosen)
        return copies_together(chosen, self.relpaths, self.labels, self.copies,
                               lambda relpath: self.keys[relpath], self.forced)


def parent_splits(meta: dict[str, Any] | None) -> dict[str, list[str]]:
    """``{"validation": [...], "test": [...]}`` relative paths a parent bundle held out.

    Reads ``splits`` (this format) or, for older bundles, ``validation_split.images``
    and ``test_split.images`` (`core.meta_splits.listed_split`).
    """
    return {name: listed_split(meta, name) for name in ("validation", "test")}


def parent_test_hashes(meta: dict[str, Any] | None) -> set[str]:
    """sha256 of each image a parent bundle held out as test (meta.json ``images``), when recorded.

    A test photo that was renamed or moved is still the same bytes: fine-tuning
    recognises it by these and keeps it out, not only by its relative path.
    """
    return parent_split_hashes(meta, "test")


def parent_split_hashes(meta: dict[str, Any] | None, split: str) -> set[str]:
    """sha256 of each image of a parent bundle's ``split`` ("validation", "test"), when recorded."""
    return set(parent_split_names(meta, split))


def parent_split_names(meta: dict[str, Any] | None, split: str) -> dict[str, str]:
    """{sha256: relative path as the parent recorded it} of each image of a parent bundle's ``split``
    ("validation", "test") whose sha256 meta.json ``images`` records (a later path of the same bytes wins)."""
    if not isinstance(meta, dict) or not isinstance(meta.get("images"), dict):
        return {}
    images = meta["images"]
    found: dict[str, str] = {}
    for relpath in parent_splits(meta)[split]:
        entry = images.get(relpath)
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if isinstance(digest, str) and digest:
            found[digest] = relpath
    return found


REPORT_SHARE = 0.5  # of the validation images, this share only reports figures (never chooses the epoch)
# meta.json validation_parts.rule: how `report_members` drew the parts
REPORT_RULE = ("per image, sha256 of 'report' + relative path; byte-identical validation images in one part, "
               "the one their smallest relative path's key gives (model.splits.report_members)")


def report_keys(relpaths: Sequence[str], seed: int = 0, copies: Iterable[Sequence[str]] = ()) -> dict[str, float]:
    """Each of ``relpaths``' report key (`report_members`): its photo's, the key of its smallest relative path
    among ``relpaths`` (a key independent of the train/validation key)."""
    return {r: split_key(f"report\0{photo[0]}", seed) for r, photo in photos_of(relpaths, copies).items()}


def report_members(relpaths: Sequence[str], seed: int = 0, copies: Iterable[Sequence[str]] = (),
                   keys: Mapping[str, float] | None = None) -> set[str]:
    """The validation images kept to report figures; the rest choose the epoch (issue 10).

    Decided per image from its own hash (a key independent of the
    train/validation key), so the parts are stable as images come and go.
    With two or more validation photos both parts are non-empty; with one,
    it chooses the epoch and there is no report part (figures are then
    labelled "selection set").

    ``copies``: disjoint sets of byte-identical images (`identical_images.copies_by_digest`); those among
    ``relpaths`` are one photo and land in one part (a copy that chose the epoch would put the figures on
    bytes that chose it): the part the key of its smallest relative path gives, so a set reports as often
    as an image with no copy does (each of its k paths having a say reported 1/2^k of them), and an image
    with no copy keeps the part its key gives it. When no photo reports, the highest-key photo reports;
    when all do, the lowest-key photo chooses.

    ``keys``: `report_keys` of every path of ``relpaths``, worked out before (the Retrain dialog counts the
    parts at every step of its fraction: `verdict_images.ComparedImages`, hashing each image once); worked
    out on a larger set of images that holds each set of copies whole, they are the same. None: hashed here.
    """
    copies = [tuple(members) for members in copies]  # read twice: for the photos and, unless given, the keys
    photo_of = photos_of(relpaths, copies)
    if len(set(photo_of.values())) < 2:
        return set()
    if keys is None:
        keys = report_keys(relpaths, seed, copies)
    report = {r for r in relpaths if keys[r] >= 1.0 - REPORT_SHARE}
    if not report:
        report.update(photo_of[max(relpaths, key=keys.__getitem__)])
    elif len(report) == len(relpaths):
        report.difference_update(photo_of[min(relpaths, key=keys.__getitem__)])
    return report
