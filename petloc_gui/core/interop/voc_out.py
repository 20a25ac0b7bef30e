"""Write records read from YOLO or COCO as a petloc (sidecar) VOC dataset.

``OUT/<name>`` gets the image (hard link or copy; an identical file already
there is used as is, so OUT may be the YOLO folder itself) and
``OUT/<stem>.xml`` its annotation, written by :func:`core.voc.write_voc` in
labelImg's form. An existing VOC file is never replaced unless
``overwrite``; a file there that is not VOC is never replaced at all, and is counted apart
(`kept_targets`).
Images nobody annotated (no YOLO txt, no COCO annotation) get no VOC file.
An image that cannot be placed or written is that image's problem (reported,
the rest converted), but a full disk, a read-only file system or a used-up
quota is OUT's (`target_errors`): it raises SaveError, and the run fails.
Each file and folder it creates is recorded in ``written`` when given, so that
a run failing part way into an OUT that held files takes back just those
(`unfinished.OutputBefore`). While it runs OUT holds its mark, and a second
run into OUT is refused (`unfinished_conversion`). Each VOC file is synced before it takes its name,
and each folder once, at the end of the run (`atomic.folders_synced_once`:
N + a few fsyncs, not 2N, ADR 0012).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path, PurePosixPath

from petloc_gui.core.annotation_names import folded
from petloc_gui.core.atomic import folders_synced_once
from petloc_gui.core.errors import SaveError
from petloc_gui.core.image_depth import voc_depth
from petloc_gui.core.interop.files import (
    LINK,
    link_exclusive,
    place_image,
    remove_stale_temporaries,
    temporary_beside,
    unplace_image,
)
from petloc_gui.core.interop.kept_targets import KeptTargets
from petloc_gui.core.interop.records import ConversionReport, ImageRecord, Progress
from petloc_gui.core.interop.target_errors import stop_if_target_unwritable
from petloc_gui.core.interop.unfinished_conversion import begin_conversion, end_conversion
from petloc_gui.core.interop.written import Written
from petloc_gui.core.name_forms import twin_note
from petloc_gui.core.voc import (
    PRELABEL_PREFIX,
    UnreadableTargetError,
    VocAnnotation,
    VocObject,
    new_annotation,
    write_voc,
)

# How an imported file of a model's boxes is marked, as petloc predict --write-voc marks its own.
IMPORTED_PRELABEL = f"{PRELABEL_PREFIX} imported by petloc convert from a model's predictions (confidences left out)"



def voc_key(relative: str) -> str:
    """The VOC file an output name is written to, with case and Unicode form ignored as file systems
    ignore them (`annotation_names.folded`): two names of one key share a file where names ignore case.
    The YOLO import groups its images by it too (`yolo_layout`)."""
    return folded(str(PurePosixPath(relative).with_suffix(".xml")))

def write_voc_records(records: list[ImageRecord], out: str | os.PathLike[str], *,
                      overwrite: bool = False, images: str = LINK,
                      report: ConversionReport | None = None,
                      progress: Progress | None = None, written: Written | None = None) -> ConversionReport:
    """Place each record's image under ``out`` and write its VOC file beside it, recording in ``written``
    each file and folder created. Raises SaveError when ``out`` cannot be made or takes no more files
    (`target_errors.stop_if_target_unwritable`)."""
    report = report if report is not None else ConversionReport()
    taken_back_by_caller = written is not None
    written = written if written is not None else Written()
    report.prelabels_marked = True
    out = Path(out)
    try:
        written.make_output(out)  # the folders it makes are the run's (`Written.output_folders`)
    except OSError as exc:
        raise SaveError(f"cannot create the folder: {exc.strerror or exc}", out) from exc
    # Before its first file: a second run into OUT is refused while this one runs (`unfinished_conversion`)
    begin_conversion(out, {(out / record.relative).parent for record in records}, written)
    try:
        _write_all(records, out, overwrite, images, report, progress, written)
    except BaseException:
        if not taken_back_by_caller:  # else the mark stays until the caller has taken the run's files back
            end_conversion(out, written)
        raise
    end_conversion(out, written)
    return report


def _write_all(records: list[ImageRecord], out: Path, overwrite: bool, images: str, report: ConversionReport,
               progress: Progress | None, written: Written) -> None:
    remove_stale_temporaries(out / record.relative for record in records)
    # VOC file (folded: one file where names ignore case or Unicode form) -> the record it is written from
    claimed: dict[str, ImageRecord] = {}
    kept = KeptTargets()
    # The folders' fsyncs once, at the end (also of a run that fails): two per file, the file's and its
    # folder's, were most of a 5,000-image import (34-55 s for 9.5 s of work). Each VOC file is still synced
    # before it takes its name: an annotation, maybe in the user's own folder, that a power cut must leave
    # whole or absent, never empty (a rerun would keep an empty one as "exists"; the mark of the run, which a
    # power cut leaves, says only that it did not finish, not which of its files are whole).
    with folders_synced_once():
        for done, record in enumerate(records, start=1):
            _convert_one(record, out, claimed, overwrite, images, report, kept, written)
            if progress is not None:
                progress(done, len(records))
    kept.warn(report, out)


def _convert_one(record: ImageRecord, out: Path, claimed: dict[str, ImageRecord], overwrite: bool, images: str,
                 report: ConversionReport, kept: KeptTargets, written: Written) -> None:
    """Write ``record``'s image and VOC file unless another record of this run ``claimed`` that file (reported)."""
    xml_name = str(Path(record.relative).with_suffix(".xml"))
    first = claimed.setdefault(voc_key(record.relative), record)
    if first.image_path != record.image_path:
        report.problem(record.image_path, f"would share the VOC file {xml_name} with "
                       f"{first.image_path}{twin_note(record.relative, first.relative)}; image left out")
        report.skipped_images += 1
    elif first is not record:
        # Written again, it replaced this run's own file (the first record's boxes lost) or was
        # kept out as "exists". read_coco merges an image's entries (coco_duplicates); this is
        # for a caller that did not.
        report.problem(record.image_path, f"listed twice; its VOC file {xml_name} is written from "
                       "the first record only, this one's boxes are left out")
        report.skipped_images += 1
        report.skipped_objects += len(record.objects)
    else:
        _write_one(record, out, xml_name, overwrite, images, report, kept, written)


