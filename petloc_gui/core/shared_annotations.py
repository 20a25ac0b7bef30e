"""Images whose annotation file is another image's: ``photo.jpg`` and ``photo.png`` beside one ``photo.xml``.

Every layout names an image's annotation after its stem, so two images that differ only in their
extension map to one file (so do ``Mouse.jpg`` and ``mouse.png`` on macOS and Windows, and here on every
system: `sharing_groups`). It belongs to one of them, `core.sidecar_index.shared_owner` (the image its
``<filename>`` names, else the first in natural order): the rule the index's problem line and the
exports follow. The other images have no annotation of their own, everywhere: `petloc evaluate`
and `petloc train` leave them out and say so, `petloc predict --write-voc` writes none for them,
and the window shows them without the owner's boxes and refuses to save them over the owner's file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from petloc_gui.core.annotation_names import folded
from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.natural_order import natural_key
from petloc_gui.core.sidecar_index import shared_owner
from petloc_gui.core.text import counted

# How every message about such an image starts (the index's problem line says it so too); reports
# that count them by reason look for it.
SHARES = "shares its annotation file"
RENAME_HINT = "rename one of the two images so that each has an annotation file of its own"


def sharing_groups(items: Sequence[DatasetItem]) -> dict[Path, list[DatasetItem]]:
    """The annotation files (on disk or not yet) that more than one image maps to, with those images.

    Paths whose names differ only in case or Unicode form (``mouse.xml`` and ``Mouse.xml``) are one file
    on macOS and Windows, so they are one here on every system, a folder behaving alike on each; unless
    each is a file of its own on this disk (a case-sensitive one holds both)."""
    # counted first by the whole path folded: a window opening 20,000 images pays a few ms for this, not a
    # list per image; only the few paths that meet are split into folder and name
    folded_paths = [folded(item.annotation_path_text) for item in items]
    meeting = {path for path, n in Counter(folded_paths).items() if n > 1}
    by_file: dict[tuple[str, str], list[DatasetItem]] = {}
    for item, path in zip(items, folded_paths, strict=True) if meeting else ():
        if path in meeting:
            # by folder as written (Linux's A/ and a/ are two folders; macOS cannot hold both), name folded
            folder, name = os.path.split(item.annotation_path_text)
            by_file.setdefault((os.path.normcase(folder), folded(name)), []).append(item)
    groups: dict[Path, list[DatasetItem]] = {}
    for members in by_file.values():
        if len(members) > 1:
            groups.update(_one_file_each(members))
    return groups


def _one_file_each(members: list[DatasetItem]) -> dict[Path, list[DatasetItem]]:
    """``members`` (annotation paths equal but for case and Unicode form) by the file each maps to."""
    existing = sorted({item.annotation_path_text for item in members if item.has_annotation})
    if len(existing) > 1:  # Cat.xml and cat.xml, each a file on this disk: each its own images'
        files: dict[str, list[DatasetItem]] = {}
        for item in members:
            files.setdefault(item.annotation_path_text if item.has_annotation else existing[0], []).append(item)
        return {Path(text): group for text, group in files.items() if len(group) > 1}
    if existing:
        return {Path(existing[0]): members}
    # no file yet: the path of the image that will own it (`shared_owner`: the first in natural order)
    first = min(members, key=lambda item: (natural_key(item.image_path.name), item.image_path.name))
    return {first.annotation_path: members}


def owner_elsewhere(annotation_path: Path, image_name: str, names: list[str]) -> str | None:
    """The name of the image among ``names`` that owns ``annotation_path`` when it is not
    ``image_name``; None when ``image_name`` owns it. Reads the file's ``<filename>``."""
    owner = shared_owner(annotation_path, names)
    return None if owner == image_name else owner


def borrowed_annotations(items: Sequence[DatasetItem]) -> dict[Path, str]:
    """Every image whose annotation file is another image's: image path -> the owner's name.

    Only the files of groups are read (one small XML each), so a folder without such pairs costs
    one pass over its items."""
    borrowed: dict[Path, str] = {}
    for path, group in sharing_groups(items).items():
        names = [item.image_path.name for item in group]
        owner = shared_owner(path, names)
        borrowed.update((item.image_path, owner) for item in group if item.image_path.name != owner)
    return borrowed


def shared_reason(annotation_path: Path, owner: str) -> str:
    """Why an image has no annotation of its own: ``shares its annotation file photo.xml with photo.jpg``."""
    return f"{SHARES} {Path(annotation_path).name} with {owner}"


def left_out_line(verb: str, shared: list[tuple[str, str]]) -> str:
    """One line for the images a command left out because their annotation file is another
    image's, as ``[(image, shared_reason)]``: how many, the first of them, and what to do."""
    image, reason = shared[0]
    which = (f"1 image whose annotation file is another image's: {image}" if len(shared) == 1 else
             f"{counted(len(shared), 'image')} whose annotation file is another image's, e.g. {image}")
    return f"{verb} {which} {reason} (its boxes are that image's); {RENAME_HINT}"
