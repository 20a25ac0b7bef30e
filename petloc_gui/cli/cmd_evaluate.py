"""`petloc evaluate DATA --model MODEL`: accuracy and per-image IoU on annotated images."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from petloc_gui.cli.args import MODEL_HELP, add_label_argument, model_arg, path_arg, positive_int
from petloc_gui.cli.evaluate_clamped import repaired_notes, repaired_report, warn_repaired
from petloc_gui.cli.evaluate_confusion import LISTED, MAX_CLASSES, MAX_WIDTH
from petloc_gui.cli.evaluate_digits import digits_notes, learned_digit_count, learned_digits_record, unknown_report
from petloc_gui.cli.evaluate_labels import label_hint, spelling_hint
from petloc_gui.cli.evaluate_split import SPLIT_DESCRIPTION, say_test_images_among, select_items
from petloc_gui.cli.evaluate_trained_on import trained_on_count
from petloc_gui.cli.model_loading import chunks, class_names_of, load_predictor, model_for
from petloc_gui.cli.orphan_annotations_note import say_orphan_annotations
from petloc_gui.cli.output import (
    ProgressBar,
    error,
    finite,
    json_line,
    reason_of,
    result_line,
    show_lines,
    warn_size_mismatches,
)
from petloc_gui.cli.reference import CLI_REFERENCE
from petloc_gui.core.annotation_names import NO_ANNOTATION
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.text import counted, isolated

NAME = "evaluate"
HELP = "evaluate a model on every annotated image of a dataset folder"
EPILOG = f"""\
Every image with a ground-truth annotation is predicted. With several objects,
the predicted box is scored against the object of the predicted class it
overlaps most; a photo whose objects are all of another class scores IoU 0
(the ILSVRC "best-gt" rule, "matching" in --json). Images without an annotation, unreadable images and broken
XML are skipped, with one reason line each on stderr (those without an annotation counted in one line); so are
pre-labels
`petloc predict --write-voc` wrote that nobody has saved since (a model's
boxes are no ground truth) and images whose annotation file is another
image's (photo.png beside photo.jpg and the photo.xml of photo.jpg), each
kind counted in one line. A box a person accepted unchanged from a model (A in
the window; a pre-label saved with its box untouched) is marked so in its file:
the images holding one are counted in a warning naming the model (scored
against its own boxes, a model agrees with itself), and the figures on the
images whose boxes a person drew are given apart (the "person" line,
person_drawn in --json). Figures are per image: accuracy, mean IoU (a
miss counts as 0), share of images with IoU >= 0.5 and >= 0.75, per class,
the IoU figures with the class ignored (each box against the object it overlaps
most, whatever its class: the "ignoring the class" line, ignoring_class in
--json), and the confusion matrix (rows: truth, columns: predicted; past {MAX_CLASSES} classes or
{MAX_WIDTH} columns, its {LISTED} largest confusions, the whole matrix in --json). A ground-truth
label the model does not know has a class row and a confusion row of its own,
on the images whose truth it is (the object the prediction is matched to,
each wrong: the model cannot name it); an image holding one beside the object
it is scored against is in that object's row.

Use a folder the model never trained on (for the digits model:
`petloc digits DIR --split test`), or --split validation or --split test
on the training folder, to get honest figures.

With --json the last line of stdout is one JSON object; its keys are in the
command reference, {CLI_REFERENCE}.

examples:
  petloc digits runs/digits-test --split test
  petloc evaluate runs/digits-test --model digits
  petloc evaluate my_pets --model runs/models/pets-20261123 --json
  petloc evaluate my_pets --model runs/models/pets-20261123 --split validation
  petloc evaluate oxford-pets --model runs/models/pets-20261123 --split test
