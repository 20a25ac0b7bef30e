"""The refiner chooses its epoch and variant on the first stage's selection photos that the data folder
still holds.

With every selection photo left out (``exclude``, deleted, renamed) and report photos present, nothing
chose (``chose`` was ``slice(0, 0)``): the refiner's epoch and variant were chosen on no photo at all.
"""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.core.epoch_choice import REFINER_ALL_VALIDATION, REFINER_SELECTION_PART
from petloc_gui.model.refine_training import selection_first

META = {"validation_parts": {"selection": ["s0.jpg", "s1.jpg"], "report": ["r0.jpg", "r1.jpg"]}}
LISTED = {"s0.jpg", "s1.jpg", "r0.jpg", "r1.jpg"}


def _items(*names: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(relpath=name) for name in names]


def _chosen(items: list[SimpleNamespace]) -> tuple[list[str], list[str], str]:
    val_items, chose, part = selection_first(META, LISTED, items)
    return [it.relpath for it in val_items], [it.relpath for it in val_items[chose]], part


def test_the_selection_photos_choose_and_come_first():
    assert _chosen(_items("r0.jpg", "t0.jpg", "s1.jpg", "r1.jpg", "s0.jpg")) == (
        ["s1.jpg", "s0.jpg", "r0.jpg", "r1.jpg"], ["s1.jpg", "s0.jpg"], REFINER_SELECTION_PART)
    assert _chosen(_items("r0.jpg", "s1.jpg", "t0.jpg")) == (["s1.jpg", "r0.jpg"], ["s1.jpg"], REFINER_SELECTION_PART)


def test_with_no_selection_photo_present_every_validation_photo_present_chooses():
    val_items, chose, part = _chosen(_items("r0.jpg", "t0.jpg", "r1.jpg"))
    assert chose == val_items == ["r0.jpg", "r1.jpg"] and part == REFINER_ALL_VALIDATION


def test_with_no_report_photo_present_the_selection_photos_choose_as_the_selection_part():
    # Before: recorded as "every validation photo of its first stage", as if the absent report photos chose too
    assert _chosen(_items("s0.jpg", "t0.jpg")) == (["s0.jpg"], ["s0.jpg"], REFINER_SELECTION_PART)
    no_report = {"validation_parts": {"selection": ["s0.jpg", "s1.jpg"], "report": []}}  # it records none
    val_items, chose, part = selection_first(no_report, {"s0.jpg", "s1.jpg"}, _items("s0.jpg", "s1.jpg"))
    assert val_items[chose] == val_items and part == REFINER_ALL_VALIDATION
    assert _chosen(_items("t0.jpg")) == ([], [], REFINER_ALL_VALIDATION)  # then train_refiner refuses: no photos
