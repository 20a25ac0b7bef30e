"""An ancestor's meta.json rewritten with the same size is read again (`parent_chain.ancestor_at`'s memo).

What a walk keeps of a meta.json is memoised by the file's stamp (path, inode, size, modification and change
times). A parent's meta.json edited to name another parent of the same length (version ids all have one
length) keeps its size: a stamp of path and size alone would serve the old parent, and the chain would be
walked through a model it no longer names.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from petloc_gui.model.parent_chain import parent_chain

A, B, V1, V2 = (f"digits-20260101T00000{i}Z-ggggg{i}" for i in range(4))



def _text(parent: str) -> str:
    return json.dumps({"version_id": V1, "preset": "digits", "parent": parent, "parent_version_id": parent})


def _parent_of_v1() -> str | None:
    return parent_chain({"version_id": V2, "parent": V1}).found[0][1].parent


def test_a_same_size_edit_in_place_is_read_again(_isolated_user_data):
    meta = _isolated_user_data / "models" / "digits" / V1 / "meta.json"
    meta.parent.mkdir(parents=True)
    meta.write_text(_text(A), encoding="utf-8")
    assert _parent_of_v1() == A
    before = os.stat(meta)
    with open(meta, "r+", encoding="utf-8") as file:  # the same file, the same size, another parent
        file.write(_text(B))
    after = os.stat(meta)
    assert (after.st_ino, after.st_size) == (before.st_ino, before.st_size)
    os.utime(meta, ns=(after.st_atime_ns, before.st_mtime_ns + 1_000_000_000))  # a clock tick later
    assert _parent_of_v1() == B


def test_a_same_size_replacement_with_its_time_kept_is_read_again(_isolated_user_data):
    """`cp -p`, `rsync -a`: another file in its place, its modification time the old one's."""
    meta = _isolated_user_data / "models" / "digits" / V1 / "meta.json"
    meta.parent.mkdir(parents=True)
    meta.write_text(_text(A), encoding="utf-8")
    assert _parent_of_v1() == A
    before = os.stat(meta)
    replacement = Path(f"{meta}.new")
    replacement.write_text(_text(B), encoding="utf-8")
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, meta)
    assert (os.stat(meta).st_size, os.stat(meta).st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert _parent_of_v1() == B
