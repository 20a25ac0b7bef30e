"""YOLO txt labels: export a petloc dataset, read a YOLO folder back as records.

Export layout (what Ultralytics and darknet-style tools read)::

    OUT/images/<name>     the images (hard links or copies, bytes unchanged; see below)
    OUT/labels/<stem>.txt one ``class cx cy w h`` line per box, normalised
    OUT/classes.txt       class names, line i = class id i
    OUT/data.yaml         train/val folders and ``names``

classes.txt and data.yaml are written last, when every image and label file
is there: an export killed part way leaves none, and a mark that says it did
not finish (`unfinished`).

Coordinates are normalised to the image *as a person sees it* (EXIF
orientation applied, as Ultralytics reads images); a tool that ignores EXIF
misplaces the boxes of rotated JPEGs. A PNG or WebP with an EXIF orientation
is written upright without it (`upright`: OpenCV 4.x ignores a WebP's). An
annotated image with no boxes gets an empty .txt ("checked, nothing there");
an image nobody annotated gets no .txt at all. Ultralytics reads an image only by a name it knows
(`yolo_images.YOLO_SUFFIXES`): an image named otherwise (``.jfif``, ``.apng``) is
exported under its content's usual name (``.jpg``, ``.png``; the bytes
unchanged) where that is one, and the export warns about any other (a GIF, a
DIB), whose labels would train nothing, as it does about a GIF or DIB under a
name Ultralytics reads (``photo.jpg``): it checks the content too and skips
it. Reading accepts that layout, Roboflow's
(``train/images`` beside ``train/labels``) and labelImg's flat one (``x.jpg`` next to
``x.txt`` and ``classes.txt``), pairing images and labels as Ultralytics does
(`yolo_layout`).
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import Dataset
from petloc_gui.core.errors import DatasetError, ImageLoadError, SaveError
from petloc_gui.core.images import image_size
from petloc_gui.core.interop import unfinished
from petloc_gui.core.interop.files import (
    LINK,
    prepare_output,
    remove_stale_temporaries,
    unplace_image,
    write_derived,
)
from petloc_gui.core.interop.options import ANNOTATED_ONLY
from petloc_gui.core.interop.records import (
    ConversionReport,
    ImageRecord,
    Progress,
    class_names,
    first_half,
    read_dataset_records,
    second_half,
)
from petloc_gui.core.interop.target_errors import stop_if_target_unwritable
from petloc_gui.core.interop.upright import Orientations
from petloc_gui.core.interop.variant_classes import warn_of_variant_classes
from petloc_gui.core.interop.written import Written
from petloc_gui.core.interop.yolo_images import (
    MIN_YOLO_SIDE,
    exported_name,
    is_read_by_yolo,
    refused_content,
    warn_about_names,
    warn_about_small,
)
from petloc_gui.core.interop.yolo_kinds import LineKinds
from petloc_gui.core.interop.yolo_layout import YoloImage, find_pairs, voc_key
from petloc_gui.core.interop.yolo_leftovers import warn_about_leftovers
from petloc_gui.core.interop.yolo_lines import (
    PREDICTIONS,
    LineRules,
    TrackEvidence,
    read_label_text,
    read_lines,
)
from petloc_gui.core.interop.yolo_names import FolderYaml, data_yaml, find_class_names, find_keypoint_shape
from petloc_gui.core.text import counted

_DECIMALS = 6  # 1e-6 of a 10,000-pixel side is 0.01 pixel
CLASSES_TXT = "classes.txt"
DATA_YAML = "data.yaml"


# --------------------------------------------------------------------------- export

def yolo_line(class_id: int, box: Box, width: int, height: int) -> str:
    cx = (box.xmin + box.xmax) / 2 / width
    cy = (box.ymin + box.ymax) / 2 / height
    w = box.width / width
    h = box.height / height
    return f"{class_id} {cx:.{_DECIMALS}f} {cy:.{_DECIMALS}f} {w:.{_DECIMALS}f} {h:.{_DECIMALS}f}"


def export_yolo(dataset: Dataset, out: str | os.PathLike[str], *, images: str = LINK,
                overwrite: bool = False, annotated_only: bool = False, skip_difficult: bool = False,
                report: ConversionReport | None = None, progress: Progress | None = None,
                written: Written | None = None) -> ConversionReport:
    """Write ``dataset`` as a YOLO folder at ``out``; per-file problems go to the report. Each file and
    folder it creates in ``out`` is recorded in ``written`` (`unfinished.OutputBefore.written`, which takes
    it back; none given: not recorded).

    Raises SaveError when ``out`` cannot be used (not empty without ``overwrite``).
    """
    report = report if report is not None else ConversionReport()
    written = written if written is not None else Written()  # none given: nobody takes it back
    out = prepare_output(out, overwrite=overwrite, dataset=dataset, manifest=DATA_YAML, fmt="yolo",
                         words=report.words, written=written)
    total = len(dataset.items)
    records = _holdable_records(dataset, read_dataset_records(dataset, report, first_half(progress, total),
                                                              skip_difficult=skip_difficult), report)
    targets = [out / folder / record.relative for record in records for folder in ("images", "labels")]
    names = class_names(records)
    classes = "".join(f"{n}\n" for n in names).encode("utf-8")
    # The manifest goes last, when every image and label file is there: killed before, OUT has none
    # (`unfinished`). An earlier export's is kept aside until then, and put back on a stop once this run's files
    # are taken back. From the first label file with a box (`before_boxes`) it reads OUT's label files right only
    # when its classes are these: otherwise it is marked outdated then, so that a run killed leaves it to go.
    was_unfinished = unfinished.interrupted(out)
    unfinished.begin(out, (DATA_YAML, CLASSES_TXT), (target.parent for target in targets), fmt="yolo",
                     keeps=lambda _earlier: True)

    @functools.cache  # once: the first label file with a box decides
    def before_boxes() -> None:
        unfinished.outdate_earlier_unless(out, lambda earlier: (earlier / CLASSES_TXT).read_bytes() == classes,
                                          written)

    # OUT itself too: a killed run's data.yaml and classes.txt write temporaries are there.
    remove_stale_temporaries([*targets, out / DATA_YAML, out / CLASSES_TXT])
    ids = {name: index for index, name in enumerate(names)}
    orientations = Orientations()
    claimed: dict[str, Path] = {}
    exported: set[str] = set()  # label files and images this export wrote (relative posix names)
    unlabelled = 0
    renamed: list[tuple[str, str]] = []  # (name in the dataset, name in OUT/images)
    unread: list[str] = []  # names in OUT/images that Ultralytics does not read as images
    refused: list[tuple[str, str]] = []  # (name in OUT/images, format): Ultralytics refuses the content
    small: list[str] = []  # names in OUT/images of images Ultralytics skips as too small
    exporting = [record for record in records if record.annotated or not annotated_only]  # the writing pass's
    for done, record in enumerate(exporting, start=1):
        name = exported_name(record)
        label_name = str(Path(name).with_suffix(".txt").as_posix())
        owner = claimed.setdefault(label_name, record.image_path)
        if owner != record.image_path:
            report.problem(record.image_path, f"has the same label file {label_name} as "
                           f"{owner.name}; image left out")
            report.skipped_images += 1
        elif _write_record(out, record, (name, label_name), ids, images, report, orientations, before_boxes,
                           written):
            unlabelled += not record.annotated
            exported.add(f"images/{name}")
            if name != record.relative:
                renamed.append((record.relative, name))
            if not is_read_by_yolo(name):
                unread.append(name)
            elif (content := refused_content(record.image_path)) is not None:
                refused.append((name, content))
            if min(record.width, record.height) < MIN_YOLO_SIDE:
                small.append(name)
            if record.annotated:
                exported.add(f"labels/{label_name}")
        second_half(progress, done, len(exporting))
    if not exported:  # no image: a classes.txt and data.yaml of none would stand in for an earlier export's
        unfinished.nothing_written(out, was_unfinished, report.warning)
        return report
    manifests = ((CLASSES_TXT, classes), (DATA_YAML, data_yaml(names).encode("utf-8")))
    # The user's own there (a data.yaml or classes.txt petloc did not write: `unfinished.holds_manifest`) is
    # replaced last, so that a failure writing the other, which is taken back, leaves theirs as it was.
    for manifest, data in sorted(manifests, key=lambda pair: os.path.lexists(out / pair[0])):
        # an earlier export's is aside (`unfinished.begin`); the user's own there is kept, to be put back on a stop
        written.wrote(out / manifest, functools.partial(atomic_write_bytes, out / manifest, data))
    unfinished.finish(out)
    if unlabelled:
        were = "was" if unlabelled == 1 else "were"
        report.warning(out / "images", f"{counted(unlabelled, 'image')} without an annotation {were} exported "
                       "without a label file; YOLO trainers such as Ultralytics train on them as "
                       f"background (no objects). {report.words.remedy(ANNOTATED_ONLY, capital=True)} to "
                       "leave them out")
    warn_about_names(out, renamed, unread, refused, report)
    warn_of_variant_classes(records, report, f"{CLASSES_TXT} and {DATA_YAML}")  # each of ``names``' records
    orientations.warn(out / "images", report)
    warn_about_small(out, small, report)
    warn_about_leftovers(out, exported, {os.path.realpath(item.image_path) for item in dataset.items}, report)
    return report


def _holdable_records(dataset: Dataset, records: Iterable[ImageRecord],
                      report: ConversionReport) -> list[ImageRecord]:
    """``records`` less those with a label that classes.txt cannot hold (reported).

    classes.txt is one name per line: a name with a line break (any that
    str.splitlines() or YAML breaks on) would become two classes and shift
    every later id. The whole image is left out, not the box: without it the
    image would train as background for that object.
    """
    annotation_of = {item.image_path: item.annotation_path for item in dataset.items}
    kept = []
    for record in records:
        broken = next((obj.label for obj in record.objects if len(obj.label.splitlines()) > 1), None)
        if broken is None:
            kept.append(record)
        else:
            report.problem(annotation_of.get(record.image_path, record.image_path),
                           f"label {broken!r} contains a line break, which classes.txt (one "
                           "name per line) cannot hold; image left out")
            report.skipped_images += 1
    return kept


def _write_record(out: Path, record: ImageRecord, names: tuple[str, str], ids: dict[str, int],
                  images: str, report: ConversionReport, orientations: Orientations,
                  before_boxes: Callable[[], None], written: Written) -> bool:
    """Place ``record``'s image and write its label file (``names``: theirs under images/ and labels/)."""
    name, label_name = names
    image = out / "images" / name
    placed = None
    try:
        written.folders_for(image)
        placed = written.placing(image, lambda: orientations.place(record, image, name, images))
        if record.annotated:
            lines = [yolo_line(ids[obj.label], obj.box, record.width, record.height)
                     for obj in record.objects]
            target = out / "labels" / label_name
            written.folders_for(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            if record.objects:
                before_boxes()
            # one replaced (an earlier export's, or the user's: --overwrite) is kept, to be put back on a stop
            written.wrote(target, lambda: write_derived(target, "".join(f"{line}\n" for line in lines).encode("utf-8")),
                          tells_identity=True)
    except (SaveError, OSError) as exc:
        unplace_image(image, placed)
        orientations.discard(name)
        stop_if_target_unwritable(exc)  # a full disk is no image's problem: the export fails
        report.problem(getattr(exc, "path", None) or record.image_path,
                       f"{getattr(exc, 'reason', None) or exc}; image left out")
        report.skipped_images += 1
        return False
    report.images += 1
    report.annotated += record.annotated
    report.objects += len(record.objects) if record.annotated else 0
    report.prelabels += record.annotated and record.prelabel
    return True


# --------------------------------------------------------------------------- import

def read_yolo(src: str | os.PathLike[str], report: ConversionReport,
              progress: Progress | None = None) -> list[ImageRecord]:
    """The images of a YOLO folder as records (sizes from headers); problems to ``report``.

    A line that cannot be used (malformed, class id not in the names, box
    outside the image) is reported as ``file:line`` and left out; the rest of
    the file is converted. Raises DatasetError when ``src`` is not a YOLO folder.
    """
    src = Path(src)
    if not src.exists():
        raise DatasetError("does not exist", src)
    if not src.is_dir():
        raise DatasetError("not a folder (a YOLO dataset is a folder)", src)
    unfinished_export = unfinished.not_readable(src)  # a names file put there would convert part as all
    if unfinished_export is not None:
        raise DatasetError(unfinished_export, src)
    yaml = FolderYaml(src)  # read once, for the names and a pose dataset's kpt_shape
    names, names_file = find_class_names(src, yaml)
    pose = find_keypoint_shape(src, yaml)
    layout = find_pairs(src)
    evidence = TrackEvidence()
    # Each label file is read once: by the first look when there is one, converted from memory after.
    texts: dict[Path, tuple[str | None, str]] = {}
    if pose is None:
        # A first look at every label file: whether 7 values ending in 1 are
        # track ids or triangles is the folder's to say (`TrackEvidence`).
        for image in layout.images:
            if image.label is not None:
                texts[image.label] = read_label_text(image.label)
                if (text := texts[image.label][0]) is not None:
                    evidence.add(text)
    keypoints, keypoints_file = pose or (None, None)
    rules = LineRules(names, names_file, keypoints, keypoints_file, tracked=evidence.tracked())
    for extra, first in layout.duplicates:
        report.problem(extra, f"same name as {first.name}: the label file belongs to "
                       "one image only; image left out")
        report.skipped_images += 1
    records = []
    kinds = LineKinds()
    for done, image in enumerate(layout.images, start=1):
        label_text = texts.pop(image.label) if image.label in texts else None
        record = _read_pair(image.path, image.label, image.relative, rules, report, kinds, label_text)
        if record is not None:
            records.append(record)
        if progress is not None:
            progress(done, len(layout.images))
    _warn_about_kept_paths(src, layout.kept_paths, report)
    _warn_about_labels_beside(src, layout.beside, report)
    for label, beside, read in layout.unread_beside:
        report.problem(label, f"beside {beside.name}, whose label file is {read}, the one Ultralytics reads: "
                       "not converted. Copy its lines there if they are boxes of that image, or delete it")
    for label, wanted in layout.orphans:
        report.problem(label, f"no image {wanted.name}.* found in {wanted.parent}; labels not converted")
        report.skipped_images += 1
    kinds.warn(src, report)
    return records


def _warn_about_kept_paths(src: Path, groups: list[list[YoloImage]], report: ConversionReport) -> None:
    """Say which images kept their path in ``src`` because dropping ``images/`` would have given them
    another's name or VOC file (`yolo_layout._part_ways`), and, where two of those paths differ only
    in case (the VOC writer leaves the second out and reports it), that not all of them are kept."""
    if not groups:
        return
    kept = sum(len(group) for group in groups)
    named = "; ".join(" and ".join(image.relative for image in group) for group in groups[:3])
    more = f"; and {counted(len(groups) - 3, 'more group')}" if len(groups) > 3 else ""
    voc_files = Counter(voc_key(image.relative) for group in groups for image in group)
    still = [image.relative for group in groups for image in group if voc_files[voc_key(image.relative)] > 1]
    outcome = ("Nothing was overwritten or left out" if not still else
               f"But {' and '.join(still[:3])}{' ...' if len(still) > 3 else ''} differ only in case, so "
               "they still share a VOC file where names ignore case: only the first is converted (see the "
               "problems below). Rename the others to keep them")
    report.warning(src, f"{counted(kept, 'image')} would have shared a name or a VOC file in the output with "
                   f"another once images/ was dropped from its path ({named}{more}): each of them keeps its "
                   f"path as it is in this folder, images/ included, and its VOC file is written beside it. "
                   f"{outcome}")


def _warn_about_labels_beside(src: Path, beside: list[tuple[Path, Path]], report: ConversionReport) -> None:
    """Say which images of a split had their label file beside them, where Ultralytics does not look."""
    if not beside:
        return
    label, wanted = beside[0]
    one = len(beside) == 1
    report.warning(src, f"{counted(len(beside), 'image')} in split folders {'has its' if one else 'have their'} "
                   f"label file beside {'it' if one else 'them'} (e.g. {label}) rather than in labels/ ({wanted}): "
                   "read here, but Ultralytics looks only in labels/ and would train "
                   f"{'it' if one else 'them'} as background (no objects). Move the label "
                   f"file{'' if one else 's'} to labels/ before training with Ultralytics")


def _read_pair(image: Path, label: Path | None, relative: str, rules: LineRules,
               report: ConversionReport, kinds: LineKinds,
               label_text: tuple[str | None, str] | None = None) -> ImageRecord | None:
    """``label_text``: what `read_label_text` gave when the first look at the folder read the label file."""
    try:
        width, height = image_size(image)
    except ImageLoadError as exc:
        where = label if label is not None else image
        report.problem(where, f"image {image.name}: {exc.reason}; not converted")
        report.skipped_images += 1
        return None
    record = ImageRecord(image, relative, width, height,
                         annotated=label is not None)
    if label is None:
        return record
    text, unread = label_text if label_text is not None else read_label_text(label)
    if text is None:
        report.problem(label, unread)
        report.skipped_images += 1
        return None
    lines, usable, ambiguous, clipped, repeated = read_lines(text, label, rules, width, height, report)
    report.skipped_objects += lines - len(usable) - len(repeated)  # a repeated line is no object lost
    kinds.note_clipped(label, clipped)
    kinds.note_repeated(label, repeated)
    record.objects = [box for _, box in usable]
    read = [kind for kind, _ in usable]  # the kinds of the usable lines
    kinds.note(label, read, pose=rules.keypoints is not None)
    # When those lines were all that was unusable, the folder's one problem about them says so.
    kinds.note_ambiguous(label, ambiguous, emptied=not usable and len(ambiguous) == lines)
    # A model's boxes: voc_out marks their VOC file as a pre-label.
    record.prelabel = any(kind in PREDICTIONS for kind in read)
    if lines and not record.objects:
        # Only an empty file says "checked, nothing there"; boxes that were
        # there but unusable must not turn into a verified negative.
        record.annotated = False
        if len(ambiguous) == lines:
            return record
        which = f"none of its {lines} lines is" if lines > 1 else "its one line is not"
        report.problem(label, f"{which} a usable box; image {image.name} converted without an annotation")
    return record
