"""Pascal VOC XML annotations: tolerant, safe reading and edit-in-place writing.

Reading accepts what real tools write (labelImg, the Oxford-IIIT Pet files,
CVAT): any element order, float coordinates, empty flags, a missing
``<size>`` (then taken from the image). Hostile input (entity declarations,
broken XML) raises :class:`AnnotationError`. Inverted, normalised (0-1) or
out-of-image boxes are repaired (swapped, read as fractions of the image,
clamped) and every repair is written to ``annotation.problems``; nothing is
repaired silently.

Writing keeps the parsed tree: only what the user changed is touched, so
unknown elements, attributes and element order survive (ADR 0003). Files are
replaced atomically (:mod:`petloc_gui.core.atomic`).
"""

from __future__ import annotations

import contextlib
import math
import os
from pathlib import Path

from lxml import etree

from petloc_gui.core.annotation_image import find_image as _image_of
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import AnnotationError, ImageLoadError
from petloc_gui.core.images import MAX_PIXELS
from petloc_gui.core.images import image_size as _image_size
from petloc_gui.core.text import drawn_as_nothing, visible
from petloc_gui.core.voc_edit import is_box_object
from petloc_gui.core.voc_provenance import VOID, model_of_prelabel, read_mark
from petloc_gui.core.voc_tree import (
    MAX_OBJECTS,
    MAX_XML_BYTES,
    passed_on_notes,
    read_voc_tree,
)
from petloc_gui.core.voc_types import DEFAULT_POSE, PRELABEL_PREFIX, VocAnnotation, VocObject, new_annotation
from petloc_gui.core.voc_write import UnreadableTargetError, write_voc

# A label longer than this is not a class name (a 1 MB label once took seconds
# to lay out in the window and minutes to plot); it is shortened for display.
MAX_LABEL_CHARS = 256
_TRUE_WORDS = frozenset({"1", "true", "yes", "y"})
# No image petloc reads has a side longer than this: it refuses any image over MAX_PIXELS pixels, and a
# side above it makes more whatever the other side is. A larger <size> value (1e308 once made
# `petloc stats --json` fail on an infinite mean) is unusable, as nan or -5 are.
MAX_SIDE = MAX_PIXELS
# A box with every coordinate within 0-1 covers at most one pixel of an image this size or larger: no
# person draws that, a script that wrote fractions of the image (YOLO's or TensorFlow's convention) does.
# A smaller image may hold a real one-pixel box, so it is read as written there.
MIN_SIDE_FOR_FRACTIONS = 16


# --------------------------------------------------------------------------- reading

def _prelabel(root: etree._Element) -> str | None:
    """The pre-label mark (`voc_types.PRELABEL_PREFIX`) in ``<source><annotation>``, or None."""
    text = _text(root.find("source"), "annotation")
    return text[:MAX_LABEL_CHARS] if text and text.startswith(PRELABEL_PREFIX) else None


def _text(element: etree._Element | None, tag: str) -> str | None:
    if element is None:
        return None
    child = element.find(tag)
    if child is None:
        return None
    return (child.text or "").strip()


def _flag(text: str | None) -> bool:
    if not text:
        return False
    if text.lower() in _TRUE_WORDS:
        return True
    try:
        return float(text) != 0
    except ValueError:
        return False


def _size_value(text: str | None) -> int:
    """A size field as int; 0 when missing or unusable (then taken from the image): not a number, not
    above 0, or above `MAX_SIDE`."""
    if not text:
        return 0
    try:
        value = float(text)
    except ValueError:
        return 0
    return round(value) if math.isfinite(value) and 0 < value <= MAX_SIDE else 0


