"""`petloc predict PATH... --model MODEL`: one label + box per image, optionally as VOC pre-labels."""

from __future__ import annotations

import argparse
import contextlib
import math
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.cli.args import MODEL_HELP, model_arg, path_arg, positive_int
from petloc_gui.cli.closed_stdout import ResultsOut
from petloc_gui.cli.model_loading import class_names_of, load_predictor, model_for
from petloc_gui.cli.output import ProgressBar, error, finite, info, json_line, reason_of, result_line, show
from petloc_gui.cli.prelabel import (
    GivenNames,
    Refused,
    Targets,
    annotation_targets,
    in_record_order,
    prelabel_mark,
    repeated_line,
    write_prelabel,
)
from petloc_gui.cli.prelabel_folders import WriteFailures, refusal_line, unwritable_folders
from petloc_gui.cli.prelabel_unknown import unknown_classes_note
from petloc_gui.cli.stop_signals import held, work_done
from petloc_gui.core.atomic import folders_synced_once, sync_written_folders
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.shared_annotations import left_out_line
from petloc_gui.core.text import counted, first_of, visible

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset

NAME = "predict"
HELP = "predict the label and box of images (files or dataset folders)"
EPILOG = """\
Boxes are [xmin, ymin, xmax, ymax] in pixels of the image as displayed (EXIF
orientation applied). With --json each image gives one JSON line:
  {"image": PATH, "label": NAME, "confidence": P, "box": [xmin, ymin, xmax, ymax]}
or, for an image that cannot be read or a sub-folder that cannot be listed
(or is a symbolic link, not followed),
  {"image": PATH, "error": MESSAGE}
Records follow the PATHs in the order given, a folder's images in its natural
order (img2 before img10), whatever the batch size, each image named as
given (a folder's as the folder given joined with its path inside it).
An image given more than once (a file and a folder holding it) is predicted
once, one record in its first place, and a line on stderr says so.
Progress on a folder goes to stderr, never inside a record.

--write-voc writes a pre-label VOC file (labelImg-readable) where the dataset
layout keeps annotations, ONLY for images that have none: an existing
annotation is never overwritten. An image whose annotation file is another
image's (photo.png beside photo.jpg: photo.xml is photo.jpg's) gets none.
The summary counts the annotations left untouched and names those holding
no box and not marked verified (the placeholders CVAT's export writes for
every image): move them aside to have their images pre-labelled.
A folder a pre-label is due in that cannot take a new file (read-only) is
refused before the model loads: nothing is predicted, exit 1.
A stdout that cannot take the results, its reader gone (`| head -2`) or its
disk full, does not stop the writing. Stopped (Ctrl+C:
exit 130, SIGTERM: 143, SIGHUP: 129, Ctrl+Break: 149), it first finishes the image at hand, pre-label then
record, and says how many it wrote; once the last record is out, a stop is
too late (exit 0).

The exit status is 0 when at least one image was predicted, with --write-voc
every pre-label due was written, and stdout took every result (or its reader
left: `| head`); 1 otherwise.

examples:
  petloc predict photo.jpg --model pets
  petloc predict my_folder/          (the model the window would choose for it)
  petloc predict new_photos/ --model pets --json > predictions.jsonl
  petloc predict new_photos/ --model pets --write-voc   (pre-labels to review)
"""


NO_PREDICTION = "the model gave no prediction (its output is not a number)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", metavar="PATH", nargs="+", type=_path_text, help="image files and/or dataset folders")
    parser.add_argument("--model", metavar="MODEL", type=model_arg,
                        help=MODEL_HELP + " (default: the model the window would choose for the first folder)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line per image")
    parser.add_argument("--write-voc", action="store_true",
                        help="write VOC pre-labels for images without an annotation")
    parser.add_argument("--batch-size", type=positive_int, default=32, metavar="N",
                        help="images per batch (default 32); a batch holds at most 64 M decoded pixels "
                             "(5 photos of 12 MP), so memory stays bounded whatever the photo size")


