"""One COCO ``annotations[]`` entry as a labelled box, and the notes said once for a whole file.

An entry's box is its ``bbox`` (``[x, y, w, h]`` in pixels). An entry with
a polygon ``segmentation`` but no ``bbox`` (some tools write only the
polygon; pycocotools' ``annToMask`` needs no bbox) gets its polygon's
bounding box, as Ultralytics' ``segments2boxes`` makes it. Crowd regions
(``iscrowd: 1``: one region over a group of objects, e.g. a crowd of
people, usually a run-length mask) are left out: VOC has one box per object
and no crowd regions, and a box over a whole crowd trained as one object
would teach the model a wrong box. Both are counted and said once per file
(a COCO 2017 train file has about 9,000 crowd regions: one line each would
bury the real problems).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop.records import ConversionReport, ImageRecord, LabelledBox, checked_box
from petloc_gui.core.text import counted


@dataclass
class EntryNotes:
    """Where the entries left out as crowd regions, and those boxed from their polygon, are."""

    crowd: list[str] = field(default_factory=list)
    from_polygon: list[str] = field(default_factory=list)

    def report_to(self, report: ConversionReport, source: Path) -> None:
        if self.crowd:
            report.warning(source, f"{counted(len(self.crowd), 'iscrowd=1 region')} left out (e.g. "
                           f"{self.crowd[0]}): a crowd region covers a group of objects, and VOC has one "
                           "box per object")
        if self.from_polygon:
            report.warning(source, f"{counted(len(self.from_polygon), 'annotation')} with a polygon "
                           f"`segmentation` but no `bbox` (e.g. {self.from_polygon[0]}) got the "
                           "bounding box of the polygon")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _polygon_bbox(segmentation: Any) -> list[float] | None:
    """``[x, y, w, h]`` around every polygon of a polygon ``segmentation``; None if it is not one."""
    if not isinstance(segmentation, list) or not segmentation:
        return None
    xs: list[float] = []
    ys: list[float] = []
    for polygon in segmentation:
        if (not isinstance(polygon, list) or len(polygon) < 6 or len(polygon) % 2
                or not all(_is_number(v) for v in polygon)):
            return None
        xs.extend(polygon[0::2])
        ys.extend(polygon[1::2])
    return [min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)]


def _bbox_of(entry: dict) -> tuple[list[float] | None, str]:
    """The entry's ``[x, y, w, h]`` (from its polygon when it has no bbox), or None and why not."""
    bbox = entry.get("bbox")
    if bbox is None and "segmentation" in entry:
        from_polygon = _polygon_bbox(entry["segmentation"])
        if from_polygon is not None:
            return from_polygon, ""
        kind = "a run-length mask" if isinstance(entry["segmentation"], dict) else "no usable polygon"
        return None, (f"no `bbox`, and its `segmentation` is {kind} (petloc takes the box of a "
                      "polygon `[[x1, y1, x2, y2, ...]]`, not of a mask); left out")
    if isinstance(bbox, list) and len(bbox) == 4 and all(_is_number(v) for v in bbox):
        return bbox, ""
    return None, f"bbox must be 4 numbers [x, y, w, h], got {bbox!r}; left out"


def read_annotation(entry: Any, position: tuple[Path, int], categories: dict[Any, str],
                    records: dict[Any, ImageRecord | None], report: ConversionReport,
                    notes: EntryNotes) -> tuple[LabelledBox | None, ImageRecord | None]:
    """Entry ``position`` (COCO file, index)'s labelled box and the record of its image; a None box
    when it is left out (reported, or counted in ``notes``)."""
    label = f"annotations[{position[1]}]"
    if isinstance(entry, dict) and "id" in entry:
        label += f" (id {entry['id']})"
    where = f"{position[0]}: {label}"
    if not isinstance(entry, dict):
        report.problem(where, "not an object; left out")
        return None, None
    image_id = entry.get("image_id")
    if not isinstance(image_id, (int, str)) or image_id not in records:
        report.problem(where, f"image_id {image_id!r} is not in `images`; left out")
        return None, None
    record = records[image_id]
    if record is None:
        return None, None  # the image's own problem was reported once
    if entry.get("iscrowd"):
        notes.crowd.append(label)
        return None, record
    category_id = entry.get("category_id")
    if not isinstance(category_id, (int, str)) or category_id not in categories:
        report.problem(where, f"category_id {entry.get('category_id')!r} is not in "
                       "`categories`; left out")
        return None, record
    bbox, why_not = _bbox_of(entry)
    if bbox is None:
        report.problem(where, why_not)
        return None, record
    x, y, w, h = (float(v) for v in bbox)
    if w <= 0 or h <= 0:
        report.problem(where, f"bbox width and height must be positive, got {bbox}; left out")
        return None, record
    box = checked_box(Box(x, y, x + w, y + h), record.width, record.height)
    if box is None:
        report.problem(where, f"bbox {bbox} lies outside the {record.width}x{record.height} "
                       f"image {record.image_path.name}; left out")
        return None, record
    if entry.get("bbox") is None:  # counted only when used: one left out is a problem, said as such
        notes.from_polygon.append(label)
    return LabelledBox(categories[category_id], box), record
