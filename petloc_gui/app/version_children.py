"""Which trained versions were fine-tuned from a version: deleting it leaves their training record incomplete.

Deleting a version others were fine-tuned from said nothing of them (`petloc models --delete`, Delete
versions…): a child's record names its parent (meta.json ``parent_version_id``, `model.parent_chain`), and with
the parent gone `petloc evaluate --model <child>` says "the record of the images this model learned from is
incomplete (its parent model … is not found)", and a retrain or comparison loses the parent's images. It is
still the user's choice (the child's weights are whole): both say the children before and as it is deleted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from petloc_gui.model.version_record import read_json
from petloc_gui.model.versions import BUNDLED_NAMES, Version, VersionStore


def children_of(store: VersionStore, version: Version) -> list[Version]:
    """The store's versions whose meta.json names ``version`` as the one they were fine-tuned from (`children`)."""
    return children(store).get(version.path, [])


def children(store: VersionStore) -> dict[Path, list[Version]]:
    """For each version of the store (by its folder) that others were fine-tuned from, those others, oldest
    first: their meta.json's ``parent_version_id`` is its ``version_id`` (else its folder's name). Each meta.json
    read once (Delete versions… lists them all). None for an id held by two folders (a copy filed in another
    preset's folder left behind): deleting one, the children's parent is still found."""
    try:
        versions = store.list()
    except OSError:
        return {}
    metas = {version.path: _meta(version.path) for version in versions}
    ids = [version.id for version in versions]
    found: dict[Path, list[Version]] = {}
    for version in versions:
        if ids.count(version.id) > 1:
            continue
        parent_id = metas[version.path].get("version_id") or version.id
        named = [other for other in versions if other.path != version.path and _names_parent(metas[other.path],
                                                                                             parent_id)]
        if named:
            found[version.path] = named
    return found


def store_name(folder: Path) -> str:
    """The version in ``folder`` as `petloc models` lists it: ``digits/<id>`` (its id is its folder's name; the id
    alone can be in two preset folders)."""
    return f"{folder.parent.name}/{folder.name}"


def children_said(children: list[Version], parent: str = "it") -> str:
    """ "digits/<child> was fine-tuned from it (``parent``): its record of the images it learned from becomes
    incomplete"; "" for none."""
    if not children:
        return ""
    names = ", ".join(store_name(child.path) for child in children)
    if len(children) == 1:
        return f"{names} was fine-tuned from {parent}: its record of the images it learned from becomes incomplete"
    return (f"{names} were fine-tuned from {parent}: their records of the images they learned from become "
            "incomplete")


def _names_parent(meta: dict[str, Any], parent_id: str) -> bool:
    # a child of a bundled model names its parent so: never a version of the store
    return meta.get("parent_version_id") == parent_id and meta.get("parent") not in BUNDLED_NAMES


def _meta(folder: Path) -> dict[str, Any]:
    meta = read_json(folder / "meta.json")
    return meta if isinstance(meta, dict) else {}
