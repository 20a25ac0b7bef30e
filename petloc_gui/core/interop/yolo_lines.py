"""YOLO label files, read: the text of one file, and one line as a labelled box.

A line is a box ``class cx cy w h``; a prediction, the same with a 6th value,
its confidence (what Ultralytics' ``save_txt`` writes with ``save_conf``),
and a 7th, a tracker's object id (``model.track``); or a polygon ``class x1
y1 x2 y2 x3 y3 ...`` (segmentation labels), read as the box around its
points, as Ultralytics trains detection on it (a file that also holds box
lines is named in a warning: Ultralytics reads each of its lines as a
polygon, `yolo_kinds.LineKinds.warn_mixed`). In a pose dataset (data.yaml
``kpt_shape: [k, 2 or 3]``) a line is the box and k keypoints, never a
polygon (Ultralytics' rule), and a prediction the same with a confidence
(and a track id): the box is read, the rest left out. A line
that cannot be used is reported as ``file:line`` and left out; one that
could be two things (`TrackEvidence`) is left out and counted in one problem
for the folder; the caller converts the rest of the file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop.records import ConversionReport, LabelledBox, checked_box
from petloc_gui.core.regular_file import NotRegularFileError, read_regular_head

MAX_LABEL_BYTES = 16 * 1024 * 1024
# What a line is: a box, a box with a confidence, with a confidence and a track id, a polygon, a box
# with keypoints; or 7 values that may be a tracked prediction or a triangle (`TrackEvidence`).
BOX, PREDICTION, TRACKED, POLYGON, POSE = "box", "prediction", "tracked", "polygon", "pose"
AMBIGUOUS = "ambiguous"
PREDICTIONS = (PREDICTION, TRACKED)  # a model's boxes: their VOC file is a pre-label
# The bounds verify_image_label sets on a line's normalised values (1% tolerance), and within which
# Ultralytics trains a box that passes an image edge clipped to the image (`_clipped`).
_ULTRALYTICS_LIMITS = (-0.01, 1.01)


def read_label_text(label: Path) -> tuple[str | None, str]:
    """The text of the label file ``label``, or None and what the caller reports (``file: why``)."""
    try:
        data = read_regular_head(label, MAX_LABEL_BYTES + 1)  # a named pipe there must not stop the read
    except NotRegularFileError as exc:
        return None, f"not a regular file ({exc.kind}): not a label file; image not converted"
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}; image not converted"
    if len(data) > MAX_LABEL_BYTES:
        return None, "larger than 16 MB: not a label file; image not converted"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return None, "not UTF-8 text: not a label file; image not converted"


@dataclass(frozen=True)
class LineRules:
    """What the lines of one YOLO folder may be: its class names and, for a pose dataset, its
    data.yaml ``kpt_shape`` (keypoints, values per keypoint)."""

    names: list[str]
    names_file: Path
    keypoints: tuple[int, int] | None = None
    keypoints_file: Path | None = None  # the data.yaml that gives them
    tracked: bool | None = None  # the folder's word on 7 values ending in 1 (`TrackEvidence`)


class FileLines(NamedTuple):
    """What `read_lines` found in one label file."""

    lines: int  # its non-empty lines
    usable: list[tuple[str, LabelledBox]]  # each usable line's kind and labelled box
    ambiguous: list[int]  # the numbers of the lines neither the folder nor the file tells (`AMBIGUOUS`)
    clipped: list[int]  # the numbers of the usable lines whose box was clipped to the image (`_clipped`)
    # (line number, the earlier line it repeats): left out, as Ultralytics removes duplicate labels
    repeated: list[tuple[int, int]]


class _Line(NamedTuple):
    """One usable line, as `_parse_line` reads it."""

    kind: str
    box: LabelledBox
    clipped: bool  # its box passed an image edge and was clipped to the image (`_clipped`)
    # What Ultralytics compares to find duplicate labels (np.unique of its rows): the class, cx cy w h
    # (a polygon's: those of the box around it), and a prediction's or a pose line's further values.
    row: tuple[float, ...]


def read_lines(text: str, label: Path, rules: LineRules, width: int, height: int,
               report: ConversionReport) -> FileLines:
    """The lines of ``label`` (`FileLines`); the ambiguous ones are the caller's to report for the
    whole folder, the other unusable ones are reported here (``file:line``)."""
    numbered = [(number, line, line.split()) for number, line in enumerate(text.splitlines(), start=1)
                if line.strip()]
    tracked = None
    if rules.keypoints is None:
        tracked = rules.tracked if rules.tracked is not None else _file_is_tracked(
            [tokens for _, _, tokens in numbered])
    found = FileLines(len(numbered), [], [], [], [])
    first_of_row: dict[tuple[float, ...], int] = {}  # a usable line's row -> the first line with it
    for number, line, tokens in numbered:
        kind = _line_kind(tokens, rules, tracked)
        if kind == AMBIGUOUS:
            found.ambiguous.append(number)
            continue
        parsed = _parse_line(line, tokens, kind, f"{label}:{number}", rules, width, height, report)
        if parsed is None:
            continue
        first = first_of_row.setdefault(parsed.row, number)
        if first != number:
            found.repeated.append((number, first))
            continue
        found.usable.append((parsed.kind, parsed.box))
        if parsed.clipped:
            found.clipped.append(number)
    return found


def _ends_in_id(tokens: list[str]) -> float | None:
    """The last value of a 7-value line, when it could be a tracker's object id (an integer, 1 or more)."""
    try:
        last = float(tokens[-1])
    except ValueError:
        return None
    return last if math.isfinite(last) and last >= 1 and last == int(last) else None


