"""How an image was found to be one a model trained on, in words (`model.training_record.count_matches`'s kinds):
said alike by `petloc evaluate` (`cli.evaluate_trained_on`) and the window (`app.trained_here_said`)."""

from __future__ import annotations

from collections.abc import Mapping

# `Lineage.match`'s kinds, in the order they are said
MATCH_WORDS = {"content": "identical bytes", "path": "recorded path"}


def how_matched(kinds: Mapping[str, int]) -> str:
    """ "33 by identical bytes", "2 by identical bytes and 1 by recorded path": ``kinds`` as `count_matches` counts
    them (a kind counted 0 is not said)."""
    return " and ".join(f"{kinds[kind]} by {words}" for kind, words in MATCH_WORDS.items() if kinds.get(kind))
