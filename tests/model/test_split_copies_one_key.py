"""A set of byte-identical copies is one photo with one key, its smallest relative path's: it validates as
often as an image with no copy does, and reports as often (`splits.copies_together`, `splits.report_members`).
When any path of a set could take it to validation, a folder of photos saved twice validated 35% of its
images at --val-fraction 0.2; when each path had to say "report", a quarter of validation photos reported."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from petloc_gui.model.splits import REPORT_SHARE, report_members, split_key
from petloc_gui.model.training_data import validation_split

PHOTOS = 400


@dataclass(frozen=True)
class Named:
    relpath: str
    label: str
    image_path: str = ""


def _saved_times(times: int, seed: int) -> tuple[list[Named], dict[str, str], list[tuple[str, ...]]]:
    """``PHOTOS`` photos of two classes, each saved ``times`` times under unrelated names."""
    rng = random.Random(seed)
    items, digests, copies = [], {}, []
    for photo in range(PHOTOS):
        label = "cat" if photo % 2 else "dog"
        names = tuple(f"{''.join(rng.choices('abcdefgh', k=6))}/{label}_{photo}.jpg" for _ in range(times))
        items += [Named(name, label) for name in names]
        digests |= dict.fromkeys(names, f"sha-{photo}")
        copies.append(names)
    return items, digests, copies


@pytest.mark.parametrize("times", [2, 3])
@pytest.mark.parametrize("fraction", [0.2, 0.5])
def test_photos_saved_several_times_validate_at_the_asked_fraction(times, fraction):
    items, digests, copies = _saved_times(times, seed=times)
    chosen = validation_split(items, fraction, 0, digests=digests)
    assert all(set(names) <= chosen or not set(names) & chosen for names in copies)
    assert abs(len(chosen) / len(items) - fraction) < 0.05


@pytest.mark.parametrize("times", [2, 3])
def test_validation_photos_saved_several_times_report_half_the_time(times):
    items, _, copies = _saved_times(times, seed=10 + times)
    report = report_members([it.relpath for it in items], 0, copies)
    reporting = [names for names in copies if set(names) <= report]
    assert all(set(names) <= report or not set(names) & report for names in copies)
    assert abs(len(reporting) / PHOTOS - REPORT_SHARE) < 0.07


def _name(prefix: str, wanted) -> str:
    return next(name for name in (f"{prefix}{index}.jpg" for index in range(10_000)) if wanted(name))


def test_a_set_takes_the_side_and_the_part_of_its_smallest_path():
    def validates(name: str) -> bool:
        return split_key(name) < 0.2

    def trains(name: str) -> bool:
        return split_key(name) >= 0.5

    dogs = [Named(f"dog_{index}.jpg", "dog") for index in range(20)]
    # "a/..." sorts before "z/...": the first path of each pair decides, whatever the other's key
    for first_low in (True, False):
        first = _name("a/cat", validates if first_low else trains)
        second = _name("z/cat", trains if first_low else validates)
        others = [Named(f"cat_{index}.jpg", "cat") for index in range(20)]
        items = [Named(first, "cat"), Named(second, "cat"), *others, *dogs]
        digests = {it.relpath: f"own-{it.relpath}" for it in items} | {first: "same", second: "same"}
        chosen = validation_split(items, 0.2, 0, digests=digests)
        assert ({first, second} <= chosen) == first_low and ({first, second} & chosen) in (set(), {first, second})

    def reports(name: str) -> bool:
        return split_key(f"report\0{name}") >= 1.0 - REPORT_SHARE

    alone = [f"v_{index}.jpg" for index in range(10)]
    for first_reports in (True, False):
        first = _name("a/cat", lambda name, wanted=first_reports: reports(name) == wanted)
        second = _name("z/cat", lambda name, wanted=first_reports: reports(name) != wanted)
        report = report_members([first, second, *alone], 0, [(first, second)])
        assert ({first, second} <= report) == first_reports and ({first, second} & report) in (set(), {first, second})
        assert report - {first, second} == {name for name in alone if reports(name)}
