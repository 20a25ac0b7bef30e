"""An annotation's scored objects as one hash (meta.json ``images[*].objects_sha256``): what tells a re-box from
another change to the file.

A held-out image's annotation saved with other bytes since a run read it was said "re-boxed since", its figures
"on the earlier boxes"; marking it Verified (``verified="yes"``, boxes untouched) changed the bytes alone. The
hash is over what a run scores of the file, each object with a label and a box of non-zero area, as its (label,
sorted box) in the file's order (`model.data.collect_samples`' rule), read as a run reads it (on the image's own
size): a flag, a comment or the XML's layout changes nothing in it. No TensorFlow, no Qt.
"""

from __future__ import annotations

import hashlib
import json
import os

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.voc import read_voc

OBJECTS_KEY = "objects_sha256"  # of each held-out image's entry in meta.json ``images``


def scored_objects(annotation_path: str | os.PathLike[str],
                   image_path: str | os.PathLike[str] | None = None) -> list[tuple[str, tuple[float, ...]]]:
    """(label, sorted box in pixels) of each object of the annotation a run scores, in the file's order."""
    annotation = read_voc(annotation_path, image_path=image_path)
    objects: list[tuple[str, tuple[float, ...]]] = []
    for obj in annotation.objects:
        box = obj.box.sorted()
        if obj.name and box.width > 0 and box.height > 0:
            objects.append((obj.name, box.as_tuple()))
    return objects


def objects_sha256(annotation_path: str | os.PathLike[str] | None,
                   image_path: str | os.PathLike[str] | None = None) -> str | None:
    """sha256 of `scored_objects` as JSON; None when there is no annotation or it cannot be read."""
    if annotation_path is None:
        return None
    try:
        objects = scored_objects(annotation_path, image_path)
    except (OSError, ValueError, PetlocError):
        return None
    text = json.dumps([[label, list(box)] for label, box in objects], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
