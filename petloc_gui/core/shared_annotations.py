"""Images whose annotation file is another image's: ``photo.jpg`` and ``photo.png`` beside one ``photo.xml``.

Every layout names an image's annotation after its stem, so two images that differ only in their
extension map to one file (so do ``Mouse.jpg`` and ``mouse.png`` on macOS and Windows, and here on every
system: `annotation_names.annotation_file_names` gives them one name). It belongs to one of them,
`core.sidecar_index.shared_owner` (the image its ``<filename>`` names, else the first in natural order):
the rule the index's problem line and the exports follow. The other images have no annotation of their
own, everywhere: `petloc evaluate` and `petloc train` leave them out and say so, `petloc predict
--write-voc` writes none for them, and the window shows them without the owner's boxes and refuses to
save them over the owner's file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from petloc_gui.core.dataset_item import POSIX_PATHS, DatasetItem
from petloc_gui.core.name_forms import twin_note
from petloc_gui.core.sidecar_index import shared_owner
from petloc_gui.core.text import counted, isolated, visible

# How every message about such an image starts (the index's problem line says it so too); reports
# that count them by reason look for it.
SHARES = "shares its annotation file"
RENAME_HINT = "rename one of the two images so that each has an annotation file of its own"


def sharing_groups(items: Sequence[DatasetItem]) -> dict[Path, list[DatasetItem]]:
    """The annotation files (on disk or not yet) that more than one image maps to, with those images.

    The indexes give images sharing a file one annotation path, written alike (``Mouse.jpg`` and
    ``mouse.png`` on macOS and Windows too: `annotation_names.annotation_file_names`), so equal paths
    are the whole test."""
    # counted first: a window opening 20,000 images pays ~10 ms for this, not a list per image; by the
    # paths' text where two paths are equal when their texts are (POSIX), no Path built for each;
    # on Windows two paths are equal whatever their case: counted as Paths there
    key = _text_of if POSIX_PATHS else _path_of
    shared = {path for path, n in Counter(map(key, items)).items() if n > 1}
    groups: dict[Path, list[DatasetItem]] = {}
    for item in items if shared else ():
        if key(item) in shared:
            groups.setdefault(item.annotation_path, []).append(item)
    return groups


def _text_of(item: DatasetItem) -> str:
    return item.annotation_path_text


def _path_of(item: DatasetItem) -> Path:
    return item.annotation_path


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


def shared_reason(annotation_path: Path, owner: str, *, image: str | os.PathLike[str] | None = None) -> str:
    """Why an image has no annotation of its own: ``shares its annotation file photo.xml with photo.jpg``;
    the image's own name or path given (``image``), which Unicode form each is in where that alone tells
    the two apart (`name_forms.twin_note`)."""
    note = twin_note(Path(image).name, owner) if image is not None else ""
    return f"{SHARES} {Path(annotation_path).name} with {owner}{note}"


def left_out_line(verb: str, shared: list[tuple[str, str]], *, set_apart: bool = False) -> str:
    """One line for the images a command left out because their annotation file is another
    image's, as ``[(image, shared_reason)]``: how many, the first of them, and what to do. With ``set_apart``,
    for a stderr line whose isolates are kept (`cli.output.error`'s ``names_isolated``): the image set apart
    (`isolated`: a Hebrew name took the line's direction in a terminal that lays out bidi text, and moved the
    reason around it), the reason `visible` (its names as read: any isolate in them escaped)."""
    image, reason = shared[0]
    if set_apart:
        image, reason = isolated(image), visible(reason)
    which = (f"1 image whose annotation file is another image's: {image}" if len(shared) == 1 else
             f"{counted(len(shared), 'image')} whose annotation file is another image's, e.g. {image}")
    return f"{verb} {which} {reason} (its boxes are that image's); {RENAME_HINT}"