def _evidence(lines: list[list[str]]) -> tuple[bool, bool]:
    """What the lines of one file say of its 7-value lines ending in 1: (tracking, polygons).

    7 values are either a triangle ``class x1 y1 x2 y2 x3 y3`` or Ultralytics'
    tracked prediction with ``save_conf``, ``class cx cy w h conf id`` (track
    ids count from 1). A last value above 1 is an id (a coordinate is at most
    1); a fraction or 0 is a coordinate; 1 is either. A larger id says
    tracking; a polygon, or a second line ending in 1 (one frame's ids are all
    different), says polygons.
    """
    ids = [_ends_in_id(tokens) for tokens in lines if len(tokens) == 7]
    by_tracking = any(value is not None and value > 1 for value in ids)
    by_polygons = (any(value is None for value in ids) or ids.count(1.0) > 1
                   or any(len(tokens) >= 9 and len(tokens) % 2 for tokens in lines))
    return by_tracking, by_polygons


def _file_is_tracked(lines: list[list[str]]) -> bool | None:
    """Whether the 7-value lines of a file ending in 1 are tracked predictions (True), polygons
    (False), or cannot be told (None), by the file alone (`_evidence`)."""
    by_tracking, by_polygons = _evidence(lines)
    return by_tracking if by_tracking != by_polygons else None


@dataclass
class TrackEvidence:
    """What the label files of a whole folder say of 7 values ending in 1.

    Decided per file, a tracked video of one pet (every frame one line, track
    id 1) would never tell, and lose every box. A folder tells: where no file
    holds a polygon (nor a 7-value line ending in a fraction or 0, nor two
    ending in 1), every 7-value line is a tracked prediction; where polygons
    are there and no larger id, they are triangles; where both are, each file
    decides for itself (`_file_is_tracked`).
    """

    tracking: bool = False
    polygons: bool = False

    def add(self, text: str) -> None:
        by_tracking, by_polygons = _evidence([line.split() for line in text.splitlines()])
        self.tracking |= by_tracking
        self.polygons |= by_polygons

    def tracked(self) -> bool | None:
        return None if self.tracking and self.polygons else not self.polygons


def _line_kind(tokens: list[str], rules: LineRules, tracked: bool | None) -> str | None:
    """What the line is (`BOX`, `PREDICTION`, `TRACKED`, `POLYGON`, `POSE`; `AMBIGUOUS`), or None
    when no YOLO line."""
    values = len(tokens)
    if rules.keypoints is not None:
        # A pose prediction is the box, the keypoints, a confidence (save_conf) and a track id (track).
        full = 5 + rules.keypoints[0] * rules.keypoints[1]
        return {5: BOX, full: POSE, full + 1: PREDICTION, full + 2: TRACKED}.get(values)
    if values == 5:
        return BOX
    if values == 6:
        return PREDICTION
    if values == 7 and (last := _ends_in_id(tokens)) is not None:
        if last > 1:
            return TRACKED
        return AMBIGUOUS if tracked is None else TRACKED if tracked else POLYGON
    return POLYGON if values >= 7 and values % 2 else None


