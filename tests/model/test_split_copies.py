"""Byte-identical images (one photo under two names) land on one side of the split, and in one part of
validation (`splits.report_members`); images with no copy keep the side and part the hash of their path gives
them (`splits.copies_together`, ADR 0007)."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from petloc_gui.model.identical_images import KEPT_KEY, MOVED_KEY, SETS_KEY, copies_notices, possible_copy_digests
from petloc_gui.model.splits import REPORT_SHARE, ValidationChooser, report_members, split_key, validation_members
from petloc_gui.model.training_data import TrainingData, validation_split
from tests.cli.helpers import voc_xml


@dataclass(frozen=True)
class Named:
    relpath: str
    label: str
    image_path: str = ""


def _photo(folder: Path, relpath: str, label: str, seed: int) -> None:
    """A 24x24 noise PNG (distinct bytes per seed) and its VOC box of ``label``."""
    image = folder / relpath
    image.parent.mkdir(parents=True, exist_ok=True)
    pixels = np.random.default_rng(seed).integers(0, 255, (24, 24, 3), dtype=np.uint8)
    Image.fromarray(pixels, "RGB").save(image)
    image.with_suffix(".xml").write_text(voc_xml(image.name, 24, 24, [(label, (4, 4, 20, 20))]), encoding="utf-8")


def _copy(folder: Path, source: str, relpath: str) -> None:
    """``source``'s image under another name (the same bytes), with its own annotation."""
    target = folder / relpath
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder / source, target)
    label = "cat" if source.startswith("cat") else "dog"
    target.with_suffix(".xml").write_text(voc_xml(target.name, 24, 24, [(label, (4, 4, 20, 20))]), encoding="utf-8")


def _name_with_key(prefix: str, low: bool, fraction: float = 0.2) -> str:
    """A relative path whose split key is below ``fraction`` (``low``) or at least 0.5."""
    for index in range(10_000):
        name = f"{prefix}_{index}.png"
        if (split_key(name) < fraction) if low else (split_key(name) >= 0.5):
            return name
    raise AssertionError("no such name")


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "photos"
    for index in range(30):
        label = "cat" if index % 2 else "dog"
        _photo(folder, f"{label}_{index:02d}.png", label, index)
    return folder


def test_two_copies_whose_paths_split_them_land_on_one_side(photos):
    before = TrainingData.collect(photos, val_fraction=0.2).splits_record()
    trained, validated = before["train"][0], before["validation"][0]
    # a copy of a training image whose path says "validation", one of a validation image whose path says "train"
    to_validation = _name_with_key("backup/re-export", low=True)
    to_training = _name_with_key("sorted/again", low=False)
    _copy(photos, trained, to_validation)
    _copy(photos, validated, to_training)
    data = TrainingData.collect(photos, val_fraction=0.2)
    after = data.splits_record()
    # the smallest path of each set chose its side (the copy, "backup/", and the validation image): both
    # copies validate, each beside its twin
    assert {trained, to_validation, validated, to_training} <= set(after["validation"])
    # the images with no copy kept their sides
    for side in ("train", "validation"):
        assert set(before[side]) - {trained} <= set(after[side]), side
    record = data.validation_record()
    assert (record[KEPT_KEY], record[SETS_KEY], record[MOVED_KEY]) == (4, 2, 2)
    assert "4 images share their bytes" in copies_notices(record)[0]


def test_a_folder_with_no_copies_splits_exactly_as_by_paths_alone(photos):
    data = TrainingData.collect(photos, val_fraction=0.3, seed=4)
    relpaths = [it.relpath for it in data.items]
    assert {it.relpath for it in data.validation} == validation_members(relpaths, [it.label for it in data.items],
                                                                         0.3, 4)
    assert data.validation_record()[KEPT_KEY] == 0 and copies_notices(data.validation_record()) == []


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_distinct_images_on_random_names_keep_the_old_split(seed):
    rng = random.Random(seed)
    names = [f"{''.join(rng.choices('abcdefghij/_', k=12))}_{i}.jpg" for i in range(400)]
    labels = [rng.choice("abcde") for _ in names] + ["lone"]
    names.append("lone.jpg")  # a class of one image: it trains
    items = [Named(n, label) for n, label in zip(names, labels, strict=True)]
    digests = {n: f"sha-{i}" for i, n in enumerate(names)}  # no two alike
    forced = set(rng.sample(names, 10))
    taught = set(rng.sample(names, 20))
    people = [it for it in items if it.relpath not in taught]
    chooser = ValidationChooser.of(items, seed, forced, taught, digests)
    for fraction in (0.0, 0.05, 0.2, 0.5, 0.9):
        old = validation_members([it.relpath for it in people], [it.label for it in people], fraction, seed,
                                 forced - taught)
        assert validation_split(items, fraction, seed, forced, taught, digests) == old
        assert chooser.members(fraction) == old


def _items_with_copies(sets: dict[str, list[str]], labels: dict[str, str]) -> tuple[list[Named], dict[str, str]]:
    digests = {name: digest for digest, names in sets.items() for name in names}
    items = [Named(name, label) for name, label in labels.items()]
    return items, {**{it.relpath: f"own-{it.relpath}" for it in items}, **digests}


def test_a_class_that_is_one_set_of_copies_trains_as_one_image_does():
    labels = {f"dog_{i}.png": "dog" for i in range(10)} | {"cat_a.png": "cat", "cat_b.png": "cat"}
    items, digests = _items_with_copies({"same": ["cat_a.png", "cat_b.png"]}, labels)
    chosen = validation_split(items, 0.2, 0, digests=digests)
    assert not {"cat_a.png", "cat_b.png"} & chosen  # by paths alone one of them validated, one trained


