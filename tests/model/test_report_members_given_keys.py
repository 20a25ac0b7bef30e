"""`splits.report_members` takes the report keys worked out before (`splits.report_keys`), as
`validation_members` takes its split keys: the Retrain dialog counts the compared images at every step of its
fraction (`verdict_images.ComparedImages`) with the run's own rule on keys hashed once. Before, the count
repeated the rule's fallbacks (no photo reports, every photo reports) on its own keys, a second copy of the rule
to keep in step with the run's."""

from __future__ import annotations

import random

import pytest

from petloc_gui.model import splits
from petloc_gui.model.splits import REPORT_SHARE, report_keys, report_members, split_key

NAMES = [f"img_{i:02d}.png" for i in range(40)]
COPIES = [("img_00.png", "img_07.png"), ("img_03.png", "img_05.png", "img_09.png"), ("img_20.png", "img_31.png")]


def _validation_sets(count: int = 300):
    """Random validation sets of 1 to 8 photos, each set of copies whole (copies are on one side of the split)."""
    rng = random.Random(7)
    in_copies = {n for photo in COPIES for n in photo}
    photos = [*COPIES, *[(n,) for n in NAMES if n not in in_copies]]
    for _ in range(count):
        yield [n for photo in rng.sample(photos, rng.randint(1, 8)) for n in photo]


def test_keys_worked_out_on_all_the_images_give_the_parts_the_run_draws():
    keys = report_keys(NAMES, 3, COPIES)
    fallbacks = 0
    for validation in _validation_sets():
        drawn = report_members(validation, 3, COPIES)
        assert report_members(validation, 3, COPIES, keys=keys) == drawn, validation
        keyed = {n for n in validation if keys[n] >= 1.0 - REPORT_SHARE}
        fallbacks += bool(drawn) and keyed != drawn
    assert fallbacks  # some sets had a part the keys left empty, so the rule's fallbacks were met


def test_a_copy_s_key_is_its_photo_s():
    keys = report_keys(NAMES, 3, COPIES)
    assert keys["img_09.png"] == keys["img_03.png"] == split_key("report\0img_03.png", 3)
    assert keys["img_11.png"] == split_key("report\0img_11.png", 3)


def test_given_keys_nothing_is_hashed_and_the_keys_decide(monkeypatch):
    keys = report_keys(NAMES, 0, COPIES)
    validation = ["img_00.png", "img_07.png", "img_11.png", "img_12.png"]
    drawn = report_members(validation, 0, COPIES)
    monkeypatch.setattr(splits, "split_key", lambda *args: pytest.fail("hashed a path"))
    assert report_members(validation, 0, COPIES, keys=keys) == drawn
    given = dict.fromkeys(validation, 0.1) | {"img_12.png": 0.9}  # only img_12 says "report"
    assert report_members(validation, 0, COPIES, keys=given) == {"img_12.png"}
    given = dict.fromkeys(validation, 0.1)  # none says "report": the highest-key photo (the copies at 0.2) does
    given |= {"img_00.png": 0.2, "img_07.png": 0.2}
    assert report_members(validation, 0, COPIES, keys=given) == {"img_00.png", "img_07.png"}
