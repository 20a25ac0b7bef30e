"""`petloc predict PATH... --model MODEL`: one label + box per image, optionally as VOC pre-labels."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.cli.args import MODEL_HELP, model_arg, path_arg, positive_int
from petloc_gui.cli.model_loading import chunks, load_predictor, model_for
from petloc_gui.cli.output import ProgressBar, error, finite, info, json_line, reason_of, show
from petloc_gui.cli.prelabel import annotation_targets, prelabel_mark, write_prelabel
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.shared_annotations import left_out_line
from petloc_gui.core.text import counted

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset

NAME = "predict"
HELP = "predict the label and box of images (files or dataset folders)"
EPILOG = """\
Boxes are [xmin, ymin, xmax, ymax] in pixels of the image as displayed (EXIF
orientation applied). With --json each image gives one JSON line:
  {"image": PATH, "label": NAME, "confidence": P, "box": [xmin, ymin, xmax, ymax]}
or, for an image that cannot be read,
  {"image": PATH, "error": MESSAGE}

--write-voc writes a pre-label VOC file (labelImg-readable) where the dataset
layout keeps annotations, ONLY for images that have none: an existing
annotation is never overwritten. An image whose annotation file is another
image's (photo.png beside photo.jpg: photo.xml is photo.jpg's) gets none.

The exit status is 0 when at least one image was predicted and, with --write-voc, every
pre-label due was written; 1 otherwise.

examples:
  petloc predict photo.jpg --model pets
  petloc predict my_folder/          (the model the window would choose for it)
  petloc predict new_photos/ --model pets --json > predictions.jsonl
  petloc predict ../shared/data/oxford-pets-3breeds --model pets --write-voc
"""


NO_PREDICTION = "the model gave no prediction (its output is not a number)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", metavar="PATH", nargs="+", type=path_arg, help="image files and/or dataset folders")
    parser.add_argument("--model", metavar="MODEL", type=model_arg,
                        help=MODEL_HELP + " (default: the model the window would choose for the first folder)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line per image")
    parser.add_argument("--write-voc", action="store_true",
                        help="write VOC pre-labels for images without an annotation")
    parser.add_argument("--batch-size", type=positive_int, default=32, metavar="N",
                        help="images per batch (default 32)")


def run(args: argparse.Namespace) -> int:
    from petloc_gui.model.bundle import read_meta  # no TensorFlow

    args.model = model_for(args.model, args.paths)
    read_meta(args.model)  # a wrong model or a broken meta.json fails before anything else
    targets, problems, shared, datasets = annotation_targets(args.paths)
    for folder in args.paths:
        if folder in datasets:  # indexed once, there; its unread files are in the folders it looked in
            _report_unread(args, datasets[folder])
    for path, reason in problems:
        _report_error(args, path, reason)
    if not targets:
        if not problems:
            error("no image to predict")
        return 1
    predictor, _, meta = load_predictor(args.model)
    # marks each pre-label as the model's, unreviewed (`core.voc_types.PRELABEL_PREFIX`)
    mark = prelabel_mark(args.model, meta)
    n_ok = n_written = n_kept = n_failed = 0
    left_out: list[tuple[str, str]] = []  # no pre-label: the annotation file is another image's
    images = list(targets)
    # Folders can hold thousands of images: progress on stderr (stdout stays one record per image).
    folders = any(p.is_dir() for p in args.paths)
    bar = ProgressBar("petloc: predict", len(images)) if folders and len(images) > args.batch_size else None
    done = 0
    try:
        for batch in chunks(images, args.batch_size):
            results = predictor.predict_paths(list(batch))
            done += len(batch)
            if bar is not None:
                bar.update(done)
            for image, result in zip(batch, results, strict=True):
                if isinstance(result, BaseException):
                    _report_error(args, image, reason_of(result))
                    continue
                if not result.has_class:
                    _report_error(args, image, NO_PREDICTION)
                    continue
                n_ok += 1
                _report_prediction(args, image, result)
                if args.write_voc and image in shared:
                    left_out.append((str(image), shared[image]))
                elif args.write_voc:
                    written = _write_voc(image, targets[image], result, mark)
                    n_written += written is True
                    n_kept += written is False
                    n_failed += written is None
    finally:  # also when Ctrl+C stops it: what is on disk now is said
        if bar is not None:
            bar.close()
        if args.write_voc:
            info(f"wrote {counted(n_written, 'pre-label annotation')}; left {counted(n_kept, 'existing annotation')} "
                 "untouched" + (f"; {n_failed} could not be written (above)" if n_failed else ""))
            if left_out:
                error(left_out_line("wrote no pre-label for", left_out))
    return 0 if n_ok and not n_failed else 1


def prediction_record(image: Path, prediction) -> dict[str, Any]:
    """The `--json` object of one prediction (floats rounded to 2 decimals)."""
    box = prediction.box
    return {
        "image": str(image),
        "label": str(prediction.label),
        # finite(): a broken model's NaN becomes null instead of invalid JSON.
        "confidence": finite(prediction.confidence, 2),
        "box": [finite(v, 2) for v in (box.xmin, box.ymin, box.xmax, box.ymax)],
    }


def _report_prediction(args: argparse.Namespace, image: Path, prediction) -> None:
    record = prediction_record(image, prediction)
    if args.json:
        json_line(record)
    else:
        box = ", ".join("nan" if v is None else f"{v:.0f}" for v in record["box"])
        confidence = "nan" if record["confidence"] is None else f"{record['confidence']:.2f}"
        print(show(f"{record['image']}  {record['label']}  {confidence}  [{box}]"), flush=True)


def _report_error(args: argparse.Namespace, path: Path | str, reason: str) -> None:
    error(f"{path}: {reason}")
    if args.json:
        json_line({"image": str(path), "error": reason})


def _report_unread(args: argparse.Namespace, dataset: Dataset) -> None:
    """One line per folder for its files named as images of a format petloc does not read
    (HEIC, AVIF, ...): not predicted, not silently skipped. With --json, one error record each."""
    from petloc_gui.core.unread_note import unread_lines

    for line in unread_lines(dataset):
        error(line)
    if args.json:
        for path, fmt in dataset.unread():
            json_line({"image": str(path), "error": fmt.reason})


def _write_voc(image: Path, annotation_path: Path | None, prediction, mark: str) -> bool | None:
    """True written, False an annotation already exists, None failed (reported)."""
    if annotation_path is None:
        error(f"{image}: no annotation location known for this file; no VOC written")
        return None
    if not all(math.isfinite(v) for v in prediction.box.as_tuple()):
        error(f"{image}: the model gave no usable box (NaN); no VOC written")
        return None
    try:
        return write_prelabel(image, annotation_path, prediction.label, prediction.box, mark)
    except (PetlocError, OSError) as exc:
        error(f"{annotation_path}: pre-label not written: {reason_of(exc)}")
        return None
