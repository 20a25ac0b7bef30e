"""COCO image entries that turn out to be one image file: merged, or left out when they disagree.

A COCO file may list one image twice (a repeated ``file_name``, files merged
from several exports), and ``train/001.jpg`` and ``val/001.jpg`` both find
``images/001.jpg`` by the base-name fallback of ``coco._locate``. Written one
after the other, the second VOC file replaced the first (its boxes lost) or
was kept out as "exists". The boxes of entries with one ``file_name`` go into
one record instead, and a warning names them. Entries that state different
sizes cannot all be this file, and entries whose names differ (found by base
name) are as often two photos as one: which one is the file cannot be told,
so none of them is converted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.core.interop.records import ConversionReport, ImageRecord
from petloc_gui.core.text import counted


@dataclass(frozen=True)
class ImageEntry:
    """One ``images[]`` entry that found its file: what a report names it by and its stated size."""

    image_id: Any
    source: Path  # the COCO file
    index: int  # in its `images` list
    file_name: str
    stated: tuple[int | None, int | None]  # (None, None) when the entry states no size

    @property
    def where(self) -> str:
        return f"{self.source}: images[{self.index}]"

    @property
    def label(self) -> str:
        return f"images[{self.index}] ({self.file_name!r})"


def merge_same_images(records: dict[Any, ImageRecord | None], entries: dict[Path, list[ImageEntry]],
                      report: ConversionReport) -> list[ImageRecord]:
    """``records`` (by image id, in the file's order) with those of one image file made one.

    ``entries`` lists, per image file, every entry that found it (including
    those already left out for their own problem, whose stated size still
    tells that the entries disagree).
    """
    kept: list[ImageRecord] = []
    first_of: dict[Path, ImageRecord] = {}
    repeated: dict[Path, int] = {}  # boxes listed under two entries of one image, kept once
    for image_id, record in records.items():
        if record is None:
            continue
        same = entries.get(record.image_path, [])
        if len(same) < 2:
            kept.append(record)
            continue
        sizes = {entry.stated for entry in same if entry.stated != (None, None)}
        names = {entry.file_name for entry in same}
        if len(sizes) > 1 or len(names) > 1:
            this = next(entry for entry in same if entry.image_id == image_id)
            others = ", ".join(entry.label for entry in same if entry is not this)
            if len(sizes) > 1:
                stated = ", ".join(f"{w}x{h}" for w, h in sorted(sizes))
                why = f"their sizes differ ({stated}): which entry the file is cannot be told"
            else:  # train/001.jpg and val/001.jpg are as often two photos as one: never mix their boxes
                why = ("their names differ (the file was found by base name): which entry the file is cannot be "
                       "told; pass --image-root so that each finds its own file")
            report.problem(this.where, f"names the same image {record.image_path} as {others}, and {why}; "
                           "not converted")
            report.skipped_images += 1
            report.skipped_objects += len(record.objects)
            continue
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
    for path, first in first_of.items():
        same = entries[path]
        labels = [entry.label for entry in same]
        note = (f" ({counted(repeated[path], 'box', 'boxes')} listed under more than one of them counted once)"
                if repeated.get(path) else "")
        report.warning(same[0].source,
                       f"{', '.join(labels[:-1])} and {labels[-1]} are the same image {path}; their "
                       f"{counted(len(first.objects), 'box', 'boxes')}{note} are merged into its one VOC file")
    return kept
