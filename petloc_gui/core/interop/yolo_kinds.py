"""What a YOLO folder's label files held besides plain boxes, said once for the folder.

`yolo_lines` reads each line; `LineKinds` gathers, file by file, the
polygons, predictions, pose lines, lines it could not tell, boxes clipped to
the image and files Ultralytics would read otherwise, and says each in one
warning (or, for the lines left out, one problem) with an example, so that a
folder of 10,000 files does not print 10,000 lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from petloc_gui.core.interop.records import ConversionReport
from petloc_gui.core.interop.yolo_lines import BOX, POLYGON, POSE, PREDICTION, PREDICTIONS, TRACKED
from petloc_gui.core.text import counted, first_of


@dataclass
class LineKinds:
    """The label files read with lines other than plain boxes, for one summary line each."""

    polygon_files: list[Path] = field(default_factory=list)
    polygon_lines: int = 0
    mixed_files: list[Path] = field(default_factory=list)  # polygon lines beside box lines (`warn_mixed`)
    prediction_files: list[Path] = field(default_factory=list)
    prediction_kinds: set[str] = field(default_factory=set)  # of `PREDICTIONS`, those read
    pose_files: list[Path] = field(default_factory=list)
    pose_predictions: bool = False  # the predictions hold keypoints too (a pose dataset)
    pose_box_files: list[Path] = field(default_factory=list)  # a pose dataset's files with boxes alone
    ambiguous: list[str] = field(default_factory=list)  # `file:line` of each 7-value line ending in 1 left out
    ambiguous_files: int = 0
    ambiguous_emptied: int = 0  # images that had no other usable box: converted without an annotation
    clipped: list[str] = field(default_factory=list)  # `file:line` of each box clipped to the image
    clipped_files: int = 0
    repeated: list[tuple[str, int]] = field(default_factory=list)  # (`file:line`, the earlier line it repeats)
    repeated_files: int = 0

    def note_repeated(self, label: Path, lines: list[tuple[int, int]]) -> None:
        """``lines``: (line, the earlier line of ``label`` it repeats) of those left out as duplicates."""
        if lines:
            self.repeated += [(f"{label}:{number}", first) for number, first in lines]
            self.repeated_files += 1

    def note_clipped(self, label: Path, numbers: list[int]) -> None:
        """``numbers``: the lines of ``label`` whose box passed an edge and was clipped (`_clipped`)."""
        if numbers:
            self.clipped += [f"{label}:{number}" for number in numbers]
            self.clipped_files += 1

    def note_ambiguous(self, label: Path, numbers: list[int], emptied: bool) -> None:
        """``numbers``: the lines of ``label`` left out as `AMBIGUOUS`; ``emptied``: none other was usable."""
        if numbers:
            self.ambiguous += [f"{label}:{number}" for number in numbers]
            self.ambiguous_files += 1
            self.ambiguous_emptied += emptied

    def note(self, label: Path, kinds: list[str], pose: bool) -> None:
        """``kinds``: those of the usable lines of ``label``; ``pose``: the folder's lines hold keypoints
        (a pose prediction's too)."""
        if POLYGON in kinds:
            self.polygon_files.append(label)
            self.polygon_lines += kinds.count(POLYGON)
            if BOX in kinds:
                self.mixed_files.append(label)
        if predicted := set(kinds).intersection(PREDICTIONS):
            self.prediction_files.append(label)
            self.prediction_kinds |= predicted
        if POSE in kinds or (pose and predicted):
            self.pose_files.append(label)
        if pose and BOX in kinds:
            self.pose_box_files.append(label)
        self.pose_predictions |= pose and bool(predicted)

    def warn(self, src: Path, report: ConversionReport) -> None:
        if self.ambiguous:
            # One problem for the folder: the same two lines per image would bury everything else.
            emptied = (f", and {counted(self.ambiguous_emptied, 'image')} with no other box converted without "
                       "an annotation" if self.ambiguous_emptied else "")
            report.problem(src, f"{counted(len(self.ambiguous), 'line')} of 7 values ending in 1 in "
                           f"{counted(self.ambiguous_files, 'label file')} (e.g. {self.ambiguous[0]}) may be "
                           "a tracked prediction `class cx cy w h confidence id` (track id 1) or a triangle "
                           "`class x1 y1 x2 y2 x3 y3` ending on the bottom edge: this folder holds both tracked "
                           "predictions (a track id above 1) and polygons, and nothing in those files tells "
                           f"which; left out{emptied}. Convert the predictions and the polygon labels as "
                           "separate folders, or delete the track id (the last value) from the predictions")
        if self.polygon_files:
            report.warning(src, f"{counted(self.polygon_lines, 'polygon line')} (segmentation labels, "
                           f"`class x1 y1 x2 y2 ...`) in {counted(len(self.polygon_files), 'label file')} "
                           f"(e.g. {self.polygon_files[0]}) became the box around {_its(self.polygon_lines)} "
                           "points, as Ultralytics reads them to train detection (a pose dataset's lines, the box "
                           "and its keypoints, need its data.yaml with `kpt_shape` in the folder)")
        if self.clipped:
            report.warning(src, f"{counted(len(self.clipped), 'box', 'boxes')} in "
                           f"{counted(self.clipped_files, 'label file')} (e.g. {self.clipped[0]}) passed an image "
                           "edge by more than a pixel: clipped to the image, as Ultralytics clips them when it "
                           "trains (their values lie within its limits, -0.01 to 1.01; a box further out is "
                           "reported and left out)")
        if self.repeated:
            where, first = self.repeated[0]
            in_files = counted(self.repeated_files, "label file")
            report.warning(src, f"{counted(len(self.repeated), 'line')} in {in_files} (e.g. {where}, the same as "
                           f"line {first}) repeated an earlier line of the same class and box: left out, as "
                           "Ultralytics removes duplicate labels ('duplicate labels removed'), rather than written "
                           "as a second object in the same place")
        self.warn_mixed(src, report)
        if self.prediction_files:
            files = self.prediction_files
            lines = _prediction_lines(frozenset(self.prediction_kinds), self.pose_predictions)
            left_out = "the confidences and ids" if TRACKED in self.prediction_kinds else "the confidences"
            report.warning(src, f"{counted(len(files), 'label file')} (e.g. {files[0]}) {_hold(len(files))} "
                           f"a model's predictions, {lines} (Ultralytics' save_txt with save_conf): the boxes "
                           f"were read and {left_out} left out. The VOC files written from them are marked as "
                           "unreviewed pre-labels, as petloc predict --write-voc marks its own, until someone "
                           "saves them")
        if self.pose_files:
            files = self.pose_files
            report.warning(src, f"{counted(len(files), 'label file')} (e.g. {files[0]}) {_hold(len(files))} "
                           "pose labels, `class cx cy w h` and keypoints (data.yaml kpt_shape): the boxes "
                           "were read and the keypoints left out (VOC has no field for them)")
        if self.pose_box_files:
            # Ultralytics: every line of a pose dataset holds 5 + keypoints values (verify_image_label).
            files = self.pose_box_files
            report.warning(src, f"{counted(len(files), 'label file')} (e.g. {files[0]}) of this pose dataset "
                           f"{_hold(len(files))} lines of 5 values, a box `class cx cy w h` without keypoints: "
                           "read as boxes here, but Ultralytics requires every line of a pose dataset to hold the "
                           "keypoints of its kpt_shape and skips such an image with all its labels ('labels "
                           "require ... columns each'). Add the keypoints (zeros for one not seen) before "
                           "training a pose model with Ultralytics")


    def warn_mixed(self, src: Path, report: ConversionReport) -> None:
        """Name the label files holding polygon lines and box lines, which Ultralytics reads otherwise.

        Ultralytics reads every line of a file as a polygon once one line has
        more than 6 values (verify_image_label), so a box line ``class cx cy
        w h`` there is the two points (cx, cy) and (w, h): it trains the box
        between them, not the one drawn. Reading the file so here too would
        misread every such box (the files come from tools that write a
        rectangle as a box and a polygon as a polygon), so each line is read
        as what it is and the files are named for the user to fix.
        """
        if not self.mixed_files:
            return
        files = self.mixed_files
        named = first_of([str(path) for path in files], 3)
        report.warning(src, f"{counted(len(files), 'label file')} ({named}) {_hold(len(files))} both "
                       "polygon lines and box lines `class cx cy w h`: each line was read as what it is, but "
                       "Ultralytics reads every line of such a file as a polygon, so it would train each of "
                       f"{'its' if len(files) == 1 else 'their'} boxes as the box between the points (cx, cy) "
                       "and (w, h), not the box drawn. Before training with Ultralytics, write those boxes as "
                       "4-point polygons, or export the VOC folder written here with petloc convert --to yolo "
                       "(boxes only)")


def _prediction_lines(kinds: frozenset[str], pose: bool) -> str:
    """The prediction lines read (``kinds``, of `PREDICTIONS`), in words."""
    if pose:
        return "pose lines, `class cx cy w h` and keypoints, " + {
            frozenset({PREDICTION}): "followed by a confidence", frozenset({TRACKED}): "followed by a confidence "
            "and a track id"}.get(kinds, "followed by a confidence (some also by a track id)")
    return {frozenset({PREDICTION}): "lines of 6 values `class cx cy w h confidence`",
            frozenset({TRACKED}): "lines of 7 values `class cx cy w h confidence id`, tracked"}.get(
        kinds, "lines of 6 values `class cx cy w h confidence` and of 7 with a track id")


def _its(count: int) -> str:
    return "its" if count == 1 else "their"


def _hold(count: int) -> str:
    return "holds" if count == 1 else "hold"
