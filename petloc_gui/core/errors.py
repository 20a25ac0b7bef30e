"""Typed errors of petloc. Every message names the file it is about."""

from __future__ import annotations

import os
from pathlib import Path


class PetlocError(Exception):
    """Base class: a problem a user can act on, about one file (``.path``)."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        self.path: Path | None = Path(path) if path is not None else None
        self.reason = message
        text = f"{self.path}: {message}" if self.path is not None else message
        super().__init__(text)

    def __reduce__(self):
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