def _path_text(text: str) -> str:
    """argparse type: a PATH, kept as the text given (`GivenNames`)."""
    path_arg(text)  # refuses an empty one
    return text


def run(args: argparse.Namespace) -> int:
    from petloc_gui.model.bundle import read_meta  # no TensorFlow

    if args.model:
        read_meta(args.model)  # a wrong model or a broken meta.json fails before anything else
    paths = [Path(text) for text in args.paths]
    found = annotation_targets(paths)
    names = GivenNames(args.paths, found)
    named = _named_on_stderr(names)
    # Said on stderr before the model loads; their --json records come in their places below.
    for folder in paths:
        if folder in found.folders:  # indexed once, there; its unread files are in the folders it looked in
            _say_not_indexed(found.folders[folder], named)
    for path, reason in found.problems:
        error(f"{named(path)}: {reason}")
    order, repeated = in_record_order(paths, found)
    if repeated:
        error(repeated_line([named(path) for path in repeated]))
    # `| head -2` or a full disk must not stop the pre-labels: with --write-voc the writing goes on
    out = ResultsOut(args.write_voc, "the pre-labels are still written")
    if not found.images:
        if not found.problems:
            error("no image to predict")
        _write_refused(args, out, order, names)
        return 1
    if args.write_voc:  # before the model loads: its seconds, then one line per image, for a folder that takes none
        unwritable = unwritable_folders(found.images, found.shared)
        if unwritable:
            error(refusal_line(unwritable, named))
            return 1
    if not args.model:  # the window's choice for the first path that gives an image: a missing one, an
        # empty folder or a notes.txt is said above, and the folder around it is not read for classes
        args.model = model_for(None, [path for path in paths if _gives_images(path, found)])
        read_meta(args.model)
    predictor, _, meta = load_predictor(args.model)
    # marks each pre-label as the model's, unreviewed (`core.voc_types.PRELABEL_PREFIX`)
    tally = _Tally(args, out, names, found, prelabel_mark(args.model, meta))
    if args.write_voc:  # read before the run: its summary comes after a stop too
        tally.unknown_note = unknown_classes_note(paths, found.folders, class_names_of(predictor, meta), named)
    # Folders can hold thousands of images: progress on stderr (stdout stays one record per image).
    folders = any(p.is_dir() for p in paths)
    total = sum(not isinstance(entry, Refused) for entry in order)
    bar = ProgressBar("petloc: predict", total) if folders and total > args.batch_size else None
    done = 0
    try:
        # Each pre-label is synced before it takes its name (whole or absent after a power cut, never an empty
        # file a rerun would keep as "exists"); its folder once, at the end, before the summary below says
        # what was written (also of a stopped run): N + a few fsyncs, not 2N, as convert --from.
        with folders_synced_once(), _folders_synced_at_end():
            for batch in _batches(order, args.batch_size):
                images = [entry for entry in batch if not isinstance(entry, Refused)]
                results = iter(predictor.predict_paths(images) if images else [])
                if bar is not None:  # a line written after the bar's text would start inside it
                    bar.hide()
                for entry in batch:  # in order: a batch's records are written once all of it is predicted
                    with held():  # a stop waits for the image's pre-label and record: stdout and disk agree
                        if isinstance(entry, Refused):
                            _write_refused(args, out, [entry], names)
                        else:
                            tally.report(entry, next(results))
                done += len(images)
                if bar is not None:  # counts the images whose records are written
                    bar.update(done)
    finally:  # also when Ctrl+C stops it: what is on disk now is said
        if bar is not None:
            bar.close()
        tally.summary()
    return 0 if tally.n_ok and not tally.n_failed and not out.failed else 1


@contextlib.contextmanager
def _folders_synced_at_end() -> Iterator[None]:
    """At the end of the block (also of one a stop or an error ends), the fsyncs of the folders written in,
    a stop that comes during them held until they are done: one not synced would be left to chance. After a
    block that ended of itself, the run is complete once they are done: a stop held meanwhile is too late
    (exit 0, as `--help` and docs/cli.md say of a stop after the last record)."""
    complete = False
    try:
        yield
        complete = True
    finally:
        with held():
            sync_written_folders()
            if complete:
                work_done()