def _missing_size_note(size_element: etree._Element | None) -> str:
    """How a problem names the file's missing size: with the values it holds that are no image side
    (``width '1e308'``), so the person is not told a size is missing while it is in the file. A 0 is
    how tools write "unknown": not named."""
    unusable = []
    for tag in ("width", "height"):
        text = _text(size_element, tag)
        if text and not _size_value(text) and not _is_zero(text):
            unusable.append(f"{tag} {text[:32]!r}")
    note = "image size missing from the file"
    return note + (f" ({' and '.join(unusable)}: not an image size)" if unusable else "")


def _is_zero(text: str) -> bool:
    try:
        return float(text) == 0
    except ValueError:
        return False


def _first_children(element: etree._Element) -> dict[str, etree._Element]:
    """Each tag's first child element: one pass instead of a find() per field."""
    children: dict[str, etree._Element] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in children:  # skips comments and PIs
            children[tag] = child
    return children


def _child_text(children: dict[str, etree._Element], tag: str) -> str | None:
    child = children.get(tag)
    return None if child is None else (child.text or "").strip()


def _coordinate(box_children: dict[str, etree._Element], tag: str, path: Path,
                index: int) -> float:
    text = _child_text(box_children, tag)
    if text is None:
        raise AnnotationError(f"object {index}: <bndbox> has no <{tag}>", path)
    try:
        value = float(text)
    except ValueError:
        raise AnnotationError(f"object {index}: <{tag}> is not a number: {text!r}", path) from None
    if not math.isfinite(value):
        raise AnnotationError(f"object {index}: <{tag}> is not finite: {text!r}", path)
    return value


def _label(text: str, index: int, problems: list[str]) -> str:
    """The label to show; one longer than MAX_LABEL_CHARS is shortened and reported."""
    if len(text) <= MAX_LABEL_CHARS:
        return text
    problems.append(f"object {index}: label of {len(text):,} characters is not a class name; "
                    f"shown shortened to {MAX_LABEL_CHARS} characters (the file keeps the "
                    "full text unless the label is edited)")
    return text[:MAX_LABEL_CHARS - 1] + "…"


def _blank_label_note(index: int, name: str) -> str:
    """The note for the ``index``-th object labelled ``name``, of nothing but characters drawn as nothing
    ("\u200b", a soft hyphen, U+3164: `core.text.drawn_as_nothing`). Such a label looks as empty as none, so it
    is said as one ("no <name>": a missing_label problem in `petloc stats` and the Dataset panel), escaped to be
    seen; the name is kept as written, so reading never rewrites the file."""
    return (f'object {index} has no <name> (label) that shows: "{visible(name)}" holds only characters drawn as '
            "nothing (the file keeps it as written: give the box a class name)")


def _not_a_box(element: etree._Element, position: int) -> str:
    """The note for an ``<object>`` that is no box (`voc_edit.is_box_object`), the file's ``position``-th.

    A point, polygon or tag object other tools (CVAT, datumaro) write beside boxes: the file's boxes
    are still boxes, so only this one is left out (it made the whole file unreadable). It takes no
    number: the objects read are numbered as the window, training and evaluation count them."""
    name = (_text(element, "name") or "")[:MAX_LABEL_CHARS] or "no name"
    return (f"<object> {position} of the file ({name}) has no <bndbox> (a point, polygon or tag another "
            "tool wrote?): not a box, left out and not numbered among the objects; a save from petloc keeps it "
            "as it is")


def _read_object(element: etree._Element, index: int, path: Path,
                 problems: list[str]) -> VocObject:
    children = _first_children(element)
    name = _label(_child_text(children, "name") or "", index, problems)
    bndbox = children["bndbox"]  # read_voc left out the objects without one (`is_box_object`)
    box_children = _first_children(bndbox)
    box = Box(*(_coordinate(box_children, tag, path, index)
                for tag in ("xmin", "ymin", "xmax", "ymax")))
    occluded_text = _child_text(children, "occluded")
    obj = VocObject(
        name=name,
        box=box,
        pose=_child_text(children, "pose") or DEFAULT_POSE,
        truncated=_flag(_child_text(children, "truncated")),
        difficult=_flag(_child_text(children, "difficult")),
        occluded=None if occluded_text is None else _flag(occluded_text),
    )
    obj._element = element
    obj._saved = obj._values()
    obj._saved_mark = read_mark(element, box)  # against the box as the file holds it, before any repair
    return obj


