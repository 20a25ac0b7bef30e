"""How many of the held-out images a model's figures were measured on a folder holds, and how many of them were
re-boxed since its run, for `petloc models` (`cli.models_caveats`), by the window's rule (no Qt, no TensorFlow).

The listing hashed each held-out image at its recorded path alone, while the window finds them by their recorded
bytes anywhere in the folder (`held_out_here`): a flat folder of byte copies of the model's validation photos had
the window say how many were re-boxed and `petloc models` say nothing (not known). The reads here are the window's
for those images (`trained_here.FolderReads` with no training image looked for): the image at each recorded path,
and any image of a held-out image's recorded size (an older record without sizes: within the check's budget, what is
found then a lower bound); no other image of the folder is hashed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from petloc_gui.model.held_out_here import held_out_reads, held_out_standing
from petloc_gui.model.trained_here import FolderReads, HashMemo, Reboxed, memo_lookup, read_hash, reboxed_since


def reboxed_in_folder(meta: Mapping[str, Any], held_out: frozenset[str], root: Path,
                      images: Iterable[tuple[str, str]]) -> Reboxed:
    """`trained_here.reboxed_since` of the ``held_out`` images (relpaths) in the folder at ``root``, whose
    ``images`` are (image, annotation) paths as text, as the window's check lists them."""
    from petloc_gui.model.data import relpath_in

    reads = FolderReads(frozenset(), held_out_reads(meta, held_out))
    used: dict[str, HashMemo] = {}
    relpaths: dict[str, str] = {}
    annotations: dict[str, str] = {}
    for image_text, annotation in images:
        image = Path(image_text)
        relpath = relpath_in(image, root)
        key, stat, _ = memo_lookup(image, {})
        if stat is None or not reads.needed(relpath, stat.st_size):
            continue  # unreadable, of no held-out image's size, or past an older record's read budget
        used[key] = read_hash(key, stat)
        reads.done(used[key].size)
        relpaths[key], annotations[key] = relpath, annotation
    at = held_out_standing(meta, held_out, root, {key: memo.sha256 for key, memo in used.items()}, relpaths,
                           reads.held_out.at_path)
    return reboxed_since(meta, held_out, used, annotations, at.standing, at.changed)
