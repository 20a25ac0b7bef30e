"""An annotation's scored objects as one hash (meta.json ``images[*].objects_sha256``): what tells a re-box from
another change to the file.

A held-out image's annotation saved with other bytes since a run read it was said "re-boxed since", its figures
"on the earlier boxes"; marking it Verified (``verified="yes"``, boxes untouched) changed the bytes alone. The
hash is over what a run scores of the file, each object with a label (`labelled`: not "\u200b") and a box of
non-zero area, as its (label, sorted box) in the file's order (`usable_objects`, the rule
`model.data.collect_samples` takes them by; a breed run's: every box of non-zero area, as ("", box): it scores each
under the photo's breed, so a nameless box moved is a re-box and a name changed none), read as a run reads it (on
the image's own size): a flag, a comment or the XML's layout changes nothing in it. No TensorFlow, no Qt.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.text import drawn_as_nothing
from petloc_gui.core.voc_types import VocObject

OBJECTS_KEY = "objects_sha256"  # of each image's entry in meta.json ``images`` (`model.image_files_record`)


def labelled(name: str) -> bool:
    """Whether ``name`` is a label a run can use: not empty, and not of nothing but characters drawn as nothing
    ("\u200b", a soft hyphen, U+3164: `core.text.drawn_as_nothing`, which `core.voc.read_voc` says as a missing
    label). Such a label is no label on any box, as an empty one: taken for one here, evaluate scored an image
    against [("\u200b", box), ("cat", box)] while training skipped it and stats left it out."""
    return bool(name) and not drawn_as_nothing(name)


def learned(names: Iterable[str]) -> set[str]:
    """The ``names`` a run can learn as classes (`labelled`): the classes a model is chosen for and the new-classes
    bar asks boxes of. A "​" on a later box made the bar say "still needed: ​ (3 more)" for good (its
    boxes are never counted) and greyed out fine-tuning, where `petloc train` runs on the same folder."""
    return {name for name in names if labelled(name)}


def usable_objects(objects: Iterable[VocObject], any_label: bool = False) -> list[VocObject]:
    """Every object with a label (`labelled`) and a box of non-zero area, in the file's order: what a run scores a
    prediction against (`model.data.collect_samples`, as `petloc evaluate` does), the first of them what it learns
    (and the window's primary object, `app.image_document.primary_index`). ``any_label``: each object is given
    one (a breed run's: the photo's breed), so a nameless one counts too. One rule for the run, its record's hash,
    evaluate, stats and the window: two copies of it could drift, and a re-box be said of objects the run never
    scored."""
    usable = []
    for obj in objects:
        box = obj.box.sorted()
        if (any_label or labelled(obj.name)) and box.width > 0 and box.height > 0:
            usable.append(obj)
    return usable


def _scored(objects: Iterable[VocObject], any_label: bool) -> list[tuple[str, tuple[float, ...]]]:
    """(label, sorted box in pixels) of each object a run scores (`usable_objects`), in the file's order;
    ``any_label`` (a breed run's), ("", box) of each: the label scored is the photo's breed, which the
    annotation does not hold, and a name in it is never scored."""
    return [("" if any_label else obj.name, obj.box.sorted().as_tuple())
            for obj in usable_objects(objects, any_label=any_label)]


def objects_digest(objects: Iterable[VocObject], any_label: bool = False) -> str:
    """sha256 of the scored objects (`_scored`, ``any_label`` as there) of an annotation read already, as
    JSON: what a run that parsed the file records (`model.data.collect_samples`) without parsing it again."""
    text = json.dumps([[label, list(box)] for label, box in _scored(objects, any_label)], ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def objects_sha256(annotation_path: str | os.PathLike[str] | None, image_path: str | os.PathLike[str] | None = None,
                   any_label: bool = False) -> str | None:
    """`objects_digest` of the annotation (``any_label``: a breed run's), read on the image's size; None when there
    is no annotation or it cannot be read."""
    if annotation_path is None:
        return None
    # core.voc (lxml) where a file is read: the window's list counts rows by `labelled` with none loaded
    from petloc_gui.core.voc import read_voc

    try:
        annotation = read_voc(annotation_path, image_path=image_path)
    except (OSError, ValueError, PetlocError):
        return None
    return objects_digest(annotation.objects, any_label)
