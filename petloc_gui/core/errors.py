"""Typed errors of petloc. Every message names the file it is about."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # disk_state is a leaf module; imported for types only
    from petloc_gui.core.disk_state import DiskState


class PetlocError(Exception):
    """Base class: a problem a user can act on, about one file (``.path``)."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        self.path: Path | None = Path(path) if path is not None else None
        self.reason = message
        text = f"{self.path}: {message}" if self.path is not None else message
        super().__init__(text)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keeps .path and .reason across pickling (process pools, worker queues);
        # the default would rebuild the error from its message text alone.
        return (self.__class__, (self.reason, self.path))


class AnnotationError(PetlocError):
    """A VOC XML file is malformed, hostile or not a VOC annotation."""


class ImageLoadError(PetlocError):
    """An image file is missing, truncated, empty, too large or not an image."""


class SaveError(PetlocError):
    """A file could not be written; the previous file (if any) is intact."""


class DatasetError(PetlocError):
    """A folder cannot be indexed as a dataset."""


class ExternalChangeError(SaveError):
    """The file changed on disk since it was read (another program, another window).

    Nothing was written. ``expected`` and ``found`` are the
    :class:`~petloc_gui.core.disk_state.DiskState` recorded at reading and
    the one on disk now; the caller decides (reload, keep mine, show both).
    """

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None,
                 expected: DiskState | None = None, found: DiskState | None = None) -> None:
        super().__init__(message, path)
        self.expected = expected
        self.found = found

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.reason, self.path, self.expected, self.found))


class LinkTargetError(SaveError):
    """Saving would write through a symbolic link to a file we must not replace.

    ``target`` is the file the link points to (named in the message, so a
    person can decide); ``outside`` says it lies outside the dataset folder.
    """

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None,
                 target: str | os.PathLike[str] | None = None, outside: bool = False) -> None:
        super().__init__(message, path)
        self.target: Path | None = Path(target) if target is not None else None
        self.outside = outside

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.reason, self.path, self.target, self.outside))


class CancelledError(Exception):
    """The caller stopped a read before it was done (its folder closed, its answer no longer waited for): no
    answer. Not a `PetlocError`: nothing is wrong with any file. Model code raises it (`model.data`'s
    ``stopped``), so it lives here: the model layer cannot import the app's."""
