"""YOLO label files, read: the text of one file, and one line as a labelled box.

A line is a box ``class cx cy w h``; a prediction, the same with a 6th value,
its confidence (what Ultralytics' ``save_txt`` writes with ``save_conf``);
or a polygon ``class x1 y1 x2 y2 x3 y3 ...`` (segmentation labels), read as
the box around its points, as Ultralytics trains detection on it. A line
that cannot be used is reported as ``file:line`` and left out; the caller
converts the rest of the file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop.records import ConversionReport, LabelledBox, checked_box
from petloc_gui.core.text import counted

MAX_LABEL_BYTES = 16 * 1024 * 1024
# What a line is, by its count of values: a box, a box with a confidence, a polygon.
BOX, PREDICTION, POLYGON = "box", "prediction", "polygon"


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


def line_kind(values: int) -> str | None:
    """What a line of ``values`` numbers is (`BOX`, `PREDICTION`, `POLYGON`), or None."""
    if values == 5:
        return BOX
    if values == 6:
        return PREDICTION
    return POLYGON if values >= 7 and values % 2 else None


def parse_line(line: str, where: str, names: list[str], names_file: Path, width: int,
               height: int, report: ConversionReport) -> tuple[str, LabelledBox] | None:
    """The line's kind and labelled box, or None (reported) when it cannot be used."""
    tokens = line.split()
    kind = line_kind(len(tokens))
    if kind is None:
        report.problem(where, f"expected 5 values `class cx cy w h` (6 with a confidence), or a polygon "
                       f"`class x1 y1 x2 y2 x3 y3 ...` (an even number of coordinates, 6 or more), got "
                       f"{len(tokens)}: {line.strip()[:80]!r}; box left out")
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
    if kind == POLYGON:
        # Ultralytics trains detection on a polygon's enclosing box (segments2boxes).
        xs, ys = values[0::2], values[1::2]
        if max(xs) <= min(xs) or max(ys) <= min(ys):
            report.problem(where, "polygon has no area (its points lie on one line); box left out")
            return None
        box = Box(min(xs) * width, min(ys) * height, max(xs) * width, max(ys) * height)
    else:
        cx, cy, w, h = values[:4]  # a prediction's 6th value, its confidence, is not kept
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
    return kind, LabelledBox(names[int(class_value)], inside)


@dataclass
class LineKinds:
    """The label files read with lines other than plain boxes, for one summary line each."""

    polygon_files: list[Path] = field(default_factory=list)
    polygon_lines: int = 0
    prediction_files: list[Path] = field(default_factory=list)

    def note(self, label: Path, kinds: list[str]) -> None:
        """``kinds``: those of the usable lines of ``label``."""
        if POLYGON in kinds:
            self.polygon_files.append(label)
            self.polygon_lines += kinds.count(POLYGON)
        if PREDICTION in kinds:
            self.prediction_files.append(label)

    def warn(self, src: Path, report: ConversionReport) -> None:
        if self.polygon_files:
            report.warning(src, f"{counted(self.polygon_lines, 'polygon line')} (segmentation labels, "
                           f"`class x1 y1 x2 y2 ...`) in {counted(len(self.polygon_files), 'label file')} "
                           f"(e.g. {self.polygon_files[0]}) became the box around {_its(self.polygon_lines)} "
                           "points, as Ultralytics reads them to train detection")
        if self.prediction_files:
            files = self.prediction_files
            report.warning(src, f"{counted(len(files), 'label file')} (e.g. {files[0]}) {_hold(len(files))} "
                           "a model's predictions, lines of 6 values `class cx cy w h confidence` "
                           "(Ultralytics' save_txt with save_conf): the boxes were read and the confidences "
                           "left out. The VOC files written from them are marked as unreviewed pre-labels, "
                           "as petloc predict --write-voc marks its own, until someone saves them")


def _its(count: int) -> str:
    return "its" if count == 1 else "their"


def _hold(count: int) -> str:
    return "holds" if count == 1 else "hold"
