"""COCO image entries that turn out to be one image file: merged, or left out when they may not be.

A COCO file may list one image twice (a repeated ``file_name``, ``./a.png``
beside ``a.png``, files merged from several exports), and ``train/001.jpg``
and ``val/001.jpg`` both find ``images/001.jpg`` by the base-name fallback of
``coco._locate``. Written one after the other, the second VOC file replaced
the first (its boxes lost) or was kept out as "exists". The boxes of entries
that found the file by their own path go into one record instead, and a
warning names them (also entries of one name found by its base name: a
server path listed twice). An entry that found it only by its base name while
an entry of another name found it too is as likely another photo (two splits' exports
flattened): which entry the file is cannot be told, so it is left out. An
entry left out for its own problem (a stated size that is not the file's)
is not among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.core.interop.records import ConversionReport, ImageRecord
from petloc_gui.core.text import counted


@dataclass(frozen=True)
class ImageEntry:
    """One ``images[]`` entry that found its file and was read: what a report names it by, and how
    it found the file."""

    image_id: Any
    source: Path  # the COCO file
    index: int  # in its `images` list
    file_name: str
    by_base_name: bool  # found by the base-name fallback, not by its own path

    @property
    def where(self) -> str:
        return f"{self.source}: images[{self.index}]"

    @property
    def label(self) -> str:
        return f"images[{self.index}] ({self.file_name!r})"


def name_parts(file_name: str) -> list[str]:
    """A COCO file name's path parts as `coco._locate` reads them ("./a.png" and "a.png" are one name)."""
    return [part for part in file_name.replace("\\", "/").split("/") if part not in ("", ".")]


def _path_of(entry: ImageEntry) -> str:
    return "/".join(name_parts(entry.file_name))


def merge_same_images(records: dict[Any, ImageRecord | None], entries: dict[Path, list[ImageEntry]],
                      report: ConversionReport) -> list[ImageRecord]:
    """``records`` (by image id, in the file's order) with those of one image file made one.

    ``entries`` lists, per image file, the entries that found it and were read (``records`` holds a
    record for each of them).
    """
    kept: list[ImageRecord] = []
    merged: dict[Path, list[ImageEntry]] = {}  # per file, the entries whose boxes went into its record
    first_of: dict[Path, ImageRecord] = {}
    repeated: dict[Path, int] = {}  # boxes listed under two entries of one image, kept once
    for image_id, record in records.items():
        if record is None:
            continue
        same = entries.get(record.image_path, [])
        this = next((entry for entry in same if entry.image_id == image_id), None)
        if len(same) < 2 or this is None:
            kept.append(record)
            continue
        if this.by_base_name and any(_path_of(entry) != _path_of(this) for entry in same):
            others = ", ".join(entry.label for entry in same if _path_of(entry) != _path_of(this))
            report.problem(this.where, f"found {record.image_path} only by its base name, and {others} "
                           "names the same image: which entry the file is cannot be told (two splits' "
                           "images of one name are as often two photos); pass --image-root so that each "
                           "finds its own file; not converted")
            report.skipped_images += 1
            report.skipped_objects += len(record.objects)
            continue
        merged.setdefault(record.image_path, []).append(this)
        first = first_of.setdefault(record.image_path, record)
        if first is record:
            kept.append(record)
        else:
            # A box listed under both entries (the same annotation exported twice) is one box.
            new = [obj for obj in record.objects if obj not in first.objects]
            repeated[record.image_path] = repeated.get(record.image_path, 0) + len(record.objects) - len(new)
            first.objects.extend(new)
            first.annotated = first.annotated or record.annotated
            report.merged += 1
    for path, together in merged.items():
        if len(together) < 2:
            continue  # the others were base-name guesses, left out above
        first = first_of[path]
        labels = [entry.label for entry in together]
        note = (f" ({counted(repeated[path], 'box', 'boxes')} listed under more than one of them counted once)"
                if repeated.get(path) else "")
        boxes = counted(len(first.objects), "box", "boxes")
        report.warning(together[0].source,
                       f"{', '.join(labels[:-1])} and {labels[-1]} are the same image {path}; their "
                       f"{boxes}{note} {'is' if len(first.objects) == 1 else 'are'} merged into its one VOC file")
    return kept
