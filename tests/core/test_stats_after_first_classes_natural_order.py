"""The classes only ever on an image's later boxes are named in natural order (c2, c9, c10), as the class ids
and every other list of classes petloc shows: by text c10 came before c2."""

from __future__ import annotations

from petloc_gui.core.stats import after_first_classes


def test_classes_after_the_first_box_are_in_natural_order():
    every = {"c10": 1, "c9": 2, "c2": 1, "dog": 3}
    first = {"dog": 3}

    assert after_first_classes(first, every) == ["c2", "c9", "c10"]
