"""The one wording for the files of a folder named as images of a format petloc does not read.

``3 files not read (IMG_1.heic, IMG_2.heic, IMG_3.avif): AVIF and HEIC are not supported;
convert them to JPEG or PNG``, with how many of them have an annotation (left out of training,
evaluation and exports) where that is known. Said by the window's status line when a folder is
opened and by `petloc predict`, `evaluate`, `convert` and `train` (as skipped images), so such a
photo is named wherever a folder is read instead of being skipped silently. The files are found
once per index (`core.dataset.Dataset.unread`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from petloc_gui.core.image_formats import UnreadFormat
from petloc_gui.core.text import counted

NAMED = 3  # files named in the line; the others are counted only


def unread_note(unread: Sequence[tuple[Path, UnreadFormat]], annotated: int = 0) -> str:
    """The line for ``unread`` ([(file, its format)], not empty): how many, the first names, the
    formats, how many of them have an annotation (``annotated``), what to do."""
    formats = sorted({fmt.name for _, fmt in unread})
    names = ", ".join(path.name for path, _ in unread[:NAMED]) + (", ..." if len(unread) > NAMED else "")
    kinds = formats[0] if len(formats) == 1 else f"{', '.join(formats[:-1])} and {formats[-1]}"
    verb = "is" if len(formats) == 1 else "are"
    pronoun = "it" if len(unread) == 1 else "them"
    lost = ""
    if annotated:
        whom = "it has" if len(unread) == 1 else f"{annotated} of them {'has' if annotated == 1 else 'have'}"
        lost = f"; {whom} an annotation, left out of training, evaluation and exports"
    return (f"{counted(len(unread), 'file')} not read ({names}): {kinds} {verb} not supported{lost}; "
            f"convert {pronoun} to JPEG or PNG")


def unread_lines(dataset: Any, name: Callable[[Path], str] = str) -> list[str]:
    """One "FOLDER: <note>" line per folder of ``dataset`` (a `core.dataset.Dataset`) holding such files;
    ``name``: how a folder is named (`petloc predict`: as the user gave it)."""
    by_folder: dict[Path, list[tuple[Path, UnreadFormat]]] = {}
    for path, fmt in dataset.unread():
        by_folder.setdefault(path.parent, []).append((path, fmt))
    return [f"{name(folder)}: {unread_note(found, len(annotated(dataset, found)))}"
            for folder, found in by_folder.items()]


def annotated(dataset: Any, unread: Sequence[tuple[Path, UnreadFormat]]) -> list[tuple[Path, UnreadFormat]]:
    """The files of ``unread`` that have an annotation in ``dataset``'s layout: lost to training,
    evaluation and exports until converted."""
    annotation_of: Callable[[Path], Path] = dataset.annotation_path_for
    return [(path, fmt) for path, fmt in unread if _is_file(annotation_of(path))]


def _is_file(path: str | os.PathLike[str]) -> bool:
    try:
        return os.path.isfile(path)
    except (OSError, ValueError):
        return False
