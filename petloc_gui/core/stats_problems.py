"""What `petloc stats` finds wrong with a dataset's files: one `Problem` per file and fault, of a
stable kind (the kinds are strings of `petloc stats --json`), and which kind a repair note of
`core.voc.read_voc` is. Used through ``core.stats``, which re-exports everything here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from petloc_gui.core.voc import VocAnnotation

# Problem kinds (stable strings: they appear in `petloc stats --json`).
UNREADABLE_IMAGE = "unreadable_image"
BROKEN_XML = "broken_xml"
BOX_OUTSIDE_IMAGE = "box_outside_image"
INVERTED_BOX = "inverted_box"
EMPTY_BOX = "empty_box"
# a box whose coordinates are fractions of the image (0-1) where VOC wants pixels: read as fractions
NORMALISED_BOX = "normalised_box"
# an <object> without <bndbox> (a point, polygon or tag another tool wrote): left out, the file's boxes read
OBJECT_WITHOUT_BOX = "object_without_box"
NO_OBJECTS = "no_objects"
SIZE_MISMATCH = "size_mismatch"
MISSING_SIZE = "missing_size"
MISSING_LABEL = "missing_label"
OTHER_PROBLEM = "annotation_problem"
INDEX_PROBLEM = "dataset_index"
UNSUPPORTED_IMAGE = "unsupported_image"  # a HEIC, AVIF, ... file: not an item, listed here
NO_IMAGE = "annotation_without_image"  # an XML whose image went (core.orphan_annotations)
# labels that differ only in case, spacing, Unicode form or invisible characters ("Bengal", "bengal"; "cat\u200b",
# "cat"): one class typed two ways (core.label_variants), counted and trained as two
CASE_VARIANT_LABELS = "case_variant_labels"
# images without annotation with YOLO label files beside them (labelImg's YOLO mode: core.yolo_beside), or in
# labels/ beside images/ (Ultralytics' layout: core.yolo_split_labels), on the folder `petloc convert --from yolo`
# makes VOC files of them from
YOLO_LABELS = "yolo_labels"
# a folder holding petloc's own YOLO or COCO export that did not finish (core.interop.unfinished): its images
# count as without annotation, its manifest is not written yet; on a folder the yolo_labels hint names as such,
# that hint says it instead
UNFINISHED_EXPORT = "unfinished_export"

# read_voc's notes that hold the file's text, and read_voc's own words in each (the one group matched): on an
# object, its label in parentheses ("object 12 (dog): inverted box ...": after the last "): ", which a label may
# hold and read_voc's words hold none); on an <object> with no <bndbox> ("<object> 2 of the file (dog) has no
# <bndbox> (a point, ...?): not a box ...": from the last ") has no <bndbox> ", its words holding a "): " of their
# own); on a size missing, which may name a value of the file's <size> or the image found by its name ("... (width
# 'inverted': not an image size)", "...; taken from outside.png: 40x30"): its first words only; on what a save
# drops, quoting the file's DOCTYPE, processing instruction or XInclude href (`core.voc_tree.passed_on_notes`:
# "processing instruction <?xml-stylesheet href="inverted.xsl"?> removed when saved ..."): its last words, no kind
_FILE_TEXT_NOTE = re.compile(r"object \d+ \(.*\): (.*)|<object> \d+ of the file \(.*\) (has no <bndbox> .*)"
                             r"|(image size missing from the file).*"
                             r"|(?:document type declaration|processing instruction|XInclude element) .*"
                             r"( removed when saved \(passed on to other tools otherwise\))", re.DOTALL)
# Substrings of core.voc.read_voc's repair messages -> kind (first match wins).
_PROBLEM_NEEDLES = (
    ("look normalised", NORMALISED_BOX),
    ("has no <bndbox>", OBJECT_WITHOUT_BOX),
    ("inverted", INVERTED_BOX),
    ("outside", BOX_OUTSIDE_IMAGE),
    ("zero area", EMPTY_BOX),
    ("differs from the image", SIZE_MISMATCH),
    ("size missing", MISSING_SIZE),
    ("no <name>", MISSING_LABEL),
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    kind: str
    path: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "file": self.path, "message": self.message}


def problem_kind(message: str) -> str:
    """Classify one of read_voc's repair messages into a stable kind. A note that holds the file's text (a label,
    a size's value, an image's name: `_FILE_TEXT_NOTE`) by read_voc's own words in it, never that text: read over
    the whole note, a class named "inverted_repeat" made its box's clamp note an inverted box in `petloc stats`,
    `evaluate --json` and `petloc train`'s warnings, and an object with no <bndbox> named "look normalised" a
    normalised box."""
    text = own_words(message).lower()
    for needle, kind in _PROBLEM_NEEDLES:
        if needle in text:
            return kind
    return OTHER_PROBLEM


def own_words(message: str) -> str:
    """read_voc's own words in its note ``message``, without the file's text it quotes (`_FILE_TEXT_NOTE`: "object 12
    (dog): box (...) lies outside ..." -> "box (...) lies outside ..."); the whole note when it quotes none."""
    found = _FILE_TEXT_NOTE.fullmatch(message)
    return message if found is None else next(words for words in found.groups() if words is not None)


def size_mismatch(annotation: VocAnnotation) -> str | None:
    """read_voc's note that the annotation's <size> is not its image's size (the size_mismatch kind
    `petloc stats` counts), or None: its boxes were drawn on an image of another size."""
    return next((note for note in annotation.problems if problem_kind(note) == SIZE_MISMATCH), None)
