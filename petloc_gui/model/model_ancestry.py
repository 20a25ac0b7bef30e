"""The models a model descends from beyond its parent, by the names its boxes' marks carry (ADR 0013).

A loop of fine-tunes (digits -> V1 -> V2, each `--init-from` the last) leaves V2 validating on images
whose boxes were accepted from digits' predictions: V1 trained on them and V2's weights descend from
V1's, so V2's figures there flatter it as its parent's boxes would. `core.accepted_boxes.relation` tells
such a model apart (`ANCESTOR`) given the chain found here: each meta.json names its parent, found as
`model.parent_chain.locate` finds it (a bundled name, a version of the model store, or a bundle written
beside its child's). A chain that cannot be followed to its end (a model deleted, or moved away from its
child's folder) is said to be one, never taken for "another model's boxes".
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from petloc_gui.core.accepted_boxes import Ancestry

# one walk of the chain, as `training_record.ancestors_of` takes it (one rule for where a parent is found)
from petloc_gui.model.training_record import ParentChain, parent_chain

CHAIN = "the chain of models it was fine-tuned from"


def ancestry_of(meta: Mapping[str, Any] | None, chain: ParentChain | None = None,
                located: str | os.PathLike[str] | None = None) -> Ancestry:
    """The `Ancestry` of the model whose meta.json is ``meta``: its parent's parent, and so on, each as its
    child's meta.json names it (``parent``; ``parent_version_id``, else the ancestor's own ``version_id``
    when it is found). The parent itself is not among them (``meta`` names it: `relation`'s `PARENT`).
    ``chain``: its `parent_chain`, when walked already (else walked from ``located``, its bundle's folder)."""
    chain = chain if chain is not None else parent_chain(meta, located)
    models: list[tuple[str, str | None]] = []
    child_version: Any = (meta or {}).get("parent_version_id")
    for index, (name, found) in enumerate(chain.found):
        if index:  # beyond the parent
            models.append((name, _recorded(child_version or found.version_id)))
        child_version = found.parent_version_id
    if chain.broken_at:
        if chain.found:  # beyond the parent: named by its child (not found), so a deleted one is known
            models.append((chain.broken_at, _recorded(child_version)))
        unreadable = f"whose meta.json cannot be read ({chain.unreadable})"
        why = unreadable if chain.unreadable else f"which {chain.missing_status()}"
        return Ancestry(tuple(models), f"{CHAIN} breaks at {chain.broken_at}, {why}")
    return Ancestry(tuple(models), chain.cut_reason(CHAIN) if chain.cut else "")


def _recorded(version: Any) -> str | None:
    return str(version) if version else None