def _write_one(record: ImageRecord, out: Path, xml_name: str, overwrite: bool, images: str,
               report: ConversionReport, kept: KeptTargets, written: Written) -> None:
    image_target = out / record.relative
    xml_target = out / xml_name
    placed = None
    objects = _boxes_with_area(record, report) if record.annotated else []
    annotated = record.annotated and bool(objects or not record.objects)
    written.folders_for(image_target)  # its sub-folder (train/) may be made by the placing
    try:
        placed = written.placing(image_target, lambda: place_image(record.image_path, image_target, images))
        if annotated:
            annotation = new_annotation(image_target, record.width, record.height,
                                        depth=voc_depth(record.image_path))
            annotation.objects = objects
            if record.prelabel:  # a model's boxes (a YOLO prediction file): unreviewed until someone saves it
                annotation.prelabel = IMPORTED_PRELABEL
            if overwrite:  # a VOC file replaced is never the run's to remove; write_voc refuses a non-VOC one
                written.wrote(xml_target, lambda: write_voc(annotation, xml_target))
            elif not written.created(xml_target, lambda: write_new_voc(annotation, xml_target)):
                kept.keep(xml_target, report)  # a VOC file, or one that is not VOC: counted apart
                report.images += 1
                return
    except SaveError as exc:
        unplace_image(image_target, placed)
        # a full disk (read-only mount, used-up quota) is OUT's error: every image after it fails the same way
        stop_if_target_unwritable(exc, run="conversion")
        # --overwrite met a file that is not VOC or cannot be read: the writer's "overwrite it explicitly" is
        # what the user did
        reason = kept.refused(exc, report) if isinstance(exc, UnreadableTargetError) else exc.reason
        report.problem(exc.path or xml_target, f"{reason}; image not converted")
        report.skipped_images += 1
        return
    report.images += 1
    if annotated:
        report.annotated += 1
        report.objects += len(objects)
        report.prelabels += record.prelabel


def _boxes_with_area(record: ImageRecord, report: ConversionReport) -> list[VocObject]:
    """The record's boxes as VOC objects, less those with no area in whole pixels (reported).

    VOC stores whole pixels: a box under a pixel wide or high (a YOLO ``w`` of
    0.0005) rounds to xmin == xmax, which ``petloc stats`` then calls an empty
    box and the next export leaves out. When none is left the image gets no
    VOC file: written empty, it would say "checked, nothing there".
    """
    objects = []
    for obj in record.objects:
        xmin, ymin, xmax, ymax = obj.box.rounded()
        if xmax > xmin and ymax > ymin:
            objects.append(VocObject(name=obj.label, box=obj.box, difficult=obj.difficult))
            continue
        shown = tuple(round(v, 2) for v in obj.box.as_tuple())
        report.problem(record.image_path, f"box {shown} ({obj.label}) is under one pixel wide or high, so "
                       "it has no area in VOC's whole pixels; box left out")
        report.skipped_objects += 1
    if record.objects and not objects:
        report.problem(record.image_path, f"none of its boxes has an area in whole pixels; "
                       f"{record.image_path.name} converted without an annotation")
    return objects


def write_new_voc(annotation: VocAnnotation, target: Path) -> bool:
    """Write ``target`` only if it does not exist (exclusive, race-free); False if it did.

    Shared by the converters and ``petloc predict --write-voc`` (cli.prelabel). The file is synced before
    it takes its name; its folder now, or at the end of a `folders_synced_once` block (`write_voc_records`).
    """
    if target.exists() or target.is_symlink():
        return False
    staging = temporary_beside(target)
    try:
        try:
            write_voc(annotation, staging)
            return link_exclusive(staging, target)
        except SaveError as exc:
            # The temporary name means nothing to the user: name the file they asked for.
            raise SaveError(exc.reason, target) from exc
        except OSError as exc:  # e.g. a name the file system refuses: one image's problem, not the run's
            raise SaveError(f"cannot write annotation: {exc.strerror or exc}", target) from exc
    finally:
        with contextlib.suppress(OSError):
            staging.unlink()
