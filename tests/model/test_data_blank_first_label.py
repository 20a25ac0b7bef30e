"""`model.data.collect_samples`: a box labelled with nothing but characters drawn as nothing ("\\u200b", a word
joiner and a zero-width space, a soft hyphen, the Hangul filler U+3164, a lone U+FE0F) is passed over as one with no
label is (`core.scored_objects.labelled`): the image learns its next box with a label, or is skipped ("object has no
label") when it has none.

First it became a sample of a class with no name to see (`petloc train` then refused the whole run for it; an
empty label only skipped its image); then an image whose first box was so labelled was skipped whole, though a run
learns the next usable box of one whose first has an empty label, and evaluate scored it against that label."""

from __future__ import annotations

import pytest

from petloc_gui.model.data import collect_samples
from tests.cli.helpers import write_annotated

BLANK = ["\u200b", "\u2060\u200b", "\xad", "\u3164", "\ufe0f"]


@pytest.mark.parametrize("blank", BLANK, ids=ascii)
def test_a_box_drawn_as_nothing_is_passed_over_as_an_empty_label_is(tmp_path, blank):
    write_annotated(tmp_path, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(tmp_path, "b", 40, 30, [(blank, (5, 5, 20, 20))])
    write_annotated(tmp_path, "c", 40, 30, [("", (5, 5, 20, 20))])
    write_annotated(tmp_path, "d", 40, 30, [(blank, (5, 5, 20, 20)), ("dog", (1, 1, 9, 9))])
    write_annotated(tmp_path, "e", 40, 30, [("dog", (5, 5, 20, 20)), (blank, (1, 1, 9, 9))])
    write_annotated(tmp_path, "f", 40, 30, [("", (5, 5, 20, 20)), ("dog", (1, 1, 9, 9))])
    samples, skipped, _ = collect_samples(tmp_path)
    assert [(sample.relpath, sample.label, sample.ground_truth) for sample in samples] == [
        ("a.png", "cat", (("cat", (5.0, 5.0, 20.0, 20.0)),)),
        ("d.png", "dog", (("dog", (1.0, 1.0, 9.0, 9.0)),)),
        ("e.png", "dog", (("dog", (5.0, 5.0, 20.0, 20.0)),)),  # scored against the dog alone
        ("f.png", "dog", (("dog", (1.0, 1.0, 9.0, 9.0)),))]
    assert skipped == [(str(tmp_path / f"{stem}.png"), "object has no label") for stem in "bc"]


@pytest.mark.parametrize("name", ["do\u200bg", "\u2764\ufe0f"], ids=ascii)
def test_a_first_label_that_shows_something_is_a_sample_as_before(tmp_path, name):
    write_annotated(tmp_path, "a", 40, 30, [(name, (5, 5, 20, 20))])
    samples, skipped, _ = collect_samples(tmp_path)
    assert [sample.label for sample in samples] == [name] and skipped == []
