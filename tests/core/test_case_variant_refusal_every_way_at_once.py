"""The refusal of a fine-tune of a model that holds "Cat" and "cat" itself, of a folder that spells the class
"CAT", in the window's words (`Wording`: the Retrain dialog's class choices): it offered "cat renamed" for the
folder's "CAT" itself, which makes the model's "cat" a second "CAT" beside its "Cat", and did not say that
"Cat" must become "CAT" too. Its choices are now every one the run needs, on classes of the folder new to the
model and no spelling of the class refused; where there are none, it names no choice. And every branch, in
either words, ends a whole clause, which the window closes with its full stop."""

from __future__ import annotations

import re

import pytest

from petloc_gui.core.case_variant_refusal import Wording, case_variant_refusal

MODEL = ["Cat", "cat", "dog"]


def _renamed(classes: list[str], renamed: dict[str, str]) -> list[str]:
    """The fine-tune's classes with ``renamed`` (``{new: old}``, the dialog's choices) applied."""
    new_of = {old: new for new, old in renamed.items()}
    return [new_of.get(name, name) for name in classes]


def test_the_window_names_both_choices_and_they_let_the_run_start():
    boxes = {"CAT": 8, "kitten": 2}
    text = case_variant_refusal(boxes, MODEL, wording=Wording("above"))
    assert text.endswith('or for a class of this folder new to the model that is the model\'s "cat" renamed, '
                         'choose "cat renamed" above, and choose "Cat renamed" for "CAT" above'), text
    assert case_variant_refusal(boxes, _renamed(MODEL, {"kitten": "cat"})) != ""  # one choice alone: refused
    assert case_variant_refusal(boxes, _renamed(MODEL, {"kitten": "cat", "CAT": "Cat"})) == ""


def test_a_spelling_of_the_class_is_no_class_to_rename_the_models_other_spelling_to():
    text = case_variant_refusal({"CAT": 8, "dog": 2}, MODEL, wording=Wording("above"))
    assert text.endswith("train a new model from scratch or fine-tune another one"), text
    assert "renamed" not in text
    assert case_variant_refusal({"CAT": 8}, _renamed(MODEL, {"CAT": "cat"})) != ""  # the choice it offered


def test_the_boxes_of_the_spelling_kept_are_relabelled_the_folders_first():
    text = case_variant_refusal({"CAT": 5, "Cat": 2, "kitten": 3}, MODEL,
                                wording=Wording("when Retrain (Ctrl+T) opens again"))
    assert text.endswith('relabel the boxes labelled "Cat" here "CAT" (the window\'s Edit → Classes…), save them, '
                         'and choose "Cat renamed" for "CAT" when Retrain (Ctrl+T) opens again'), text
    relabelled = {"CAT": 7, "kitten": 3}
    assert case_variant_refusal(relabelled, _renamed(MODEL, {"kitten": "cat", "CAT": "Cat"})) == ""


_CASES = [({"Cat": 2, "cat": 1}, []), ({"Cat": 2, "dog": 1}, ["cat", "dog"]), ({"CAT": 2, "cat": 1}, ["cat", "dog"]),
          ({"dog": 3}, MODEL), ({"CAT": 8}, MODEL), ({"CAT": 8, "kitten": 2}, MODEL), ({"Cat": 3, "cat": 1}, MODEL),
          ({"CAT": 5, "Cat": 2, "cat": 1, "kitten": 1}, MODEL), ({"CAT": 5, "cAt": 2, "kitten": 1}, MODEL),
          ({"CAT": 4, "Dog": 2}, MODEL), ({"cat": 3, "Cat": 1, "kitten": 2, "Dog": 1}, MODEL)]


def _hint(renames) -> str:
    return "; or, for a class of the model spelled otherwise here, add " + " ".join(
        f"--renamed {new}={old}" for new, old in renames) + " to keep its weights"


@pytest.mark.parametrize(("boxes", "parent"), _CASES)
@pytest.mark.parametrize("words", [{}, {"rename_hint": _hint}, {"wording": Wording("above")},
                                   {"wording": Wording("when Retrain (Ctrl+T) opens again", _hint)}])
def test_every_branch_ends_a_whole_clause(boxes, parent, words):
    text = case_variant_refusal(boxes, parent, **words)
    assert text, (boxes, parent)
    assert re.search(r'[\w")]$', text), text  # no ",", ";", ":" or space left open
    assert not re.search(r"\b(or|and|for|to|the|a|with|once|here|its)$", text), text
    assert text.count("(") == text.count(")"), text
