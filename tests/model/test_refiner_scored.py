"""Which images a bundle that carries its parent's second stage is scored on (`carried_refiner.refiner_scored`):
its figures (`rescored_with_refiner`) and those on its person-drawn boxes (`training_accepted.with_carried_refiner`)
each wrote the rule out; one helper now gives both the same images. The runs that exercise both are
tests/model/test_retrain_keeps_refiner.py, tests/model/test_training_accepted_boxes.py and
tests/model/test_rescore_and_comparison_agree.py."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.model.carried_refiner import refiner_scored


def _items(*relpaths: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(relpath=relpath) for relpath in relpaths]


def _chose(*relpaths: str) -> dict:
    """A meta.json whose second stage chose its epoch and variant on ``relpaths``."""
    return {"refine": {"selection": {"part": "selection part", "images": list(relpaths)}}}


def test_the_images_that_chose_the_refiner_are_left_out_and_counted():
    items = _items("a.png", "b.png", "c.png")
    scored, chose = refiner_scored(_chose("b.png", "elsewhere.png"), items)
    assert [it.relpath for it in scored] == ["a.png", "c.png"] and chose == 1


def test_when_every_image_chose_it_all_of_them_are_scored():
    items = _items("a.png", "b.png")
    scored, chose = refiner_scored(_chose("a.png", "b.png"), items)
    assert scored == items and chose == 2


def test_a_bundle_without_a_second_stage_is_scored_on_every_image():
    items = _items("a.png", "b.png")
    assert refiner_scored({}, items) == (items, 0)
    # a refiner that names no photos: every validation photo of its first stage chose it
    scored, chose = refiner_scored({"refine": {"model_file": "refine.keras"},
                                    "validation_split": {"images": ["a.png"]}}, items)
    assert [it.relpath for it in scored] == ["b.png"] and chose == 1
