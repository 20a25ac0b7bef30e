"""The folder's class list: labelImg's predefined classes file, and which boxes use a label (no Qt).

The list offered for labelling is the folder's ``predefined_classes.txt``
(labelImg's format: one class per line; petloc writes it atomically), then the
model's classes, then labels found on boxes in the folder. A label that was
only typed once is no longer a class "forever": renaming relabels its boxes,
and a label no box uses can be deleted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from petloc_gui.core.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from petloc_gui.app.annotation_store import AnnotationStore

CLASSES_FILE = "predefined_classes.txt"


def classes_path(folder: Path | str) -> Path:
    return Path(folder) / CLASSES_FILE


def read_classes(folder: Path | str) -> list[str]:
    """The folder's predefined classes, in file order ([] without a file or when unreadable)."""
    try:
        text = classes_path(folder).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    names: list[str] = []
    for line in text.splitlines():
        name = " ".join(line.split())
        if name and name not in names:
            names.append(name)
    return names


def write_classes(folder: Path | str, names: list[str]) -> None:
    """Replace the folder's predefined classes file (atomic; raises OSError)."""
    atomic_write_bytes(classes_path(folder), "".join(f"{n}\n" for n in names).encode("utf-8"))


def merged_names(predefined: list[str], model: list[str] | tuple[str, ...], found: set[str]) -> list[str]:
    """Predefined classes, then the model's, then labels found on boxes (sorted); no repeats."""
    names = list(predefined)
    names += [n for n in model if n not in names]
    names += sorted(n for n in found if n not in names)
    return names


def rows_using(store: AnnotationStore, label: str) -> dict[int, list[int]]:
    """Image index -> indices of the objects named ``label``, over the whole folder.

    Documents already open are asked directly (their edits count); the other
    annotation files are read only when their bytes contain the label.
    """
    out: dict[int, list[int]] = {}
    needles = (label.encode("utf-8"), escape(label).encode("utf-8"))
    for row, item in enumerate(store.dataset.items):
        doc = store.loaded(row)
        if doc is None:
            if not item.has_annotation:
                continue
            try:
                data = Path(item.annotation_path).read_bytes()
                if not any(needle in data for needle in needles):
                    continue
            except OSError:
                continue
            doc = store.document(row)
        indices = [i for i, obj in enumerate(doc.objects) if obj.name == label]
        if indices:
            out[row] = indices
    return out
