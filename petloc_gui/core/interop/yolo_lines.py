"""YOLO label files, read: the text of one file, and one ``class cx cy w h`` line as a labelled box.

A line that cannot be used is reported as ``file:line`` and left out; the
caller converts the rest of the file.
"""

from __future__ import annotations

import math
from pathlib import Path

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop.records import ConversionReport, LabelledBox, checked_box

MAX_LABEL_BYTES = 16 * 1024 * 1024


def read_label_text(label: Path, report: ConversionReport) -> str | None:
    try:
        with open(label, "rb") as handle:
            data = handle.read(MAX_LABEL_BYTES + 1)
    except OSError as exc:
        report.problem(label, f"cannot read: {exc.strerror or exc}; image not converted")
        return None
    if len(data) > MAX_LABEL_BYTES:
        report.problem(label, "larger than 16 MB: not a label file; image not converted")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.problem(label, "not UTF-8 text: not a label file; image not converted")
        return None


def parse_line(line: str, where: str, names: list[str], names_file: Path, width: int,
                height: int, report: ConversionReport) -> LabelledBox | None:
    tokens = line.split()
    if len(tokens) != 5:
        report.problem(where, f"expected 5 values `class cx cy w h`, got {len(tokens)}: "
                       f"{line.strip()[:80]!r}; box left out")
        return None
    try:
        class_value = float(tokens[0])
        values = [float(token) for token in tokens[1:]]
    except ValueError:
        report.problem(where, f"not numbers: {line.strip()[:80]!r}; box left out")
        return None
    if not all(math.isfinite(v) for v in values) or not math.isfinite(class_value):
        report.problem(where, f"not finite: {line.strip()[:80]!r}; box left out")
        return None
    if class_value != int(class_value) or not 0 <= class_value < len(names):
        report.problem(where, f"class id {tokens[0]} is not in {names_file.name} "
                       f"(ids 0 to {len(names) - 1}); box left out")
        return None
    cx, cy, w, h = values
    if w <= 0 or h <= 0:
        report.problem(where, f"width and height must be positive, got {tokens[3]} {tokens[4]}; "
                       "box left out")
        return None
    box = Box((cx - w / 2) * width, (cy - h / 2) * height, (cx + w / 2) * width,
              (cy + h / 2) * height)
    inside = checked_box(box, width, height)
    if inside is None:
        report.problem(where, f"box {tuple(round(v, 1) for v in box.as_tuple())} lies outside "
                       f"the {width}x{height} image; box left out")
        return None
    return LabelledBox(names[int(class_value)], inside)
