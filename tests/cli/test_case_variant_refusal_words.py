"""`petloc train` and the window refuse a class typed two ways in one sentence
(`core.case_variant_refusal`): the window's words are the command's, but for the rename hint, which
names --renamed in the command and the Retrain dialog's class choices in the window."""

from __future__ import annotations

import shlex

import pytest

from petloc_gui.cli.train_checks import _refuse_case_variants
from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.core.errors import DatasetError


def _cli_hint(renames) -> str:  # `cli.train_checks`'s own hint
    pairs = " --renamed ".join(shlex.quote(f"{new}={old}") for new, old in renames)
    return (f"; or, for a class of the model spelled otherwise here, add --renamed {pairs} "
            "to keep its weights under this folder's spelling")


@pytest.mark.parametrize(("boxes", "parent"), [
    ({"bengal": 3, "Bengal": 1, "dog": 2}, []),
    ({"bengal cat": 1, "bengal  cat": 1, "ABYSSINIAN": 2, "abyssinian": 5}, []),
    ({"Cat": 2, "dog": 2}, ["cat", "dog"]),
    ({"Cat": 2, "cat": 1}, ["cat"]),
])
def test_the_command_refuses_in_the_shared_words(tmp_path, boxes, parent):
    with pytest.raises(DatasetError) as refused:
        _refuse_case_variants(tmp_path, boxes, parent)
    assert refused.value.reason == case_variant_refusal(boxes, parent, _cli_hint)


def test_one_spelling_each_no_refusal():
    assert case_variant_refusal({"cat": 3, "dog": 1}, ["cat", "bird"]) == ""


def test_the_window_counts_images_where_it_says_so():
    text = case_variant_refusal({"Bengal": 3, "bengal": 1}, noun=("image", "images"))
    assert '"Bengal" (3 images) and "bengal" (1 image)' in text
