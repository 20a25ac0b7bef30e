"""One indexed image (`DatasetItem`): where it is and where its annotation is or would be written."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Where a Path's text is known without building it: pathlib's POSIX flavour (Linux, macOS) only drops
# empty and "." parts; Windows paths are turned into Path objects as before.
POSIX_PATHS = os.name != "nt"


def in_path_form(text: str) -> bool:
    """Whether ``text`` is a path as pathlib's POSIX flavour writes it, so that its Path's text and name
    are ``text`` and its last part: no empty part (``a//b``, a trailing ``/``) and no ``.`` part, a
    leading ``//`` (kept by pathlib) aside. The paths the indexes write pass."""
    if text in ("/", "//"):
        return True
    return (text not in ("", ".") and "//" not in text[1:] and "/./" not in text
            and not text.startswith("./") and not text.endswith(("/.", "/")))


def _text_of(path: str | os.PathLike[str]) -> str | None:
    """``path`` when it is a string a Path would write as it is (POSIX), else None."""
    return path if POSIX_PATHS and type(path) is str and in_path_form(path) else None


# Why no annotation is, or can be written, at an annotation path that a folder holds (``x.xml/`` beside
# ``x.png``): the index and `DatasetItem.refresh` count only a file as an annotation, so the image is
# without one; stats names it, predict --write-voc writes no pre-label there (`folder_at_annotation`).
FOLDER_AT_ANNOTATION = "a folder exists at this path"


def folder_at_annotation(path: str | os.PathLike[str]) -> bool:
    """Whether a folder (or a link to one) holds the name of an annotation path: no annotation there."""
    return os.path.isdir(path)


class DatasetItem:
    """One image. ``annotation_path`` is where its annotation is or would be written. ``training_lists``: the
    training split lists naming it in a layout with them (``("train", "trainval")``, finest first, the first its
    split where test.txt does not name it), as its index read them; () where none does.

    Paths may be given as strings; they become :class:`Path` objects on first
    access (building 20,000 Path objects would dominate indexing time). ``image_path_text``,
    ``annotation_path_text`` and ``image_name`` are what ``str(image_path)``, ``str(annotation_path)``
    and ``image_path.name`` are, without the Path where the string given is already in its form: a
    window opening 20,000 images built 40,000 Paths for them (~0.4 s, and the full garbage
    collections their objects set off).
    """

    __slots__ = ("_annotation_path", "_annotation_text", "_image_path", "_image_text", "has_annotation", "meta",
                 "split", "training_lists")

    def __init__(self, image_path: str | os.PathLike[str], annotation_path: str | os.PathLike[str],
                 split: str | None = None, meta: dict[str, Any] | None = None,
                 has_annotation: bool = False, training_lists: Sequence[str] = ()) -> None:
        self._image_path = image_path
        self._annotation_path = annotation_path
        self._image_text: str | None = None  # known on first use (`image_path_text`)
        self._annotation_text: str | None = None
        self.split = split
        self.meta: dict[str, Any] = meta if meta is not None else {}
        self.has_annotation = has_annotation
        # what `petloc stats` says a test image shares with them (`layout_split_lists.split_list_notes`), kept
        # from the index's one reading of the lists rather than read again on each stats
        self.training_lists = training_lists

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

    @property
    def image_path_text(self) -> str:
        text = self._image_text
        if text is None:
            text = self._image_text = _text_of(self._image_path) or str(self.image_path)
        return text

    @property
    def annotation_path_text(self) -> str:
        text = self._annotation_text
        if text is None:
            text = self._annotation_text = _text_of(self._annotation_path) or str(self.annotation_path)
        return text

    @property
    def image_name(self) -> str:
        text = self.image_path_text
        # a POSIX Path's text has its name after the last "/" (but "."'s name is "")
        return text.rpartition("/")[2] if POSIX_PATHS and text != "." else self.image_path.name

    def refresh(self) -> bool:
        """Re-check whether the annotation file exists (e.g. after a save); a folder is none."""
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