def _wrong_count(tokens: list[str], line: str, rules: LineRules) -> str:
    if rules.keypoints is not None:
        keypoints, per_point = rules.keypoints
        full = 5 + keypoints * per_point
        return (f"expected {full} values, `class cx cy w h` and {keypoints} keypoints of {per_point} "
                f"(kpt_shape [{keypoints}, {per_point}] in {rules.keypoints_file}; {full + 1} with a "
                f"confidence, {full + 2} with a track id), got {len(tokens)}: {line.strip()[:80]!r}; box left out")
    return (f"expected 5 values `class cx cy w h` (6 with a confidence, 7 with a track id), or a polygon "
            f"`class x1 y1 x2 y2 x3 y3 ...` (an even number of coordinates, 6 or more), got "
            f"{len(tokens)}: {line.strip()[:80]!r}; box left out")


def _parse_line(line: str, tokens: list[str], kind: str | None, where: str, rules: LineRules, width: int,
                height: int, report: ConversionReport) -> _Line | None:
    """The line read, or None (reported) when it cannot be used (``tokens``: its values, ``kind``:
    `_line_kind` of them)."""
    if kind is None:
        report.problem(where, _wrong_count(tokens, line, rules))
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
    names = rules.names
    if class_value != int(class_value) or not 0 <= class_value < len(names):
        report.problem(where, f"class id {tokens[0]} is not in {rules.names_file.name} "
                       f"(ids 0 to {len(names) - 1}); box left out")
        return None
    if kind == POLYGON:
        # Ultralytics trains detection on a polygon's enclosing box (segments2boxes).
        xs, ys = values[0::2], values[1::2]
        if max(xs) <= min(xs) or max(ys) <= min(ys):
            report.problem(where, "polygon has no area (its points lie on one line); box left out")
            return None
        box = Box(min(xs) * width, min(ys) * height, max(xs) * width, max(ys) * height)
        normalised = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2, max(xs) - min(xs), max(ys) - min(ys))
        row: tuple[float, ...] = (class_value, *normalised)
    else:
        cx, cy, w, h = normalised = (values[0], values[1], values[2], values[3])
        row = (class_value, *values)
        # Not kept: a prediction's confidence and track id, a pose's keypoints.
        if w <= 0 or h <= 0:
            report.problem(where, f"width and height must be positive, got {tokens[3]} {tokens[4]}; "
                           "box left out")
            return None
        box = Box((cx - w / 2) * width, (cy - h / 2) * height, (cx + w / 2) * width,
                  (cy + h / 2) * height)
    inside = checked_box(box, width, height)
    clipped = _clipped(box, normalised, width, height) if inside is None else None
    kept = inside if inside is not None else clipped
    if kept is None:
        report.problem(where, f"box {tuple(round(v, 1) for v in box.as_tuple())} lies outside "
                       f"the {width}x{height} image; box left out")
        return None
    return _Line(kind, LabelledBox(names[int(class_value)], kept), clipped is not None, row)


def _clipped(box: Box, values: tuple[float, float, float, float], width: int, height: int) -> Box | None:
    """``box`` (further past an edge than `checked_box` allows) clipped to the image when Ultralytics
    trains it so, or None.

    Ultralytics takes a line whose ``cx cy w h`` (a polygon's: of the box
    around it) lie within its limits (verify_image_label) and clips the box to
    the image when it trains (RandomPerspective), so a box drawn a little past
    an edge is the part inside. Beyond those limits it refuses the image: the
    values are not normalised, and the line is left out here.
    """
    low, high = _ULTRALYTICS_LIMITS
    if not all(low <= value <= high for value in values):
        return None
    clipped = box.clamp(width, height)
    return clipped if clipped.xmax > clipped.xmin and clipped.ymax > clipped.ymin else None