"""

# the skip reason of a pre-label `petloc predict --write-voc` wrote that no person has saved since
UNREVIEWED = "an unreviewed pre-label (a model drew it; nobody has saved it since)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA", type=path_arg, help="dataset folder with VOC annotations")
    parser.add_argument("--model", metavar="MODEL", type=model_arg,
                        help=MODEL_HELP + " (default: the model the window would choose for DATA)")
    parser.add_argument("--json", action="store_true", help="print one JSON object (last line of stdout)")
    parser.add_argument("--batch-size", type=positive_int, default=32, metavar="N",
                        help="images per batch (default 32); a batch holds at most 64 M decoded pixels "
                             "(5 photos of 12 MP), so memory stays bounded whatever the photo size")
    add_label_argument(
        parser,
        "ground-truth class: the VOC object name (default) or the breed from the dataset's list.txt "
        "(Oxford-IIIT Pet layout), for a model trained with --label breed",
    )
    parser.add_argument(
        "--split",
        choices=("all", "validation", "test"),
        default="all",
        help="all annotated images (default), or only the validation images that chose neither its epoch nor its "
             "second stage's epoch and variant (meta.json validation_parts.report, less the photos a refiner chose "
             "on): where its second stage chose on every one of them (the bundled pets model: 20 of its 41), those "
             "all the same, as stderr says; where the model records no such part (one validation image, or a model "
             "older than the parts: the bundled digits), all its validation images, said to have chosen its epoch; "
             "test: only its test images (meta.json splits.test: those `petloc train --exclude-list` held out)",
    )


def run(args: argparse.Namespace) -> int:
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.index_problems import index_lines, isolated_line, refuse_unlisted_root
    from petloc_gui.core.metrics import figures_of, match_each
    from petloc_gui.core.shared_annotations import borrowed_annotations
    from petloc_gui.core.unread_note import unread_lines
    from petloc_gui.model.bundle import read_meta  # no TensorFlow

    dataset = open_dataset(args.data)
    # as stats: one line, not then a model chosen for "no boxes yet" and "no annotated image to evaluate"
    # (or, --split validation, "none of the model's validation images is in DATA", the reason unsaid)
    refuse_unlisted_root(dataset)
    args.model = model_for(args.model, [args.data])
    meta = read_meta(args.model)  # a wrong model fails before TensorFlow loads
    items, split = select_items(dataset, meta, args.split)
    size_notes: list[tuple[Path, str]] = []
    # over the whole folder: a validation split may hold photo.png and not the photo.jpg owning photo.xml
    borrowed = borrowed_annotations(dataset.items)
    repaired: list[tuple[Path, str]] = []  # boxes scored clamped or as petloc guessed (`cli.evaluate_clamped`)
    accepted: dict[Path, frozenset[str]] = {}  # images holding boxes accepted unchanged from a model (ADR 0013)
    cases, skipped = collect_ground_truth(items, args.label, size_notes, borrowed, repaired, accepted)
    _report_skipped(skipped)
    # a folder the index could not list or follow, and HEIC, AVIF... files, are not in the index:
    # their boxed images would be left out of the figures unsaid
    for line in index_lines(dataset) + unread_lines(dataset):  # a path set apart: a Hebrew one moved the words
        error(isolated_line(line), names_isolated=True)
    say_orphan_annotations(dataset, "scored")  # an XML whose image went: in no figure, as stats says
    warn_size_mismatches(size_notes)
    warn_repaired(repaired)
    # a model trained on breeds evaluated on the VOC names ("cat") would find every label unknown
    hint = label_hint(args.label, cases, meta, class_names_of(None, meta),
                      lambda other: collect_ground_truth(items, other, None, borrowed)[0])
    if not cases:
        error(f"no annotated image to evaluate in {isolated(args.data)}" + (f"; {hint}" if hint else ""),
              names_isolated=True)
        return 1
    predictor, model_path, meta = load_predictor(args.model)
    class_names = class_names_of(predictor, meta)
    evaluated, failed = predict_cases(predictor, cases, args.batch_size)
    for image, reason in failed:
        error(f"skipped {isolated(image)}: {reason}", names_isolated=True)  # reason_of's: escaped
    if args.split == "all":  # the model's test images among them: how many were scored, once that is known
        say_test_images_among(dataset, meta, [image for image, _, _ in evaluated], skipped + failed)
    if not evaluated:
        error(f"no annotated image could be evaluated in {isolated(args.data)}", names_isolated=True)
        return 1
    no_prediction = [image for image, _, p in evaluated if not p.has_class]
    if no_prediction:
        error(f"{counted(len(no_prediction), 'image')} got no prediction (the model's output is not a number), "
              f"counted wrong with IoU 0, e.g. {isolated(no_prediction[0])}", names_isolated=True)

    from petloc_gui.model.training_record import lineage_of

    # the chain of parents read once for both counts (each parent's meta.json: the bundled digits one is ~1 MB)
    # from the bundle's folder: a parent written beside it (`petloc train --out`) is found there
    lineage = lineage_of(meta, located=model_path)
    # also under --split validation: a model of its fine-tune chain, deleted when it trained, may have
    # learned its validation images
    matched: list[Path] = []
    hashes: dict[Path, str | None] = {}  # each image's sha256, taken once for both counts
    trained_on, trained_record = trained_on_count([image for image, _, _ in evaluated], meta, dataset.root,
                                                  args.split, lineage, matched, hashes)
    # canvases of `petloc digits --split train`: new bytes, so not counted above, but digits the model
    # learned; its own training canvases (``matched``) are counted above only
    learned_digits = learned_digit_count([image for image, _, _ in evaluated], lineage, matched, hashes)
    # each image matched once (best-gt), every figure below counted from its match; a NaN box (no prediction)
    # scores IoU 0 (core.boxes.iou)
    labels = [p.label for _, _, p in evaluated]
    matches = match_each([objects for _, objects, _ in evaluated], labels, [p.box for _, _, p in evaluated])
    metrics = figures_of(matches, labels, class_names)
    from petloc_gui.cli.evaluate_unknown import unknown_labels, unknown_labels_report, unknown_line

    # each counted as a class's row is: the images whose matched truth it is (best-gt)
    unknown = unknown_labels(evaluated, class_names, matches)
    if unknown:
        hints = [found for found in (spelling_hint(unknown.held, class_names), hint) if found]
        error(unknown_line(unknown, hints), names_isolated=True)
    report = build_report(metrics, class_names, unknown.counts, len(skipped) + len(failed), args.model, model_path,
                          args.data, split)
    report.update(unknown_labels_report(unknown))  # each label's row, and how many images hold it
    from petloc_gui.cli.evaluate_class_blind import KEY as CLASS_BLIND
    from petloc_gui.cli.evaluate_class_blind import class_blind_report

    report[CLASS_BLIND] = class_blind_report(evaluated)  # README's "(0.946 ignoring the class)"
    from petloc_gui.cli.evaluate_confusion import KEY as CONFUSION_UNKNOWN
    from petloc_gui.cli.evaluate_confusion import unknown_rows

    # the images whose truth the model does not know: what it took them for (the matrix has no row for them)
    report[CONFUSION_UNKNOWN] = unknown_rows(evaluated, class_names, unknown.held, matches)
    from petloc_gui.cli.evaluate_accepted import accepted_report  # (imports numpy: not at `petloc --help`)
    from petloc_gui.cli.prelabel import model_name

    # a model scored against boxes it proposed agrees with itself: counted, said, and the figures without them.
    # Called too as `petloc predict` marks its pre-labels (its bundle folder resolved): `--model .` in a bundle
    # folder with no version id is "." and a path whose name is "", and its own accepted boxes were another's
    accepted_keys, accepted_warning = accepted_report(evaluated, accepted, class_names, meta, args.model, model_path,
                                                      model_name(args.model), located=model_path, matches=matches)
    if accepted_warning:
        error(accepted_warning, names_isolated=True)  # its models set apart (`accepted_sentences`)
    report.update(accepted_keys)
    # evaluated images the model (or a model it was fine-tuned from) trained on; None: cannot be told
    report["n_trained_on"] = trained_on
    from petloc_gui.cli.evaluate_class_rows import KEY as TRAINED_PER_CLASS
    from petloc_gui.cli.evaluate_class_rows import trained_per_class

    # each class row's own count (under --split all a 1-image class read as held out); None: not known
    report[TRAINED_PER_CLASS] = None if trained_on is None else trained_per_class(evaluated, class_names,
                                                                                  unknown.held, matched, matches)
    report["trained_on_record"] = learned_digits_record(trained_record, learned_digits)
    report["n_learned_digits"] = learned_digits.n_canvases  # a lower bound when n_digits_unknown is not 0
    report.update(unknown_report(learned_digits))
    report.update(repaired_report(repaired))
    if args.json:
        json_line(report)
    else:
        result_line(show_lines(format_report(report)))
    return 0


def _report_skipped(skipped: list[tuple[str, str]]) -> None:
    """One line per skipped image; unreviewed pre-labels (often most of a folder) in one line, and
    images whose annotation file is another image's in one line."""
    from petloc_gui.core.shared_annotations import SHARES, left_out_line

    prelabels = [image for image, reason in skipped if reason == UNREVIEWED]
    shared = [(image, reason) for image, reason in skipped if reason.startswith(SHARES)]
    # a half-annotated folder (the window's loop) gave a line per image still to annotate, burying the warnings
    unannotated = [image for image, reason in skipped if reason == NO_ANNOTATION]
    for image, reason in skipped:
        if reason not in (UNREVIEWED, NO_ANNOTATION) and not reason.startswith(SHARES):  # names set apart
            error(f"skipped {isolated(image)}: {reason}", names_isolated=True)
    if unannotated:
        error(f"skipped {counted(len(unannotated), 'image')} with no annotation, e.g. {isolated(unannotated[0])}",
              names_isolated=True)
    if prelabels:
        error(f"skipped {counted(len(prelabels), 'image')} whose annotation is {UNREVIEWED}, e.g. "
              f"{isolated(prelabels[0])}; saving it in petloc-gui or labelImg, or marking it verified, makes it "
              "ground truth", names_isolated=True)
    if shared:
        error(left_out_line("skipped", shared, set_apart=True), names_isolated=True)


