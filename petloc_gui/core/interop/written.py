"""What a run made in its output, so that one stopped or failing part way can take back exactly that.

Into a new or empty OUT all is the run's (`unfinished.OutputBefore` removes it whole). Into an OUT that held
files (the user's own VOC folder, the YOLO folder itself, a folder of notes given to an export) only the run
knows which files are its: a conversion to VOC and a YOLO or COCO export record each file and folder they
create there (`Written`), and nothing that was there before, an image used as is or a VOC or label file
replaced (--overwrite), is ever taken back.

`petloc convert` and the window's File > Export give each run the `Written` of the `unfinished.OutputBefore`
they made for its OUT, the one that takes it back.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

# What `files.place_image` (or `place_data`) says when it made the file: the run's. "present" (the file there
# already was it: the user's, or an earlier export's) is not. Read by `run_placed`, the one rule for both.
RUN_PLACINGS = ("linked", "copied")


def run_placed(how: str | None) -> bool:
    """Whether an image placed ``how`` (None: not placed at all) is a file the run made: its to take back."""
    return how in RUN_PLACINGS


def missing_folders(path: Path) -> list[Path]:
    """``path`` and those of its parents that do not exist yet, innermost first: the folders a run that
    makes ``path`` creates. [] when ``path`` is there (a dangling link too: not the run's to remove)."""
    missing = []
    while not path.exists() and not path.is_symlink() and path.parent != path:
        missing.append(path)
        path = path.parent
    return missing


class Written:
    """The files and folders a run created in its output, in the order it made them."""

    def __init__(self) -> None:
        self.files: list[Path] = []
        self.folders: list[Path] = []  # each made for a file of `files` (or one it failed to write)

    def folders_for(self, path: Path) -> None:
        """Before a file is written at ``path``: the folders above it that the write will create are the run's.
        Said before the write, so that one failing after it made them takes them back too."""
        self.folders += missing_folders(path.parent)

    def file(self, path: Path) -> None:
        """``path`` is a file the run created (not one that was there, used as is or replaced)."""
        self.files.append(path)

    def placed(self, path: Path, how: str) -> None:
        """`files.place_image` (or `place_data`) put an image at ``path`` ``how``: the run's when "linked" or
        "copied", not when "present" (the file there already was it: the user's, or an earlier export's)."""
        if run_placed(how):
            self.file(path)

    def wrote(self, path: Path, write: Callable[[], object]) -> None:
        """``write`` makes or replaces the file at ``path`` (what it returns is not used): the run's only when
        nothing was there before (one replaced, an earlier export's or the user's with --overwrite, is never
        the run's to take back)."""
        new = not os.path.lexists(path)
        write()
        if new:
            self.file(path)

    def take_back(self) -> tuple[int, list[Path]]:
        """Remove the files recorded, then the folders made for them that are empty now (a file put there
        meanwhile keeps its folder). How many files were removed, and those that could not be."""
        removed, left = 0, []
        for path in self.files:
            try:
                path.unlink()
            except FileNotFoundError:
                continue  # gone meanwhile (removed by hand): not the run's to say
            except OSError:
                left.append(path)
            else:
                removed += 1
        # innermost first, each once: a folder is empty only once those inside it are gone
        for folder in sorted(set(self.folders), key=lambda folder: len(folder.parts), reverse=True):
            with contextlib.suppress(OSError):  # not empty (a file left, or put there meanwhile), or gone
                os.rmdir(folder)
        self.files, self.folders = list(left), []
        return removed, left

