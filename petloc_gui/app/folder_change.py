"""What the image list says when images were added to or removed from the open folder (no Qt).

The list itself is not changed under the user (`ui.review.image_set_watch`):
a line under it says what differs and offers the reload, and its tooltip
names the images.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from petloc_gui.core.text import visible

NAMED = 10  # the tooltip names this many images of each kind, then counts the rest


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def change_text(added: Sequence[str], removed: Sequence[str]) -> str:
    """One line: ``"3 new images in the folder"``, ``"1 image gone from the folder"``, or both;
    "" when the folder is as listed."""
    if added and removed:
        return f"{_count(len(added), 'new image')}, {len(removed)} gone from the folder"
    if added:
        return f"{_count(len(added), 'new image')} in the folder"
    if removed:
        return f"{_count(len(removed), 'image')} gone from the folder"
    return ""


def _names(title: str, paths: Sequence[str], root: str) -> list[str]:
    if not paths:
        return []
    lines = [title] + [f"  {visible(os.path.relpath(path, root))}" for path in paths[:NAMED]]
    if len(paths) > NAMED:
        lines.append(f"  … and {len(paths) - NAMED} more")
    return lines


def change_tooltip(added: Sequence[str], removed: Sequence[str], root: str | os.PathLike[str]) -> str:
    """The images by name within ``root`` (the first few of each kind) and what a reload does."""
    lines = _names("New:", added, os.fspath(root)) + _names("Gone:", removed, os.fspath(root))
    lines.append("Reload the folder (F5) to list them as they are now; edits are saved or asked about first.")
    return "\n".join(lines)