def predict_cases(predictor, cases, batch_size: int):
    """([(image, gt objects, Prediction)], [(image, reason)]) in batches."""
    evaluated, failed = [], []
    # A bar only when there is something to wait for (more than one batch).
    bar = ProgressBar("petloc: evaluate", len(cases)) if len(cases) > batch_size else None
    done = 0
    for batch in chunks(cases, batch_size):
        results = predictor.predict_paths([image for image, _ in batch])
        for (image, objects), result in zip(batch, results, strict=True):
            if isinstance(result, BaseException):
                failed.append((str(image), reason_of(result)))
            else:
                evaluated.append((image, objects, result))
        done += len(batch)
        if bar is not None:
            bar.update(done)
    if bar is not None:
        bar.close()
    return evaluated, failed


def collect_ground_truth(items, label: str = "default", size_notes: list[tuple[Path, str]] | None = None,
                         borrowed: dict[Path, str] | None = None, repaired: list[tuple[Path, str]] | None = None,
                         accepted: dict[Path, frozenset[str]] | None = None,
                         ) -> tuple[list[tuple[Path, list[tuple[str, Any]]]], list[tuple[str, str]]]:
    """([(image, [(label, box) of every object])], [(file, reason skipped, its names `isolated`)]) of dataset items.

    ``label="breed"``: every object of a photo takes the photo's breed from the dataset's metadata.
    With ``size_notes``, each image's header is read too, and each case whose annotation gives
    another image size is appended as (annotation path, note) (`core.stats.size_mismatch`).
    ``borrowed``: the images whose annotation file is another image's, with its owner
    (`core.shared_annotations.borrowed_annotations`; of ``items`` when not given): skipped.
    ``repaired``: (annotation path, read_voc's note) appended for each box scored that read_voc clamped
    to its image or repaired by a guess (`cli.evaluate_clamped.repaired_notes`). ``accepted``: for each case
    with a box scored that a person accepted unchanged from a model, the models
    (`core.accepted_boxes.accepted_models`; ADR 0013).
    """
    from petloc_gui.core.accepted_boxes import accepted_models
    from petloc_gui.core.scored_objects import usable_objects
    from petloc_gui.core.shared_annotations import borrowed_annotations, shared_reason
    from petloc_gui.core.stats import size_mismatch
    from petloc_gui.core.voc import read_voc

    items = list(items)
    if borrowed is None:
        borrowed = borrowed_annotations(items)
    cases: list[tuple[Path, list[tuple[str, Any]]]] = []
    skipped: list[tuple[str, str]] = []
    for item in items:
        if not item.has_annotation:
            skipped.append((str(item.image_path), NO_ANNOTATION))
            continue
        owner = borrowed.get(Path(item.image_path))
        if owner is not None:  # photo.png beside photo.jpg and photo.xml: those boxes are photo.jpg's
            skipped.append((str(item.image_path), shared_reason(item.annotation_path, owner, image=item.image_path)))
            continue
        try:
            annotation = read_voc(item.annotation_path,
                                  image_path=item.image_path if size_notes is not None else None)
        except (PetlocError, OSError, ValueError) as exc:
            skipped.append((str(item.image_path), f"annotation {isolated(item.annotation_path)}: {reason_of(exc)}"))
            continue
        if not annotation.objects:
            skipped.append((str(item.image_path), f"annotation {isolated(item.annotation_path)} has no object"))
            continue
        if annotation.unreviewed:  # a model's boxes are not ground truth
            skipped.append((str(item.image_path), UNREVIEWED))
            continue
        breed = (getattr(item, "meta", None) or {}).get("breed") if label == "breed" else None
        if label == "breed" and not breed:
            skipped.append((str(item.image_path), "no breed in the dataset's list"))
            continue
        # An object without a label, or a box of zero area, is no ground truth: the rule a run scores by
        # (`core.scored_objects.usable_objects`); with a breed, every box is given it
        kept = [(i, o) for i, o in enumerate(annotation.objects, 1) if usable_objects([o], any_label=bool(breed))]
        usable = [(str(breed or o.name), o.box) for _, o in kept]
        note = size_mismatch(annotation)
        if not usable:
            # boxes are clamped to the image's real size: a box drawn on a larger image can lie outside it
            skipped.append((str(item.image_path), f"annotation {isolated(item.annotation_path)}: no object with a "
                            "label and a box of non-zero area" + (f" in the image ({note})" if note else "")))
            continue
        cases.append((Path(item.image_path), usable))
        if accepted is not None and (models := accepted_models(o for _, o in kept)):
            accepted[Path(item.image_path)] = models
        if repaired is not None:
            scored = [i for i, _ in kept]
            repaired += [(Path(item.annotation_path), note) for note in repaired_notes(annotation.problems, scored)]
        if size_notes is not None and note:
            size_notes.append((Path(item.annotation_path), note))
    return cases, skipped


