"""The problems a folder's index met, as a command that reads the folder says them.

`core.dataset.open_dataset` notes each thing it could not index (a folder it cannot list, a
symbolic link to a folder it does not follow, a malformed list line) in ``Dataset.problems``,
one "PATH: what" line each. `petloc stats` and `petloc convert` print them all; `petloc
predict`, `evaluate` and `train` print these, so an image left out of a folder is never left
out silently (a permission-denied root no longer reads "no image found").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from petloc_gui.core.index_problem import split_problem
from petloc_gui.core.shared_annotations import SHARES


def index_problems(dataset: Any) -> list[tuple[Path, str]]:
    """``[(path, what is wrong)]`` of each problem the index of ``dataset`` (a `core.dataset.Dataset`)
    met, in its order, but for the images whose annotation file is another image's: predict,
    evaluate and train name those in one line of their own (`core.shared_annotations.left_out_line`)."""
    found: list[tuple[Path, str]] = []
    for message in dataset.problems:
        where, what = split_problem(message, dataset.root)  # as `core.stats` reads them too
        if not what.startswith(SHARES):
            found.append((Path(where), what))
    return found


def index_lines(dataset: Any) -> list[str]:
    """The `index_problems` of ``dataset`` as the "PATH: what" lines the index wrote."""
    return [f"{path}: {what}" for path, what in index_problems(dataset)]


def root_unlisted(dataset: Any) -> bool:
    """Whether a problem is about the dataset's folder itself (it could not be listed): then
    "no image found in this folder" would be untrue, that problem says why there is none."""
    return any(path == Path(dataset.root) for path, _ in index_problems(dataset))