def _named_on_stderr(names: GivenNames) -> Callable[[Path], str]:
    """How a line on stderr names a path: as its record names it, a tab or newline in it escaped
    (``x\\x0ay.png``) as the JSON record escapes it; `error` collapses a message's whitespace to one line,
    which named another file (``x y.png``)."""
    return lambda path: visible(names(path))


def _gives_images(path: Path, found: Targets) -> bool:
    """Whether ``path`` (a folder given, or a file named as an image) holds images to predict."""
    from petloc_gui.core.image_formats import IMAGE_EXTENSIONS

    folder = found.folders.get(path)
    if folder is not None:
        return bool(folder.items)
    return path in found.images and path.suffix.lower() in IMAGE_EXTENSIONS


def _batches(order: list[Path | Refused], size: int) -> Iterator[list[Path | Refused]]:
    """Consecutive slices of ``order`` holding at most ``size`` images each (and the refused paths
    among them, kept in their places)."""
    batch: list[Path | Refused] = []
    images = 0
    for entry in order:
        if images == size and not isinstance(entry, Refused):
            yield batch
            batch, images = [], 0
        batch.append(entry)
        images += not isinstance(entry, Refused)
    if batch:
        yield batch


class _Tally:
    """Reports each image's result, writes its pre-label with --write-voc, and counts what it did."""

    def __init__(self, args: argparse.Namespace, out: ResultsOut, names: GivenNames, found: Targets,
                 mark: str) -> None:
        self.args, self.out, self.names, self.mark = args, out, names, mark
        self.targets, self.shared = found.images, found.shared
        self.n_ok = self.n_written = self.n_kept = self.n_failed = 0
        self.kept_empty: list[str] = []  # of the n_kept, those holding no box nobody marked checked (`_holds_no_box`)
        self.failures = WriteFailures()  # said once per folder and reason, with a count, in the summary
        self.left_out: list[tuple[str, str]] = []  # no pre-label: the annotation file is another image's
        self.unknown_note: str | None = None  # the folders' classes the model does not know (`prelabel_unknown`)

    def report(self, image: Path, result: Any) -> None:
        name = self.names(image)
        if isinstance(result, BaseException):
            _report_error(self.args, self.out, name, reason_of(result))
            return
        if not result.has_class:
            _report_error(self.args, self.out, name, NO_PREDICTION)
            return
        self.n_ok += 1
        if self.args.write_voc and image in self.shared:
            self.left_out.append((name, self.shared[image]))
        elif self.args.write_voc:  # before its record: a record printed is a pre-label on disk
            written = _write_voc(image, name, self.targets[image], result, self.mark, self.failures)
            self.n_written += written is True
            self.n_kept += written is False
            if written is False and _holds_no_box(self.targets[image]):
                self.kept_empty.append(visible(self.targets[image]))
            self.n_failed += written is None
        self.out.write(lambda: _report_prediction(self.args, name, result))

    def summary(self) -> None:
        if not self.args.write_voc:
            return
        for line in self.failures.lines():  # "FILE: ..." or "FOLDER: n ... (names): ...": names escaped there
            error(line)
        info(f"wrote {counted(self.n_written, 'pre-label annotation')}; left "
             f"{counted(self.n_kept, 'existing annotation')} untouched" + _empty_kept_note(self.kept_empty)
             + (f"; {self.n_failed} could not be written (above)" if self.n_failed else ""))
        if self.left_out:
            error(left_out_line("wrote no pre-label for", self.left_out, set_apart=True), names_isolated=True)
        if self.unknown_note and self.n_written:
            error(self.unknown_note)