def _provenance(obj: VocObject, prelabel: str | None) -> None:
    """Where ``obj``'s box (repaired) came from (`core.voc_provenance`): the model its own mark names
    while the box is still the one proposed, else the model a pre-label file names (its boxes are all
    that model's, as the file was written): a person who saves it without moving a box accepted it."""
    mark = obj._saved_mark
    if mark is not None and mark != VOID:
        obj.proposed_by = mark[0]
    elif prelabel is not None and mark is None:
        obj.proposed_by = model_of_prelabel(prelabel)
    else:
        return
    obj.proposed_box = obj.box
    obj.proposed_label = mark[2] if mark is not None and mark != VOID else obj.name  # the label proposed with it


def _repair(obj: VocObject, index: int, width: int, height: int, problems: list[str]) -> None:
    label = f"object {index} ({obj.name or 'no name'})"
    box = obj.box
    if box.xmin > box.xmax or box.ymin > box.ymax:
        box = box.sorted()
        problems.append(f"{label}: inverted box {obj.box.as_tuple()} repaired by swapping "
                        f"coordinates to {box.as_tuple()}")
    if _looks_normalised(box, width, height):
        scaled = Box.from_normalized(box.as_tuple(), width, height)
        problems.append(f"{label}: coordinates {box.as_tuple()} look normalised (all within 0-1, under one "
                        f"pixel) on the {width}x{height} image, while VOC wants pixels: read as fractions of "
                        f"it, {_shown(scaled)}; check the box (a save writes it in pixels)")
        box = scaled
    if width > 0 and height > 0 and not box.is_inside(width, height):
        clamped = box.clamp(width, height)
        problems.append(f"{label}: box {box.as_tuple()} lies outside the {width}x{height} "
                        f"image; clamped to {clamped.as_tuple()}")
        box = clamped
    if box.area == 0:
        problems.append(f"{label}: box {box.as_tuple()} has zero area")
    obj.box = box


def _looks_normalised(box: Box, width: int, height: int) -> bool:
    """Whether ``box`` (sorted) holds fractions of the image rather than pixels: a box of some area
    whose every coordinate lies within 0-1, on an image of at least `MIN_SIDE_FOR_FRACTIONS` a side."""
    return (min(width, height) >= MIN_SIDE_FOR_FRACTIONS and box.area > 0
            and all(0 <= value <= 1 for value in box.as_tuple()))


def _shown(box: Box) -> tuple[float, ...]:
    """``box`` to a tenth of a pixel, for a note (0.3 of 297 px is 89.10000000000001)."""
    return tuple(round(value, 1) for value in box.as_tuple())


def _resolve_size(path: Path, width: int, height: int, filename: str,
                  image_size: tuple[int, int] | None,
                  image_path: str | os.PathLike[str] | None,
                  problems: list[str], find_image: bool = True,
                  missing: str = "image size missing from the file") -> tuple[int, int]:
    """The displayed image size to use; every disagreement goes to ``problems``, a size missing from
    the file as ``missing`` (`_missing_size_note`)."""
    if image_size is None and image_path is not None:
        # The image itself is the truth for a GUI drawing boxes on it; reading
        # its header costs far less than boxes clamped to a wrong size.
        # A missing/broken image is reported where it is displayed.
        with contextlib.suppress(ImageLoadError):
            image_size = _image_size(image_path)
    if image_size is not None:
        real_w, real_h = int(image_size[0]), int(image_size[1])
        if width <= 0 or height <= 0:
            problems.append(f"{missing}; taken from the image: {real_w}x{real_h}")
        elif (width, height) != (real_w, real_h):
            hint = ""
            if (width, height) == (real_h, real_w):
                hint = (" (width and height swapped: the boxes may have been drawn on the "
                        "photo without its EXIF rotation; check them)")
            problems.append(f"size in file {width}x{height} differs from the image "
                            f"{real_w}x{real_h}; the image's size is used{hint}")
        return real_w, real_h
    if width > 0 and height > 0:
        return width, height
    if not find_image:
        problems.append(missing)
        return width, height
    found = _image_of(path, filename)
    if found is None:
        problems.append(f"{missing} and the image was not found")
        return width, height
    try:
        found_w, found_h = _image_size(found)
    except ImageLoadError as exc:
        problems.append(f"{missing} and unreadable from the image: {exc}")
        return width, height
    problems.append(f"{missing}; taken from {found.name}: {found_w}x{found_h}")
    return found_w, found_h


