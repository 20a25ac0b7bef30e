"""One problem the dataset index met: a "PATH: what" line that still knows which file it is about."""

from __future__ import annotations

import os
from typing import Any


class IndexProblem(str):
    """``f"{path}: {what}"``, printed, listed and compared as that line, with ``path`` and ``what``
    kept apart: a path may hold ": " itself (a folder "Scan: 2024"), so the line cannot be split back
    safely (`split_problem`)."""

    path: str
    what: str
    folder: bool  # about a folder the index could not list or follow (not a list file's line)

    def __new__(cls, path: str | os.PathLike[str], what: str, folder: bool = False) -> IndexProblem:
        line = super().__new__(cls, f"{path}: {what}")
        line.path, line.what, line.folder = str(path), what, folder
        return line

    def __reduce__(self) -> tuple[Any, ...]:  # copied or pickled as itself, not as a plain line
        return IndexProblem, (self.path, self.what, self.folder)


def split_problem(message: str, root: str | os.PathLike[str]) -> tuple[str, str]:
    """``(path, what)`` of an index problem; a plain line is split at its first ": " (one without is
    about the dataset folder ``root``)."""
    if isinstance(message, IndexProblem):
        return message.path, message.what
    where, sep, what = str(message).partition(": ")
    return (where, what) if sep else (str(root), where)
