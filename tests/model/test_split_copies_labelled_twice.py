"""One photo under two names labelled two ways (a cat saved as cat_3.jpg and, by mistake, as dog/7.jpg): the
split keeps it on one side (`splits.copies_together`), and a class that this leaves with no image on a side
gets one back, by moving a photo of the class labelled two ways too when that takes no other class's last
image on that side (`splits.PhotoSides`)."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from petloc_gui.model.splits import ValidationChooser, split_key
from petloc_gui.model.training_data import validation_split


@dataclass(frozen=True)
class Named:
    relpath: str
    label: str
    image_path: str = ""


def _name(prefix: str, low: bool, fraction: float = 0.2) -> str:
    """A relative path starting with ``prefix`` whose split key is below ``fraction`` (``low``) or at least 0.5."""
    return next(name for name in (f"{prefix}{index}.jpg" for index in range(10_000))
                if ((split_key(name) < fraction) if low else (split_key(name) >= 0.5)))


def test_a_photo_labelled_a_and_b_validating_with_a_leaves_b_a_training_image():
    # by paths alone: a/ one validates, one trains; b/ likewise; the "a" validation photo is also b's
    # training one, so keeping the copies together took class b's last training image
    a_validates, a_trains = _name("a/v", low=True), _name("a/t", low=False)
    b_validates, b_trains_same_bytes = _name("b/v", low=True), _name("b/t", low=False)
    items = [Named(a_validates, "a"), Named(a_trains, "a"), Named(b_validates, "b"), Named(b_trains_same_bytes, "b")]
    digests = {it.relpath: f"own-{it.relpath}" for it in items} | {b_trains_same_bytes: f"own-{a_validates}"}
    by_path_alone = validation_split(items, 0.2, 0, digests={})
    assert by_path_alone == {a_validates, b_validates}
    chosen = validation_split(items, 0.2, 0, digests=digests)
    assert {a_validates, b_trains_same_bytes} <= chosen or not {a_validates, b_trains_same_bytes} & chosen
    for label in "ab":
        mine = {it.relpath for it in items if it.label == label}
        assert mine - chosen, f"class {label} has no training image"
        assert mine & chosen, f"class {label} has no validation image"


def _both_sides_possible(photos: list[str], classes: dict[str, set[str]]) -> bool:
    """Whether some split of ``photos`` puts each class of two or more photos on both sides, and each class
    of one photo in training (as a class of one image is)."""
    for sides in itertools.product((False, True), repeat=len(photos)):
        validating = {photo for photo, validates in zip(photos, sides, strict=True) if validates}
        if all(members - validating and (len(members) < 2 or members & validating) for members in classes.values()):
            return True
    return False


def test_random_folders_with_copies_labelled_at_random_keep_each_class_on_both_sides_where_possible():
    checked = 0
    for trial in range(3000):
        rng = random.Random(trial)
        size = rng.randint(2, 8)
        items = [Named(f"f{index}.jpg", rng.choice("ab" if trial % 2 else "abc")) for index in range(size)]
        digests = {it.relpath: f"d{rng.randint(0, size)}" for it in items}  # some share their bytes
        taught = {it.relpath for it in items if rng.random() < 0.1}
        chooser = ValidationChooser.of(items, trial, (), taught, digests)
        chosen = chooser.members(rng.choice((0.1, 0.2, 0.3, 0.5)))
        assert not chosen & taught
        by_digest: dict[str, set[str]] = {}
        for relpath in chooser.relpaths:
            by_digest.setdefault(digests[relpath], set()).add(relpath)
        assert all(members <= chosen or not members & chosen for members in by_digest.values()), trial
        classes: dict[str, set[str]] = {}
        for relpath, label in zip(chooser.relpaths, chooser.labels, strict=True):
            classes.setdefault(label, set()).add(digests[relpath])
        if not _both_sides_possible(sorted(by_digest), classes):
            continue  # e.g. photos x, y, z labelled a and b, b and c, c and a: two sides cannot part 3 pairs
        checked += 1
        validating = {digests[relpath] for relpath in chosen}
        for label, photos in classes.items():
            if len(photos) > 1:
                assert photos - validating and photos & validating, (trial, label)
    assert checked > 2900


def test_forced_images_validate_with_their_copies_and_taught_ones_never_do():
    for trial in range(1000):
        rng = random.Random(trial)
        size = rng.randint(2, 8)
        items = [Named(f"f{index}.jpg", rng.choice("abc")) for index in range(size)]
        digests = {it.relpath: f"d{rng.randint(0, size)}" for it in items}
        forced = {it.relpath for it in items if rng.random() < 0.15}
        taught = {it.relpath for it in items if rng.random() < 0.1}
        chooser = ValidationChooser.of(items, trial, forced, taught, digests)
        chosen = chooser.members(rng.choice((0.0, 0.2, 0.5)))
        kept = set(chooser.relpaths)
        assert not chosen & taught and chooser.forced <= chosen, trial
        for relpath in chooser.forced:
            assert {r for r in kept if digests[r] == digests[relpath]} <= chosen, trial


def test_the_split_is_the_same_whatever_the_string_hash_seed():
    """A photo under three names labelled three ways: the class repair's order came from a set of labels,
    which PYTHONHASHSEED orders; two processes (the dialog's and the run's, two workers) split differently."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import random
        from petloc_gui.model.splits import copies_together, split_key, validation_members
        out = []
        for trial in range(1300, 1400):
            rng = random.Random(trial)
            rel = [f"f{i}.jpg" for i in range(rng.randint(3, 12))]
            labels = [rng.choice("abcd") for _ in rel]
            pool = rel[:]; rng.shuffle(pool); copies = []
            while len(pool) >= 2 and rng.random() < 0.8:
                k = rng.randint(2, min(4, len(pool))); copies.append(tuple(pool[:k])); pool = pool[k:]
            frac = rng.choice([0.1, 0.2, 0.3, 0.5])
            keys = {r: split_key(r, 0) for r in rel}
            chosen = validation_members(rel, labels, frac, 0, (), keys)
            out.append(sorted(copies_together(chosen, rel, labels, copies, keys.__getitem__)))
        print(out)
    """)
    import os

    seen = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(seen) == 1
