"""The problems a folder's index met, as a command that reads the folder says them.

`core.dataset.open_dataset` notes each thing it could not index (a folder it cannot list, a
symbolic link to a folder it does not follow, a malformed list line) in ``Dataset.problems``,
one "PATH: what" line each. `petloc stats` and `petloc convert` print them all; `petloc
predict`, `evaluate` and `train` print these, so an image left out of a folder is never left
out silently (a permission-denied root no longer reads "no image found").
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.index_problem import IndexProblem, split_problem
from petloc_gui.core.shared_annotations import SHARES
from petloc_gui.core.text import isolated, visible


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


def index_lines(dataset: Any, name: Callable[[Path], str] = str) -> list[str]:
    """The `index_problems` of ``dataset`` as the "PATH: what" lines the index wrote; ``name``: how a
    path is named (`petloc predict`: as the user gave it). Each line keeps its path and what apart
    (`IndexProblem`), for `isolated_line`."""
    return [IndexProblem(name(path), what) for path, what in index_problems(dataset)]


def isolated_line(line: str) -> str:
    """An `index_lines` line for `error`'s ``names_isolated``: its path set apart (`isolated`: a Hebrew folder
    name moved the colon and the words after it to the other end of the line), what is wrong `visible` (an
    isolate there is an escape, as in any other line). A line that is no `IndexProblem` is `visible` whole."""
    if isinstance(line, IndexProblem):
        return f"{isolated(line.path)}: {visible(line.what)}"
    return visible(line)


def folder_problems(dataset: Any) -> list[tuple[Path, str]]:
    """The `index_problems` about folders the index could not list or follow (`IndexProblem.folder`),
    not a list file's lines: where images may be missing, which `petloc predict --json` puts in
    their place as records."""
    return [(Path(message.path), message.what) for message in dataset.problems
            if isinstance(message, IndexProblem) and message.folder]


def root_unlisted(dataset: Any, folders: Iterable[str | os.PathLike[str]] = ()) -> str | None:
    """Why the dataset's folder itself could not be listed, or None: then "no image found in this
    folder" (or its statistics: "images 0") would be untrue, that problem says why there is none.
    ``folders``: the folders that count as it instead of its root (the window's: its images folder
    too, ``JPEGImages/`` of a devkit); a subfolder among others stays a problem line."""
    whole = {Path(folder) for folder in folders} or {Path(dataset.root)}
    return next((what for path, what in folder_problems(dataset) if path in whole), None)


def refuse_unlisted_root(dataset: Any) -> None:
    """Refuse (`DatasetError`: "DATA: cannot list folder: Permission denied", exit 1) a run on a folder
    that could not itself be listed, as `petloc stats` refuses it (`root_unlisted`): said as an index
    problem, train's was followed, once TensorFlow had loaded, by "need at least 2 usable annotated images,
    found 0", as if the folder were empty (and evaluate's by a model chosen for "no boxes yet");
    ``dataset``: a `core.dataset.Dataset`."""
    why = root_unlisted(dataset)
    if why:
        raise DatasetError(why, dataset.root)