def test_a_class_the_copies_left_with_no_training_image_gets_its_highest_set_back():
    low = [n for n in (f"a_{i}.png" for i in range(500)) if split_key(n) < 0.2]
    high = [n for n in (f"b_{i}.png" for i in range(500)) if split_key(n) >= 0.5]
    # class "a": one image that validates alone, and a copy pair split by its paths; class "b" is other photos
    single, pair = low[0], (low[1], high[0])
    labels = {single: "a", pair[0]: "a", pair[1]: "a"} | {n: "b" for n in high[1:20]}
    items, digests = _items_with_copies({"same": list(pair)}, labels)
    chosen = validation_split(items, 0.2, 0, digests=digests)
    assert single in chosen and not set(pair) & chosen


def test_a_copy_of_a_train_only_image_never_validates():
    low = [n for n in (f"p_{i}.png" for i in range(500)) if split_key(n) < 0.2]
    labels = {n: "x" for n in low[:6]} | {f"y_{i}.png": "y" for i in range(10)}
    items, digests = _items_with_copies({"same": [low[0], "teacher.png"]}, labels | {"teacher.png": "x"})
    assert low[0] in validation_split(items, 0.2, 0, digests={})  # by its path alone
    assert low[0] not in validation_split(items, 0.2, 0, train_only={"teacher.png"}, digests=digests)


def test_a_forced_image_takes_its_copies_to_validation():
    labels = {f"x_{i}.png": "x" for i in range(12)}
    high = [n for n in labels if split_key(n) >= 0.5]
    items, digests = _items_with_copies({"same": high[:2]}, labels)
    chosen = validation_split(items, 0.2, 0, forced={high[0]}, digests=digests)
    assert set(high[:2]) <= chosen


def test_the_dialog_s_digests_find_the_run_s_copies_reading_only_files_of_a_shared_size(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"12345")
    (tmp_path / "b.bin").write_bytes(b"12345")
    (tmp_path / "c.bin").write_bytes(b"12346")  # same size, other bytes
    (tmp_path / "d.bin").write_bytes(b"123")  # no other of its size: not read
    found = possible_copy_digests({name: tmp_path / name for name in ("a.bin", "b.bin", "c.bin", "d.bin", "gone")})
    assert set(found) == {"a.bin", "b.bin", "c.bin"}
    assert found["a.bin"] == found["b.bin"] != found["c.bin"]


def _report_side(relpath: str, seed: int = 0) -> bool:
    """Whether the key of ``relpath`` alone puts it in the report part (`splits.report_members`)."""
    return split_key(f"report\0{relpath}", seed) >= 1.0 - REPORT_SHARE


def test_two_copies_whose_paths_split_validation_s_parts_land_in_one_part(photos):
    validated = TrainingData.collect(photos, val_fraction=0.2).splits_record()["validation"][0]
    # a copy that validates by its own path too, whose path alone puts it in the other part than its twin
    copy = next(name for name in (f"backup/copy_{i}.png" for i in range(10_000))
                if split_key(name) < 0.2 and _report_side(name) != _report_side(validated))
    _copy(photos, validated, copy)
    data = TrainingData.collect(photos, val_fraction=0.2)
    relpaths = [it.relpath for it in data.validation]
    assert {validated, copy} <= set(relpaths)
    by_path_alone = report_members(relpaths)
    assert (validated in by_path_alone) != (copy in by_path_alone)  # as petloc split them before
    selection, report = ({it.relpath for it in part} for part in data.validation_parts())
    assert {validated, copy} <= report or {validated, copy} <= selection
    assert selection and report
    # the images with no copy keep their part
    assert report - {validated, copy} == by_path_alone - {validated, copy}
    record = data.validation_parts_record()  # meta.json validation_parts
    assert (record["selection"], record["report"]) == (sorted(selection), sorted(report))
    assert (record[KEPT_KEY], record[SETS_KEY], record[MOVED_KEY]) == (2, 1, 1)
    assert "byte-identical" in record["rule"]


@pytest.mark.parametrize("seed", [0, 3, 11])
def test_images_with_no_copy_keep_their_part_and_copies_share_one(seed):
    rng = random.Random(seed)
    for size in (2, 3, 4, 5, 8, 40, 300):
        names = [f"{''.join(rng.choices('abcdefghij/_', k=10))}_{i}.jpg" for i in range(size)]
        pool = rng.sample(names, rng.randrange(0, size + 1))
        copies, start = [], 0
        while start < len(pool) - 1:  # disjoint sets of 2 or 3 copies
            step = rng.choice((2, 3))
            copies.append(pool[start:start + step])
            start += step
        copies = [s for s in copies if len(s) > 1]
        old, new = report_members(names, seed), report_members(names, seed, copies)
        in_sets = {name for s in copies for name in s}
        alone = [n for n in names if n not in in_sets]
        assert {n for n in alone if n in new} == {n for n in alone if n in old}
        for members in copies:
            assert set(members) <= new or not set(members) & new, members
        photos = len(names) - len(in_sets) + len(copies)
        assert (bool(new) and new != set(names)) if photos > 1 else new == set(), (size, copies)
    assert report_members(["a.jpg", "b.jpg"], seed, [("a.jpg", "b.jpg")]) == set()  # one photo: it only chooses
    assert report_members(["a.jpg", "b.jpg", "c.jpg"], seed, [("a.jpg", "b.jpg", "not-validation.jpg")]) in (
        {"a.jpg", "b.jpg"}, {"c.jpg"})
