"""The one reading path every conversion shares: images as records, problems as lines.

An :class:`ImageRecord` is one image with its displayed size (EXIF applied,
read from the header: no image is decoded; an export's records carry the
header's orientation and format too) and its labelled boxes, in pixels
of the image as a person sees it. The exporters (YOLO, COCO) consume records
read from a petloc dataset by :func:`read_dataset_records`; the importers
produce records that :mod:`petloc_gui.core.interop.voc_out` writes as VOC.

Problems go to a :class:`ConversionReport`: each names its file (and line or
JSON entry) and the conversion goes on with the rest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import Dataset
from petloc_gui.core.errors import AnnotationError, ImageLoadError
from petloc_gui.core.images import image_header
from petloc_gui.core.interop.options import CLI_WORDS, SKIP_DIFFICULT, OptionWords
from petloc_gui.core.natural_order import natural_key
from petloc_gui.core.shared_annotations import borrowed_annotations, shared_reason
from petloc_gui.core.text import counted, drawn_as_nothing
from petloc_gui.core.voc import read_voc

# Progress callback: (steps done, steps in all). A conversion that goes over its images in two passes (an
# export: reading the folder's images, then writing those it exports; a COCO import: its image entries, then
# its annotations) reports each pass as a count of twice that pass's items, the first ending half way and the
# second full, so that one bar (the window's, which fills by the fraction) fills once, never back:
# `first_half`, then `second_half`. `pass_of` tells a step's pass and that pass's count again (the CLI's bars
# count the items of each pass: an export of the annotated images alone writes fewer than it read).
Progress = Callable[[int, int], None]


def first_half(progress: Progress | None, total: int) -> Progress | None:
    """``progress`` for the first of two passes, over ``total`` items (reading the folder's images)."""
    if progress is None:
        return None
    return lambda done, _: progress(done, 2 * total)


def second_half(progress: Progress | None, done: int, of: int) -> None:
    """Report ``done`` (from 1) of the ``of`` items of the second pass (an export: the images it writes,
    fewer than the first pass read with --annotated-only; before, they were counted as parts of the folder's
    images, and 236 exported of 540 read "writing 540/540")."""
    if progress is not None and done > 0:
        progress(of + done, 2 * of)


def pass_of(step: int, steps: int, passes: int) -> tuple[int, int, int]:
    """For a conversion reporting ``passes`` passes, each as a count of ``passes`` times its items: the pass
    ``step`` is in (from 0), the items done in that pass, and that pass's items."""
    images = steps // max(passes, 1)
    index = min(max(step - 1, 0) // images, passes - 1) if images else 0
    return index, step - index * images, images

# How far (pixels) a box read from YOLO/COCO may pass the image edge and still be
# clamped: normalised values rounded to 6 decimals overshoot by far less.
EDGE_TOLERANCE = 1.0


@dataclass(frozen=True)
class LabelledBox:
    label: str
    box: Box
    # VOC's "hard to recognise" mark: evaluation ignores such a box. YOLO and COCO have no field
    # for it (COCO's iscrowd is a region over a group); it is kept so no conversion drops it unsaid.
    difficult: bool = False


@dataclass
class ImageRecord:
    """One image: where it is, its name in the output, its displayed size and boxes.

    ``annotated`` is False for an image nobody has annotated (no VOC file / no
    YOLO txt); True with no ``objects`` means "checked, nothing there".
    """

    image_path: Path
    relative: str  # posix path under the images folder, e.g. "sub/photo.jpg"
    width: int
    height: int
    annotated: bool
    objects: list[LabelledBox] = field(default_factory=list)
    # A model's unreviewed pre-label (core.voc.PRELABEL_PREFIX): counted by the exporters for
    # the images they write (an image left out later, e.g. for its name, is not in the output).
    prelabel: bool = False
    # From the header the size was read from (`core.images.image_header`), so an export need not open the
    # image again to tell a turned PNG or WebP (`upright.Orientations`): its EXIF orientation (1: none),
    # and its format as Pillow names it ("PNG", "WEBP"; None: not read, an import's records).
    orientation: int = 1
    image_format: str | None = None


@dataclass
class ConversionReport:
    """Counts and per-file problems of one conversion (what the summary prints)."""

    images: int = 0            # images written / listed in the output
    annotated: int = 0         # of those, with an annotation (possibly empty)
    objects: int = 0           # boxes written
    skipped_images: int = 0    # images left out because of a problem
    skipped_objects: int = 0   # boxes left out because of a problem
    kept_existing: int = 0     # VOC files left untouched (exist; no overwrite)
    kept_not_voc: int = 0      # files at a VOC file's name that are not VOC, left untouched (`kept_targets`)
    merged: int = 0            # image entries whose boxes went to an earlier entry of the same image file
    prelabels: int = 0         # of the annotations written, a model's unreviewed pre-labels (core.voc.PRELABEL_PREFIX)
    # Written as VOC (an import), whose files mark the pre-labels; YOLO and COCO cannot mark them.
    prelabels_marked: bool = False
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Called with ("problem" | "warning", text) as each is found (progress output).
    on_message: Callable[[str, str], None] | None = field(default=None, repr=False,
                                                          compare=False)
    # How the messages name the options that change the conversion: the CLI's flags unless the
    # caller has other words for them (the window's export options).
    words: OptionWords = field(default=CLI_WORDS, repr=False, compare=False)

    def problem(self, where: str | os.PathLike[str], message: str) -> None:
        """Something was left out: ``where`` is a file, ``file:line`` or ``file: entry``."""
        text = f"{where}: {message}"
        self.problems.append(text)
        if self.on_message is not None:
            self.on_message("problem", text)

    def warning(self, where: str | os.PathLike[str], message: str) -> None:
        """Converted, but changed or worth knowing (a clamped box, a repaired file)."""
        text = f"{where}: {message}"
        self.warnings.append(text)
        if self.on_message is not None:
            self.on_message("warning", text)

    def to_dict(self) -> dict:
        return {"images": self.images, "annotated": self.annotated, "objects": self.objects,
                "skipped_images": self.skipped_images, "skipped_objects": self.skipped_objects,
                "kept_existing": self.kept_existing, "kept_not_voc": self.kept_not_voc, "merged": self.merged,
                "prelabels": self.prelabels,
                "problems": list(self.problems),
                "warnings": list(self.warnings)}

    def summary(self) -> str:
        parts = [f"{counted(self.images, 'image')} ({self.annotated} annotated)",
                 counted(self.objects, "box", "boxes")]
        if self.skipped_images or self.skipped_objects:
            parts.append(f"skipped {counted(self.skipped_images, 'image')} and "
                         f"{counted(self.skipped_objects, 'box', 'boxes')}")
        if self.merged:
            parts.append(f"{counted(self.merged, 'image entry', 'image entries')} merged into an earlier "
                         "entry of the same image")
        if self.kept_existing:
            parts.append(f"{counted(self.kept_existing, 'existing VOC file')} left untouched")
        if self.kept_not_voc:
            parts.append(f"{counted(self.kept_not_voc, 'file that is not Pascal VOC', 'files that are not Pascal VOC')}"
                         " left untouched")
        if self.prelabels and self.prelabels_marked:
            parts.append(f"{counted(self.prelabels, 'unreviewed pre-label')} among the annotations (a model's "
                         "boxes), marked as such in their VOC files")
        elif self.prelabels:  # YOLO and COCO have no field for it: the output cannot tell them apart
            parts.append(f"{counted(self.prelabels, 'unreviewed pre-label')} among the annotations (a model's "
                         "boxes, petloc predict --write-voc), exported like the others")
        parts.append(f"{counted(len(self.problems), 'problem')}, {counted(len(self.warnings), 'warning')}")
        return ", ".join(parts)


def relative_name(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def read_dataset_records(dataset: Dataset, report: ConversionReport,
                         progress: Progress | None = None, *,
                         skip_difficult: bool = False) -> Iterator[ImageRecord]:
    """Each readable image of a petloc dataset as a record; problems go to ``report``.

    Sizes come from image headers (never decoded). An unreadable image, or an
    annotation that cannot be read, leaves that image out (a broken file must
    not turn into "nothing there"). Boxes core.voc repaired are exported as
    repaired, with a warning; boxes without a label or area are left out, and
    so is an image none of whose boxes is usable (reported). Boxes marked
    difficult are kept, or left out with ``skip_difficult``; one warning
    counts them either way (`DifficultBoxes`).
    """
    # image names in outputs are relative to the layout's images folder (``images/``, ``JPEGImages/``, or
    # a sidecar set's own folder): its subfolders kept (``day/x.jpg``), its own name not repeated
    # (``images/images/x.jpg``)
    root = dataset.images_folder
    total = len(dataset.items)
    difficult = DifficultBoxes(skip_difficult)
    # photo.jpg and photo.png beside one photo.xml: only the image it belongs to gets its
    # boxes (core.shared_annotations, the rule of the index's problem line, evaluate, train,
    # predict and the window); the others are left out, not given another's boxes. Before
    # the file exists, none has boxes: each is exported as an image nobody annotated.
    borrowed = borrowed_annotations(dataset.items)
    for done, item in enumerate(dataset.items, start=1):
        annotation = item.annotation_path if item.has_annotation else None
        if annotation is not None and item.image_path in borrowed:
            reason = shared_reason(annotation, borrowed[item.image_path], image=item.image_path)
            report.problem(item.image_path, f"{reason}; image left out")
            record = None
        else:
            record = _read_item(item.image_path, annotation, root, report, difficult)
        if record is None:
            report.skipped_images += 1
        else:
            yield record
        if progress is not None:
            progress(done, total)
    difficult.report_to(report, dataset.root)


def _read_item(image_path: Path, annotation_path: Path | None, root: Path,
               report: ConversionReport, difficult: DifficultBoxes) -> ImageRecord | None:
    try:
        header = image_header(image_path)
    except ImageLoadError as exc:
        report.problem(image_path, f"{exc.reason}; image left out")
        return None
    width, height = header.width, header.height
    record = ImageRecord(image_path, relative_name(image_path, root), width, height,
                         annotated=annotation_path is not None, orientation=header.orientation,
                         image_format=header.format)
    if annotation_path is None:
        return record
    try:
        annotation = read_voc(annotation_path, image_size=(width, height))
    except AnnotationError as exc:
        report.problem(annotation_path, f"{exc.reason}; image left out")
        return None
    for message in annotation.problems:
        report.warning(annotation_path, message)
    record.prelabel = annotation.unreviewed
    unusable = []  # why each object left out is
    for index, obj in enumerate(annotation.objects, start=1):
        if not obj.name.strip() or drawn_as_nothing(obj.name):  # a "\u200b" class would look nameless
            unusable.append(f"object {index} has no label")
        elif obj.box.area <= 0:
            unusable.append(f"object {index} ({obj.name}) has zero area")
        elif not (obj.difficult and difficult.count(annotation_path)):
            record.objects.append(LabelledBox(obj.name.strip(), obj.box, obj.difficult))
    report.skipped_objects += len(unusable)
    if difficult.skip and annotation.objects and not record.objects and not unusable:
        # Only difficult boxes: without them the image would train as background where an object is.
        difficult.left_out_images += 1
        return None  # counted in skipped_images by the caller
    if unusable and not record.objects:
        # Exported without its boxes, it would say "checked, nothing there" (an empty YOLO .txt,
        # a COCO image with no annotations): trainers take it as background, a cat photo as
        # "no cat". Left out whole (--from yolo likewise never reads a .txt of unusable lines as
        # "nothing there").
        report.problem(annotation_path, f"{', '.join(unusable)}, so no box is usable; without boxes "
                       f"{image_path.name} would be exported as \"checked, nothing there\" (background "
                       "to trainers): image left out; fix the annotation and export again")
        return None
    for reason in unusable:
        report.problem(annotation_path, f"{reason}; box left out")
    return record


class DifficultBoxes:
    """The boxes marked ``<difficult>1</difficult>`` an export met: kept, or left out when ``skip``.

    Kept by default: nothing of a person's annotation is dropped unasked, and
    a difficult object left out is trained as background wherever it is.
    Ultralytics' and darknet's VOC converters leave them out (``skip``: an
    image with only difficult boxes is then left out whole, not exported as
    "checked, nothing there").
    """

    def __init__(self, skip: bool) -> None:
        self.skip = skip
        self.boxes = 0
        self.left_out_images = 0
        self.first: Path | None = None

    def count(self, annotation_path: Path) -> bool:
        """Count one difficult box of ``annotation_path``; True when it is to be left out."""
        self.boxes += 1
        self.first = self.first or annotation_path
        return self.skip

    def report_to(self, report: ConversionReport, root: Path) -> None:
        if self.first is None:
            return
        what = (f"{counted(self.boxes, 'box', 'boxes')} marked difficult (e.g. in "
                f"{relative_name(self.first, root)})")
        if self.skip:
            report.skipped_objects += self.boxes
            images = (f", and {counted(self.left_out_images, 'image')} that had only such boxes"
                      if self.left_out_images else "")
            report.warning(root, f"{what} left out ({report.words.name(SKIP_DIFFICULT)}){images}")
        else:
            report.warning(root, f"{what} exported as ordinary boxes: YOLO and COCO have no "
                           "such mark, so trainers learn them like the others. "
                           f"{report.words.remedy(SKIP_DIFFICULT, capital=True)} to "
                           "leave them out, as Ultralytics' own VOC converter does")


def class_names(records: list[ImageRecord]) -> list[str]:
    """Every label in natural order (``class2`` before ``class10``): the class ids' order."""
    labels = {obj.label for record in records for obj in record.objects}
    return sorted(labels, key=lambda name: (natural_key(name), name))


def checked_box(box: Box, width: int, height: int) -> Box | None:
    """``box`` clamped to the image when it passes an edge by at most EDGE_TOLERANCE.

    None when it lies further outside (the caller reports it and leaves it out).
    """
    limit = EDGE_TOLERANCE
    if (box.xmin < -limit or box.ymin < -limit or box.xmax > width + limit
            or box.ymax > height + limit):
        return None
    return box.clamp(width, height)
