"""`model.data.collect_samples`: an image whose first box is labelled with nothing but characters drawn as nothing
("\\u200b", a word joiner and a zero-width space, a soft hyphen, the Hangul filler U+3164, a lone U+FE0F) is skipped
as one whose first box has no label is ("object has no label"), whatever its other boxes.

Before: it became a sample of a class with no name to see (`petloc train` then refused the whole run for it; an
empty label only skipped its image)."""

from __future__ import annotations

import pytest

from petloc_gui.model.data import collect_samples
from tests.cli.helpers import write_annotated

BLANK = ["\u200b", "\u2060\u200b", "\xad", "\u3164", "\ufe0f"]


@pytest.mark.parametrize("blank", BLANK, ids=ascii)
def test_a_first_box_drawn_as_nothing_skips_its_image_as_an_empty_label_does(tmp_path, blank):
    write_annotated(tmp_path, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(tmp_path, "b", 40, 30, [(blank, (5, 5, 20, 20))])
    write_annotated(tmp_path, "c", 40, 30, [("", (5, 5, 20, 20))])
    write_annotated(tmp_path, "d", 40, 30, [(blank, (5, 5, 20, 20)), ("dog", (1, 1, 9, 9))])
    write_annotated(tmp_path, "e", 40, 30, [("dog", (5, 5, 20, 20)), (blank, (1, 1, 9, 9))])
    samples, skipped, _ = collect_samples(tmp_path)
    assert [(sample.relpath, sample.label) for sample in samples] == [("a.png", "cat"), ("e.png", "dog")]
    assert skipped == [(str(tmp_path / f"{stem}.png"), "object has no label") for stem in "bcd"]


@pytest.mark.parametrize("name", ["do\u200bg", "\u2764\ufe0f"], ids=ascii)
def test_a_first_label_that_shows_something_is_a_sample_as_before(tmp_path, name):
    write_annotated(tmp_path, "a", 40, 30, [(name, (5, 5, 20, 20))])
    samples, skipped, _ = collect_samples(tmp_path)
    assert [sample.label for sample in samples] == [name] and skipped == []
