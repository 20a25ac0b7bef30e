"""The models a model descends from beyond its parent, by the names its boxes' marks carry (ADR 0013).

A loop of fine-tunes (digits -> V1 -> V2, each `--init-from` the last) leaves V2 validating on images
whose boxes were accepted from digits' predictions: V1 trained on them and V2's weights descend from
V1's, so V2's figures there flatter it as its parent's boxes would. `core.accepted_boxes.relation` tells
such a model apart (`ANCESTOR`) given the chain found here: each meta.json names its parent, found as
`model.training_record` finds it (a bundled name, else a version of the model store). A chain that cannot
be followed to its end (a model deleted, or trained outside the store) is said to be one, never taken for
"another model's boxes".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from petloc_gui.core.accepted_boxes import Ancestry

# the lookup `training_record.ancestors_of` walks the same chain by (one rule for where a parent is found)
from petloc_gui.model.training_record import MAX_ANCESTORS, chain_broken
from petloc_gui.model.training_record import read_parent_meta as parent_meta_of


def ancestry_of(meta: Mapping[str, Any] | None) -> Ancestry:
    """The `Ancestry` of the model whose meta.json is ``meta``: its parent's parent, and so on, each as its
    child's meta.json names it (``parent``; ``parent_version_id``, else the ancestor's own ``version_id``
    when it is found). The parent itself is not among them (``meta`` names it: `relation`'s `PARENT`)."""
    models: list[tuple[str, str | None]] = []
    child: Mapping[str, Any] = meta or {}
    parent = child.get("parent")
    seen: set[str] = set()
    while isinstance(parent, str) and parent:
        if parent in seen or len(seen) >= MAX_ANCESTORS:  # hand-edited meta.json files can name a cycle
            return Ancestry(tuple(models), chain_broken(parent, seen, "the chain of models it was fine-tuned from"))
        seen.add(parent)
        found = parent_meta_of(parent)
        if child is not meta:  # beyond the parent: named by its child (found or not), so a deleted one is known
            recorded = child.get("parent_version_id") or (found or {}).get("version_id")
            models.append((parent, str(recorded) if recorded else None))
        if found is None:
            return Ancestry(tuple(models), f"the chain of models it was fine-tuned from breaks at {parent}, "
                                           "which is not found")
        child, parent = found, found.get("parent")
    return Ancestry(tuple(models))