def build_report(
    metrics, class_names, unknown, n_skipped, model_spec, model_path, data, split=SPLIT_DESCRIPTION
) -> dict[str, Any]:
    """The `--json` object: metrics plus provenance, NaN-free."""
    per_class = {
        name: {
            "count": int(v["count"]),
            "accuracy": finite(v.get("accuracy")),
            "mean_iou": finite(v.get("mean_iou")),
        }
        for name, v in metrics["per_class"].items()
    }
    return {
        "model": str(model_spec),
        "model_path": str(model_path),
        "data": str(data),
        "split": split,
        "matching": metrics.get("matching", "best-gt"),
        "n_images": int(metrics["n_images"]),
        "n_skipped": int(n_skipped),
        "accuracy": finite(metrics["accuracy"]),
        "mean_iou": finite(metrics["mean_iou"]),
        "median_iou": finite(metrics.get("median_iou")),
        "iou_ge_50": finite(metrics["iou_ge_50"]),
        "iou_ge_75": finite(metrics["iou_ge_75"]),
        "per_class": per_class,
        "confusion": {"labels": list(class_names), "matrix": [list(map(int, row)) for row in metrics["confusion"]]},
        "unknown_labels": dict(sorted(unknown.items())),
    }


def format_report(report: dict[str, Any]) -> list[str]:
    """The human-readable table."""

    def num(value) -> str:
        return "-" if value is None else f"{value:.3f}"

    from petloc_gui.cli.evaluate_accepted import accepted_lines
    from petloc_gui.cli.evaluate_class_blind import class_blind_line
    from petloc_gui.cli.evaluate_class_rows import class_table
    from petloc_gui.cli.evaluate_confusion import confusion_lines

    lines = [
        f"model      {report['model']} ({report['model_path']})",
        f"data       {report['data']} ({report['split']}; matching {report['matching']})",
        # what is said of the evaluated images comes before the skipped ones ("60 evaluated, 40 skipped, 45 of
        # them trained on" read as 45 of the 40 skipped)
        f"images     {report['n_images']} evaluated"
        + (f", {report['n_trained_on']} of these trained on" if report.get("n_trained_on") else "")
        + (", training images unknown" if report.get("n_trained_on", 0) is None else "")
        + digits_notes(report) + f"; {report['n_skipped']} skipped",
        f"accuracy   {num(report['accuracy'])}",
        f"mean IoU   {num(report['mean_iou'])}   median {num(report['median_iou'])}",
        f"IoU>=0.5   {num(report['iou_ge_50'])}   IoU>=0.75 {num(report['iou_ge_75'])}",
        *class_blind_line(report, num),
        *accepted_lines(report),
    ]
    lines += ["", *class_table(report, num)]
    lines += confusion_lines(report)  # the labels the model does not know too, each its own row
    return [line.rstrip() for line in lines]