def _holds_no_box(annotation_path: Path | None) -> bool:
    """Whether the annotation left untouched holds no box and is not marked verified: a placeholder (CVAT's
    export writes one for every image), not a person's "checked, nothing there" (labelImg's verified empty
    file). An unreadable one is not counted: moving it aside is no advice to give of it."""
    from petloc_gui.core.voc import read_voc

    if annotation_path is None:
        return False
    try:
        annotation = read_voc(annotation_path, find_image=False)
    except (PetlocError, OSError, ValueError):
        return False
    return not annotation.objects and not annotation.verified


def _empty_kept_note(empty: list[str]) -> str:
    """What the summary says of the annotations left untouched that hold no box (`_holds_no_box`), the first
    few named: a pre-label is written only where there is no file, so those images get none until it goes."""
    if not empty:
        return ""
    one = len(empty) == 1
    return (f" ({len(empty)} of them {'holds' if one else 'hold'} no box and {'is' if one else 'are'} not marked "
            f"verified, as the placeholders CVAT's export writes for every image: {first_of(empty, 3)}; to "
            + ("pre-label its image, move that file aside or delete it" if one else
               "pre-label their images, move those files aside or delete them") + ", then run again)")


def prediction_record(image: Path | str, prediction) -> dict[str, Any]:
    """The `--json` object of one prediction (floats rounded to 2 decimals)."""
    box = prediction.box
    return {
        "image": str(image),
        "label": str(prediction.label),
        # finite(): a broken model's NaN becomes null instead of invalid JSON.
        "confidence": finite(prediction.confidence, 2),
        "box": [finite(v, 2) for v in (box.xmin, box.ymin, box.xmax, box.ymax)],
    }


def _report_prediction(args: argparse.Namespace, image: Path | str, prediction) -> None:
    record = prediction_record(image, prediction)
    if args.json:
        json_line(record)
    else:
        box = ", ".join("nan" if v is None else f"{v:.0f}" for v in record["box"])
        confidence = "nan" if record["confidence"] is None else f"{record['confidence']:.2f}"
        result_line(show(f"{record['image']}  {record['label']}  {confidence}  [{box}]"))


def _report_error(args: argparse.Namespace, out: ResultsOut, path: Path | str, reason: str) -> None:
    error(f"{visible(path)}: {reason}")
    if args.json:
        out.write(lambda: json_line({"image": str(path), "error": reason}))


def _say_not_indexed(dataset: Dataset, names: Callable[[Path], str]) -> None:
    """One line per problem of the folder's index (a sub-folder it could not list or follow:
    `core.index_problems`), and one per folder for its files named as images of a format petloc
    does not read (HEIC, AVIF, ...): not predicted, not silently skipped (with --json, each an
    error record, in its place). Each path is named as the records name it (`GivenNames`)."""
    from petloc_gui.core.index_problems import index_lines, isolated_line
    from petloc_gui.core.unread_note import unread_lines

    for line in index_lines(dataset, names) + unread_lines(dataset, names):  # paths set apart (a Hebrew one)
        error(isolated_line(line), names_isolated=True)


def _write_refused(args: argparse.Namespace, out: ResultsOut, refused: list[Path | Refused],
                   names: GivenNames) -> None:
    """The --json error records of the refused paths (said on stderr before the model loaded)."""
    for entry in refused:
        if args.json and isinstance(entry, Refused):
            out.write(partial(json_line, {"image": names(entry.path), "error": entry.reason}))


def _write_voc(image: Path, name: str, annotation_path: Path | None, prediction, mark: str,
               failures: WriteFailures) -> bool | None:
    """True written, False an annotation already exists, None failed: reported, the image by ``name``, or
    noted in ``failures`` when the file could not be written (a folder's reason, said once for the folder)."""
    if annotation_path is None:
        error(f"{visible(name)}: no annotation location known for this file; no VOC written")
        return None
    if not all(math.isfinite(v) for v in prediction.box.as_tuple()):
        error(f"{visible(name)}: the model gave no usable box (NaN); no VOC written")
        return None
    try:
        return write_prelabel(image, annotation_path, prediction.label, prediction.box, mark)
    except (PetlocError, OSError) as exc:
        failures.add(annotation_path, reason_of(exc))
        return None