def read_voc(path: str | os.PathLike[str], image_size: tuple[int, int] | None = None, *,
             image_path: str | os.PathLike[str] | None = None,
             find_image: bool = True) -> VocAnnotation:
    """Read a VOC XML file.

    ``image_size`` ((width, height) of the displayed image) or ``image_path``
    (its header is read) give the real size: when it differs from the file's,
    the real size wins and the difference is recorded in ``problems``.
    Without them, a size missing from the file is taken from the image looked
    for next to the file, or where its layout keeps it (`core.annotation_image`),
    unless ``find_image`` is False (the GUI's UI thread never reads images:
    it passes the size of the image it decoded in the background).
    """
    path = Path(path)
    tree, disk_state = read_voc_tree(path)
    root = tree.getroot()
    problems: list[str] = [f"{note} when saved (passed on to other tools otherwise)"
                           for note in passed_on_notes(tree)]
    size_element = root.find("size")
    file_width = _size_value(_text(size_element, "width"))
    file_height = _size_value(_text(size_element, "height"))
    depth = _size_value(_text(size_element, "depth")) or 3
    filename = _text(root, "filename") or ""
    path_text = _text(root, "path")
    width, height = _resolve_size(path, file_width, file_height, filename, image_size,
                                  image_path, problems, find_image, _missing_size_note(size_element))
    object_elements = root.findall("object")
    prelabel = _prelabel(root)
    objects: list[VocObject] = []
    for position, element in enumerate(object_elements, start=1):
        if not is_box_object(element):
            problems.append(_not_a_box(element, position))
            continue
        index = len(objects) + 1
        obj = _read_object(element, index, path, problems)
        if not obj.name:
            problems.append(f"object {index} has no <name> (label)")
        elif drawn_as_nothing(obj.name):
            problems.append(_blank_label_note(index, obj.name))
        _repair(obj, index, width, height, problems)
        _provenance(obj, prelabel)
        objects.append(obj)
    annotation = VocAnnotation(
        filename=filename,
        folder=_text(root, "folder") or "",
        path=path_text,
        width=width,
        height=height,
        depth=depth,
        objects=objects,
        verified=(root.get("verified") or "").strip().lower() in _TRUE_WORDS,
        segmented=_flag(_text(root, "segmented")),
        prelabel=prelabel,
        source_path=path,
        problems=problems,
        disk_state=disk_state,
    )
    annotation._tree = tree
    annotation._saved = (filename, annotation.folder, path_text, file_width, file_height,
                         _size_value(_text(size_element, "depth")) or 3, annotation.verified,
                         annotation.segmented, annotation.prelabel)
    return annotation


# Data classes (core.voc_types), parsing (core.voc_tree) and writing
# (core.voc_write) live in their own modules; re-exported here so callers use
# a single `core.voc` API.
__all__ = [
    "DEFAULT_POSE",
    "MAX_LABEL_CHARS",
    "MAX_OBJECTS",
    "MAX_XML_BYTES",
    "PRELABEL_PREFIX",
    "UnreadableTargetError",
    "VocAnnotation",
    "VocObject",
    "new_annotation",
    "read_voc",
    "write_voc",
]
