"""How the window and `petloc evaluate` say that images' annotations changed since a run read them, when only
some of them are known re-boxed and the rest changed by their files' bytes alone (`reboxed_words`)."""

from __future__ import annotations

from petloc_gui.app.trained_here_said import reboxed_words


def test_some_reboxed_and_the_rest_by_bytes_are_counted_apart():
    assert reboxed_words(3, 1) == ("were changed since (2 re-boxed; the other 1 by their files' bytes: their boxes "
                                   "may differ)")


def test_all_by_bytes_and_none_by_bytes():
    assert reboxed_words(3, 3) == "were changed since (their boxes may differ)"
    assert reboxed_words(1, 1) == "was changed since (its boxes may differ)"
    assert reboxed_words(2, 0) == "were re-boxed since"
