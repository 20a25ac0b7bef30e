"""A model trained before the case-variant refusal may hold both spellings of a class (its classes
"Cat", "cat", "dog"). A fine-tune of it was refused with the hint `--renamed Cat=cat`, which
`rename_problem` then refused ("the model being fine-tuned has a class Cat of its own"): a way out that
led nowhere. Now no such rename is offered for such a class: the words say the model holds both, and
name the renames that do help (one of its spellings to a name of its own:
test_case_variants_of_the_model_renamed_away.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.cli.train_checks import _refuse_case_variants
from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.core.errors import DatasetError
from petloc_gui.model.class_renames import rename_problem

MODEL = ["Cat", "cat", "dog"]
HOLDS_BOTH = ('The model being fine-tuned has both "Cat" and "cat" among its own classes, and a fine-tune keeps '
              "every class of its model: train a new model from scratch, fine-tune another one, or give the "
              "model's ")


def _refusal(boxes, model=MODEL) -> str:
    """What `petloc train` says of a fine-tune of a model of classes ``model`` on ``boxes``."""
    with pytest.raises(DatasetError) as refused:
        _refuse_case_variants(Path("folder"), boxes, model)
    return refused.value.reason


@pytest.mark.parametrize("boxes", [{"dog": 3}, {"dog": 3, "cat": 2}, {"dog": 3, "Cat": 2, "cat": 1}])
def test_no_rename_is_offered_for_two_spellings_the_model_holds(boxes):
    text = _refusal(boxes)
    assert "--renamed Cat=cat" not in text and "--renamed cat=Cat" not in text  # a merge: refused
    assert "Edit → Classes… (Ctrl+L) renames" not in text  # the other classes' way: none here
    assert HOLDS_BOTH.replace('both "Cat" and "cat"', f'both {_both_as_sorted(boxes)}') in text
    assert rename_problem({"Cat": "cat"}, MODEL, {}) is not None  # the rename it offered would be refused


def _both_as_sorted(boxes) -> str:
    first, second = sorted(["Cat", "cat"], key=lambda name: -boxes.get(name, 0))  # the most used first
    return f'"{first}" and "{second}"'


def test_the_other_classes_still_get_their_way_out():
    text = case_variant_refusal({"dog": 3, "Dog": 1}, MODEL)
    assert HOLDS_BOTH in text
    assert text.endswith("; for the others, give each class one name: the window's Edit → Classes… (Ctrl+L) "
                         "renames a class on every box of the folder, and renaming one spelling to the other "
                         "merges them")


def test_a_class_the_model_holds_once_keeps_its_rename_hint():
    text = _refusal({"Cat": 2, "dog": 1}, ["cat", "dog"])
    assert "--renamed Cat=cat" in text and "among its own classes" not in text

