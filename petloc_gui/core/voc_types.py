"""The data of one VOC annotation: objects (label + box + flags) and the image header.

Shared by reading (``core.voc``) and writing (``core.voc_write``). Use them
through ``core.voc``, which re-exports everything here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from petloc_gui.core.boxes import Box

DEFAULT_POSE = "Unspecified"
# The start of `<source><annotation>` in a pre-label (`petloc predict --write-voc`): boxes a
# model drew that no person has checked. VOC's own field for who annotated (Oxford-IIIT's
# files say "OXIIIT"); labelImg writes a new <source> when a person saves there, and
# petloc's GUI clears it on save, so it marks exactly the files nobody has reviewed.
PRELABEL_PREFIX = "petloc pre-label"


@dataclass
class VocObject:
    """One labelled box. ``occluded`` is None when the file has no such element."""

    name: str
    box: Box
    pose: str = DEFAULT_POSE
    truncated: bool = False
    difficult: bool = False
    occluded: bool | None = None
    # Where the box came from (ADR 0013, `core.voc_provenance`): the model that proposed it ("model pets
    # (pets-...)"), the box it proposed and the label it proposed with it. The box was accepted unchanged
    # only while it is still that box, to rounding (`accepted_from`): moved or resized, it is a person's,
    # and a save drops the mark. The label is the model's while it is still that label
    # (`label_accepted_from`): relabelled, the label is a person's though the box stays the model's (a class
    # renamed folder-wide renames the proposed label with it: `class_renamed`).
    proposed_by: str | None = None
    proposed_box: Box | None = None
    proposed_label: str | None = None  # None: not known (see `model_label`)
    # The <object> element this came from and its values as read: writing
    # compares against them so unchanged objects are left byte-for-byte alone.
    _element: Any = field(default=None, repr=False, compare=False)
    _saved: tuple | None = field(default=None, repr=False, compare=False)
    # The provenance mark as that element holds it (`core.voc_provenance.read_mark`): a save rewrites it
    # only when the mark wanted differs.
    _saved_mark: Any = field(default=None, repr=False, compare=False)

    def _values(self) -> tuple:
        return (self.name, self.box, self.pose, self.truncated, self.difficult, self.occluded)

    @property
    def accepted_from(self) -> str | None:
        """The model whose box this is, accepted unchanged by a person ("model pets (pets-...)"), or None:
        a person's box (drawn, or the proposed one moved or resized beyond rounding). A relabelled box
        keeps it: the box is still the model's."""
        if self.proposed_by is None or self.proposed_box is None:
            return None
        try:
            same = self.box.sorted().rounded() == self.proposed_box.sorted().rounded()
        except (ValueError, OverflowError):  # a coordinate that is not finite: no box a model proposed
            return None
        return self.proposed_by if same else None

    @property
    def model_label(self) -> str | None:
        """The label the model proposed with its box: ``proposed_label``, else the one the file's mark
        records for this model and box (`core.voc_provenance.read_mark`); None when neither says (a mark
        written before the label was recorded)."""
        if self.proposed_label is not None:
            return self.proposed_label
        held = self._saved_mark
        if isinstance(held, tuple) and len(held) == 3 and held[0] == self.proposed_by and self.proposed_box is not None:
            try:
                if held[1] == self.proposed_box.sorted().rounded():
                    return held[2]
            except (ValueError, OverflowError):
                return None
        return None

    @property
    def label_accepted_from(self) -> str | None:
        """The model whose label this box carries too, accepted unchanged (`accepted_from`, and the label is
        still the one it proposed), or None: a person's box, or the model's box a person relabelled (its
        accuracy is against a person's label). A mark that does not record the label (written before it
        was) counts as the model's label, as the box's mark said of both then."""
        model = self.accepted_from
        label = self.model_label
        return model if model is not None and (label is None or label == self.name) else None


    def class_renamed(self, new: str) -> VocObject:
        """This box after its class is renamed ``new`` folder-wide (Edit → Classes → Rename): the label the
        model proposed, when it was this class, is renamed with it (the model's class under its new name),
        so a label accepted unchanged stays accepted (a rename counted as a person's correction of it before).
        A box relabelled by hand keeps the proposed label, so its label is a person's."""
        proposed = self.model_label
        return replace(self, name=new, proposed_label=new if proposed == self.name else self.proposed_label)


@dataclass
class VocAnnotation:
    """One image's annotation. ``source_path`` is the XML file it was read from."""

    filename: str
    folder: str = ""
    path: str | None = None
    width: int = 0
    height: int = 0
    depth: int = 3
    objects: list[VocObject] = field(default_factory=list)
    verified: bool = False
    segmented: bool = False
    # "petloc pre-label by ..." (`PRELABEL_PREFIX`) while the boxes are a model's, unreviewed; else None
    prelabel: str | None = None
    source_path: Path | None = field(default=None, compare=False)
    problems: list[str] = field(default_factory=list, compare=False)
    # The file as read (core.disk_state.DiskState): a save refuses when the file
    # changed since. None for an annotation never read from or written to disk.
    disk_state: Any = field(default=None, repr=False, compare=False)
    # What the last save removed (DOCTYPE, XInclude, processing instructions),
    # one note each, for the caller to show.
    dropped: list[str] = field(default_factory=list, compare=False)
    _tree: Any = field(default=None, repr=False, compare=False)
    _saved: tuple | None = field(default=None, repr=False, compare=False)

    def _header(self) -> tuple:
        return (self.filename, self.folder, self.path, self.width, self.height, self.depth,
                self.verified, self.segmented, self.prelabel)

    @property
    def unreviewed(self) -> bool:
        """The boxes are a model's pre-label nobody has reviewed: marked (`PRELABEL_PREFIX`) and not
        verified (a verified file is a person's, whatever its source says). Evaluation skips it,
        validation never holds it, the window asks for it."""
        return bool(self.prelabel) and not self.verified

    @property
    def size(self) -> tuple[int, int]:
        """``(width, height)`` of the displayed image."""
        return (self.width, self.height)


def new_annotation(image_path: str | os.PathLike[str], width: int, height: int,
                   depth: int = 3) -> VocAnnotation:
    """An empty annotation for an image, written in labelImg's form when saved."""
    image_path = Path(image_path)
    absolute = image_path.absolute()
    return VocAnnotation(filename=image_path.name, folder=absolute.parent.name,
                         path=str(absolute), width=int(width), height=int(height),
                         depth=int(depth))
