"""One indexed image (`DatasetItem`): where it is and where its annotation is or would be written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


class DatasetItem:
    """One image. ``annotation_path`` is where its annotation is or would be written.

    Paths may be given as strings; they become :class:`Path` objects on first
    access (building 20,000 Path objects would dominate indexing time).
    """

    __slots__ = ("_annotation_path", "_image_path", "has_annotation", "meta", "split")

    def __init__(self, image_path: str | os.PathLike[str], annotation_path: str | os.PathLike[str],
                 split: str | None = None, meta: dict[str, Any] | None = None,
                 has_annotation: bool = False) -> None:
        self._image_path = image_path
        self._annotation_path = annotation_path
        self.split = split
        self.meta: dict[str, Any] = meta if meta is not None else {}
        self.has_annotation = has_annotation

    @property
    def image_path(self) -> Path:
        if not isinstance(self._image_path, Path):
            self._image_path = Path(self._image_path)
        return self._image_path

    @property
    def annotation_path(self) -> Path:
        if not isinstance(self._annotation_path, Path):
            self._annotation_path = Path(self._annotation_path)
        return self._annotation_path

    def refresh(self) -> bool:
        """Re-check whether the annotation file exists (e.g. after a save)."""
        self.has_annotation = self.annotation_path.is_file()
        return self.has_annotation

    def _fields(self) -> tuple:
        return (self.image_path, self.annotation_path, self.split, self.meta, self.has_annotation)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DatasetItem):
            return NotImplemented
        return self._fields() == other._fields()

    # mutable, so unhashable; mypy cannot express "None replaces object.__hash__" (typeshed does the same)
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"DatasetItem(image_path={str(self._image_path)!r}, "
                f"annotation_path={str(self._annotation_path)!r}, split={self.split!r}, "
                f"meta={self.meta!r}, has_annotation={self.has_annotation!r})")
