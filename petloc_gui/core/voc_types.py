"""The data of one VOC annotation: objects (label + box + flags) and the image header.

Shared by reading (``core.voc``) and writing (``core.voc_write``). Use them
through ``core.voc``, which re-exports everything here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
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
    # The <object> element this came from and its values as read: writing
    # compares against them so unchanged objects are left byte-for-byte alone.
    _element: Any = field(default=None, repr=False, compare=False)
    _saved: tuple | None = field(default=None, repr=False, compare=False)

    def _values(self) -> tuple:
        return (self.name, self.box, self.pose, self.truncated, self.difficult, self.occluded)


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
