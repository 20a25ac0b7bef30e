"""The folders `petloc predict --write-voc` writes its pre-labels in: checked before the model loads, and
their failures said once per folder.

A folder that cannot take a file (read-only, another user's) is refused before the model takes its
seconds to load, as `petloc export` refuses its target: the run would predict every image and then say
the same folder-level line once per image (45 lines for 45 images, 5,000 for 5,000). A folder that
fails only while the run writes (its permission changed meanwhile, the disk filled up) is said once,
with how many pre-labels it did not get (`WriteFailures`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from petloc_gui.core.text import counted, first_of, visible
from petloc_gui.core.write_probe import nearest_existing, write_probe_error


def unwritable_folders(images: Mapping[Path, Path | None], shared: Mapping[Path, str]) -> list[tuple[Path, str]]:
    """``[(folder, why)]`` of the folders a pre-label is due in (an image with no annotation yet, whose
    annotation file is its own) that cannot take a new file, in the order first met. A folder not there
    yet (an Oxford dataset's ``annotations/xmls``) is made by the writing: its nearest folder that is
    there must take it."""
    due: dict[Path, None] = {}
    for image, annotation in images.items():
        if annotation is None or image in shared or annotation.exists() or annotation.is_symlink():
            continue  # nothing written there: an annotation is never replaced
        due.setdefault(annotation.parent)
    found: list[tuple[Path, str]] = []
    checked: dict[Path, str | None] = {}
    for folder in due:
        existing = nearest_existing(folder)
        if existing not in checked:
            checked[existing] = _why_unwritable(existing)
        why = checked[existing]
        if why is not None:
            found.append((folder, why))
    return found


def _why_unwritable(folder: Path) -> str | None:
    """Why ``folder`` cannot take a new file (`core.write_probe.write_probe_error`), or None."""
    exc = write_probe_error(folder)
    return None if exc is None else exc.strerror or str(exc)


def refusal_line(unwritable: list[tuple[Path, str]], name: Callable[[Path], str]) -> str:
    """The one line that refuses the run, each folder named as its records name its images (``name``)."""
    if len(unwritable) == 1:
        folder, why = unwritable[0]
        where = f"{name(folder)}: cannot write pre-labels in this folder ({why})"
    else:
        folders = [f"{name(folder)} ({why})" for folder, why in unwritable]
        where = f"cannot write pre-labels in {counted(len(unwritable), 'folder')}: {first_of(folders, 3)}"
    return (f"{where}; nothing predicted: give yourself write permission there, or leave out --write-voc "
            "to predict without writing")


class WriteFailures:
    """The pre-labels that could not be written while the run wrote, by folder and reason: a reason
    shared by several files of a folder (a folder-level one) is one line with their count, a file's own
    reason its own line."""

    def __init__(self) -> None:
        self._by_reason: dict[tuple[Path, str], list[Path]] = {}

    def add(self, annotation: Path, reason: str) -> None:
        self._by_reason.setdefault((annotation.parent, reason), []).append(annotation)

    def lines(self) -> list[str]:
        """A line each, the names in it escaped (`visible`: a name may hold a newline or a no-break space);
        the reason as `add` got it (`reason_of`'s: escaped already)."""
        lines = []
        for (folder, reason), files in self._by_reason.items():
            if len(files) == 1:
                lines.append(f"{visible(files[0])}: pre-label not written: {reason}")
            else:
                names = first_of([visible(file.name) for file in files], 3)
                lines.append(f"{visible(folder)}: {len(files)} pre-labels not written ({names}): {reason}")
        return lines
