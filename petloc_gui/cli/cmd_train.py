"""`petloc train DATA`: train a model bundle with a progress bar; Ctrl+C cancels cleanly."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.cli import train_distribution, train_tflite
from petloc_gui.cli.args import (
    add_label_argument,
    fraction,
    model_arg,
    path_arg,
    positive_int,
    seed,
)
from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.cli.orphan_annotations_note import say_orphan_annotations
from petloc_gui.cli.output import (
    CommandError,
    UsageError,
    error,
    info,
    json_line,
    load_tensorflow,
    result_line,
    show,
    write_probe_error,
)
from petloc_gui.cli.stop_signals import exit_status
from petloc_gui.cli.taken_back import missing_folders, remove_empty
from petloc_gui.cli.train_checks import (
    check_classes,
    folded_skipped,
    read_folder,
    warn_layout_test_split,
    warn_size_mismatches_of,
    warn_thin_classes,
)
from petloc_gui.cli.train_report import TrainReporter, report_skipped
from petloc_gui.cli.train_stop import TrainStop, by_signal
from petloc_gui.core.regular_file import not_regular_kind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from petloc_gui.core.dataset import Dataset
    from petloc_gui.model.data import Sample

NAME = "train"
HELP = "train a localisation + classification model on a dataset folder"
EPILOG = """\
Progress goes to stderr: a bar per epoch (ETA, loss) on a terminal, plain
lines otherwise, and one summary line per epoch (loss, validation accuracy,
validation mean IoU). The validation images are held out of training and
listed in the bundle's meta.json; training stops early when the validation
figures stop improving. The bundle goes to a new sub-folder of --out (never
replacing anything); the last line of stdout is its path (escaped, as
every name on stdout: with --json, {"bundle": PATH}, raw). Without --out it
goes to the model store (`petloc models --store` prints the folder), where
it is a model version: the window's Model > Versions and `petloc models`
list it, and --model/--init-from take it as <preset>/<id>.

Labels that differ only in case, spacing, Unicode form or invisible characters (Bengal and bengal,
a composed and a decomposed é) would train as separate classes: the run is
refused, naming them; give each class one name (the window's Edit >
Classes... renames a class on every box).

Ctrl+C stops after the current batch without writing a bundle (exit 130);
press it twice to abort at once. SIGTERM (CI cancelling a job, docker stop,
timeout) does the same, said "(SIGTERM)", exit 143; so does SIGHUP (the
terminal closed; not under nohup), exit 129. After the last batch a
stop still cancels, until the bundle starts being written: from then on it is
too late (said so; exit 0), and once the bundle is written a stop is ignored
while the process exits.

Once the bundle is written, its model.tflite is converted, checked against the
trained model and recorded in meta.json (2-5 s for digits, 10-16 s for a pets
fine-tune), so the window runs the model without loading TensorFlow: one line
says so. A conversion that fails leaves the bundle without it, said in one
warning line (the run does not fail: the window then loads it through
TensorFlow). A stop is ignored meanwhile; --no-tflite skips it.

--distribute multiworker: run the same command on every worker, each with its
own TF_CONFIG, checked before TensorFlow loads: a mistake in it (not set, not
JSON, a wrong task or address) is said in one line, exit 2 as a bad command
line; this worker's port held by another program, exit 1. Only the chief (the
"chief" task, else worker 0) writes the bundle and prints its path. Ctrl+C on any worker stops every worker (all exit
130), or is too late for all of them. A worker that exits (Ctrl+C twice, an
error) stops the others at their next step together (exit 1). There is no early stop: each
worker validates on its own.

examples:
  petloc digits runs/digits-train --split train
  petloc train runs/digits-train --preset digits --epochs 10
  petloc train runs/digits-train --preset digits --out runs/models --epochs 10
  petloc train my_photos --preset photo
  petloc train my_pets --preset pets --init-from pets --epochs 5
  petloc train my_pets --preset pets --init-from pets/<id> --renamed bulldog=american_bulldog
  petloc train oxford-pets --preset pets --label breed \\
      --exclude-list oxford-pets/annotations/test.txt --out runs/models
"""

EXIT_CANCELLED = 130  # cancelled because another worker of the run was stopped


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA", type=path_arg, help="dataset folder with VOC annotations")
    parser.add_argument("--preset", required=True, choices=("pets", "digits", "photo"),
                        help="network and recipe, each one stage (photo: any photos: the pets preset's values, "
                             "MobileNet from the ImageNet weights and zoom-out 0.5 included, with the edge box head; "
                             "pets: the same with the centre head; the shipped pets model is this preset's network "
                             "plus self-training and a crop-and-refine second stage, built by "
                             "benchmarks/train_bundled_models.py in petloc's source; digits: the small CNN for "
                             "75x75 digit canvases, from scratch)")
    parser.add_argument(
        "--out", type=path_arg, metavar="DIR",
        help="folder for bundles: each run writes a new sub-folder <preset>-<UTC time>-<id> "
             "(default: the model store's <preset> folder, a version the GUI and `petloc models` list)",
    )
    parser.add_argument("--epochs", type=positive_int, metavar="N", help="maximum epochs (default: the preset's)")
    parser.add_argument("--init-from", metavar="MODEL", type=model_arg,
                        help="start from this model's weights (fine-tune)")
    parser.add_argument("--renamed", action="append", default=[], metavar="NEW=OLD",
                        help="with --init-from: the model's class OLD is named NEW in this folder now (renamed "
                             "since): NEW takes OLD's place and starts from its weights (repeatable)")
    parser.add_argument("--backbone-weights", type=path_arg, metavar="PATH",
                        help="ImageNet weights file (.h5) for the pets and photo backbone (default: the "
                             "MobileNet weights petloc ships; with none found, a warning at the start, and the "
                             "backbone starts from random weights)")
    parser.add_argument("--val-fraction", type=fraction, metavar="F",
                        help="share of annotated images held out for validation (default 0.2)")
    parser.add_argument("--seed", type=seed, default=0, metavar="S",
                        help="random seed: split, shuffling, augmentation, first weights (default 0); runs repeat "
                             "exactly only with --deterministic")
    parser.add_argument(
        "--deterministic", action="store_true",
        help="the same data, seed and settings give the same weights (TensorFlow's op determinism; recorded in "
             "meta.json); without it the seed does not fix the order the batches arrive in, so two runs of one "
             "seed end with other weights and figures",
    )
    add_label_argument(parser, "class names: the VOC object name (default) or the Oxford-IIIT Pet breed")
    parser.add_argument("--batch-size", type=positive_int, metavar="N", help="images per batch (default: the preset's)")
    parser.add_argument(
        "--exclude-list", type=path_arg, metavar="FILE",
        help="images never to use (e.g. a test split), one per line: name, stem or path",
    )
    parser.add_argument(
        "--skip-prelabels", action="store_true",
        help="leave out unreviewed pre-labels (petloc predict --write-voc files nobody has saved since): "
             "train on boxes a person saved only (default: train on them too, never validate on them, and leave "
             "out those of a model that did not know a class on the boxes the run trains on)",
    )
    parser.add_argument("--json", action="store_true",
                        help='end with the bundle folder as a JSON line, {"bundle": PATH}, the path as it is (for '
                             "scripts: the plain line escapes a control or invisible character in it)")
    parser.add_argument(
        "--cache-images", action="store_true",
        help="keep decoded, downscaled images in the user cache folder (faster later epochs and retrains)",
    )
    train_tflite.add_arguments(parser)
    train_distribution.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    train_distribution.check_options(args)
    in_store = args.out is None
    if in_store:  # the store's preset folder: the bundle is a version the window and `petloc models` list
        from petloc_gui.cli.cmd_models import store_folder

        args.out = store_folder() / args.preset
    made = missing_folders(args.out)  # made by this run (checking --out can be written): taken back if it fails
    from petloc_gui.model.parent_chain import bundles_given  # no TensorFlow
    from petloc_gui.model.parent_mark import parent_marked

    try:  # the version it fine-tunes from is kept by a delete meanwhile (its refiner is copied at the end)
        with bundles_given(), parent_marked(args.init_from):  # --init-from's place serves this run's walks only
            status = _train(args, in_store, made)
    except BaseException:
        remove_empty(made)  # a failed or cancelled run left the --out folder it made, empty, behind
        raise
    if status:  # cancelled
        remove_empty(made)
    return status


def _train(args: argparse.Namespace, in_store: bool, made: list[Path]) -> int:
    _check_inputs(args, in_store)
    from petloc_gui.model.initial_weights import random_backbone_warning  # no TensorFlow

    random_start = random_backbone_warning(args.preset, args.backbone_weights, args.init_from)
    if random_start:  # at the start: --help promises ImageNet, and only meta.json said otherwise
        error(random_start)
    from petloc_gui.model.bundle_write import remove_aborted_writes  # no TensorFlow

    remove_aborted_writes(args.out)  # an aborted run's partial bundle: now, not only once this run writes one
    exclude = resolve_exclude_list(args.data, args.exclude_list) if args.exclude_list else []
    folder, size_notes = read_folder(args.data, args.label, exclude, args.parent_meta, args.init_from)
    if folder.lineage_incomplete:  # said before the run, as `petloc evaluate` says it; again by its figures
        from petloc_gui.model.collected_folder import incomplete_lineage_warning

        error(f"warning: {incomplete_lineage_warning(folder.lineage_incomplete)}")
    trained = check_classes(folder, args.parent_meta, args.renamed, args.skip_prelabels, args.label)
    from petloc_gui.core.dataset import open_dataset

    dataset = open_dataset(args.data)  # one index for the two checks below (~0.1 s at 10,000 images)
    warn_layout_test_split(dataset, trained, args.exclude_list)  # what `petloc stats` shows as the folder's test split
    warn_size_mismatches_of(size_notes, trained)
    _warn_guessed_boxes(trained)
    unread = _unread_without_annotation(dataset)
    say_orphan_annotations(dataset, "trained on")  # an XML whose image went: in no count of images
    load_tensorflow()
    train_distribution.before_training(args)
    from petloc_gui.model import training
    from petloc_gui.model.training_data import TooFewImagesError
    from petloc_gui.model.version_id import new_version_id

    # A new folder per run: --out is where bundles go, and nothing is ever replaced. The folder is
    # named by the model's version id, so a child's meta.json "parent" names the folder `models` lists.
    version_id = new_version_id(args.preset)
    bundle_dir = args.out / version_id
    optional = {"val_fraction": args.val_fraction} if args.val_fraction is not None else {}
    config = training.TrainConfig(
        preset=args.preset,
        epochs=args.epochs,
        batch_size=args.batch_size,
        seed=args.seed,
        deterministic=args.deterministic,
        init_from=args.init_from,
        renamed=args.renamed,
        backbone_weights=str(args.backbone_weights) if args.backbone_weights else None,
        label=args.label,
        exclude=exclude,
        skip_prelabels=args.skip_prelabels,
        out_dir=str(bundle_dir),
        distribute=None if args.distribute == "none" else args.distribute,
        cache_images=args.cache_images,
        version_id=version_id,
        known_hashes=folder.known_hashes,  # the checks hashed the images: the run does not, while unchanged
        lineage_told=folder.lineage_incomplete,  # said before the run: the run does not say it again
        worker_timeout=args.worker_timeout if args.distribute == "multiworker" else None,  # the check's wait too
        **optional,
    )
    reporter = TrainReporter(lineage_incomplete=folder.lineage_incomplete)
    stop = TrainStop(made)  # a second stop (os._exit) takes back the --out folder the run made, when empty

    def on_event(event: dict[str, Any]) -> None:
        if event.get("event") == "saving":  # from here on a stop request is not read
            stop.too_late(bool(event.get("writes_bundle")))
        if event.get("event") == "start":  # named with the images training leaves out
            warn_thin_classes(trained, event.get("skipped") or [])
            event = {**event, "skipped": [*folded_skipped(event.get("skipped") or []), *unread]}
        reporter(event)

    with stop:
        try:
            # Training reads the folder again: the checks' read took each <size> from the image's header and
            # clamped the boxes to it, while a run uses the boxes as written (the window's runs too; the
            # size-mismatch warning says so), so handing it over changed what petloc train trained on. Only
            # the checks' hashes go over (config.known_hashes), for the images unchanged since.
            bundle = training.train(args.data, config, on_event=on_event, should_stop=stop.is_set)
        except TooFewImagesError as exc:  # before the "start" event, which lists the skipped files
            report_skipped([*folded_skipped(exc.skipped), *unread])  # which files, and why, above the error
            raise
        except training.TrainingCancelled:
            reporter.close()
            # multi-worker: every worker stops when one is asked to (model.distributed.agreed_stop)
            error(f"training cancelled{by_signal(stop.signum)}; no bundle written" if stop.is_set() else
                  "training cancelled: another worker was stopped (Ctrl+C or SIGTERM there); no bundle written")
            return exit_status(stop.signum) if stop.signum is not None else EXIT_CANCELLED
        finally:
            reporter.close()
        stop.finished()
    if reporter.bundle:  # a non-chief worker of a multi-worker run writes none
        if not args.no_tflite:  # what the window runs without TensorFlow; a stop is ignored from here on
            train_tflite.write_checked_tflite(bundle)
        if in_store:
            info(f"a model version in the model store: `petloc models` and the window's Versions list it "
                 f"as {args.preset}/{version_id} (what --model and --init-from take)")
        # a stdout that cannot take it is named (StdoutWriteError); the plain line is for a person (escaped)
        if args.json:
            json_line({"bundle": str(bundle)})
        else:
            result_line(show(bundle))
    return 0


def _check_inputs(args: argparse.Namespace, in_store: bool = False) -> None:
    """Fail fast, with one line, before TensorFlow takes seconds to load."""
    if args.data.exists() and not args.data.is_dir():
        raise NotADirectoryError(20, "not a folder: give the dataset folder", str(args.data))
    if not args.data.is_dir():
        raise FileNotFoundError(2, "dataset folder not found", str(args.data))
    out_named = _STORE_FOLDER if in_store else "--out"
    if args.out.exists() and not args.out.is_dir():
        raise NotADirectoryError(20, f"{out_named} exists and is not a folder{_GIVE_OUT if in_store else ''}",
                                 str(args.out))
    for option, path in (("--backbone-weights", args.backbone_weights), ("--exclude-list", args.exclude_list)):
        if path is None:
            continue
        kind = not_regular_kind(path)  # a named pipe there is no "file not found" (and is never opened here)
        if kind is not None:
            raise CommandError(f"{path}: {option} file is not a regular file ({kind})")
        if not path.is_file():
            raise FileNotFoundError(2, f"{option} file not found", str(path))
    train_distribution.read_cluster(args)
    from petloc_gui.model.class_renames import parse_renamed, rename_problem  # no TensorFlow

    try:
        args.renamed = parse_renamed(args.renamed)
    except ValueError as exc:
        raise UsageError(f"--renamed: {exc}") from None
    if args.renamed and args.init_from is None:
        raise UsageError("--renamed needs --init-from: a class is renamed since the model a fine-tune starts from")
    args.parent_meta = None  # the meta.json of --init-from's model
    if args.init_from is not None:
        from petloc_gui.model.bundle import read_meta, resolve_model  # no TensorFlow

        # the folder resolved (absolute: a folder given as ./digits is that folder, its str() not "digits")
        args.init_from = str(resolve_model(args.init_from))
        meta = args.parent_meta = read_meta(args.init_from)  # a broken meta.json fails now, not after TensorFlow
        from petloc_gui.model.parent_chain import remember

        # every walk of this run's chain (the checks', training's, its accepted boxes') knows the parent by its
        # version id alone: a bundle written with --out is found here, and its own parents beside it
        remember(meta.get("version_id"), Path(args.init_from))
        problem = rename_problem(args.renamed, list(meta.get("class_names") or []), {})  # the boxes: in training
        if problem:
            raise UsageError(f"--renamed: {problem}")
    _check_writable(args.out, out_named, _GIVE_OUT if in_store else "")  # last: a refused command leaves no folder


_STORE_FOLDER = "the model store's folder for this preset"
_GIVE_OUT = "; give --out DIR to write the bundle elsewhere"


def _unread_without_annotation(dataset: Dataset) -> list[tuple[str, str]]:
    """(file, why) for each file of a format petloc does not read (HEIC, AVIF...) that has no annotation:
    training names those with one as skipped (model.data) and these nowhere, though the user may
    have meant them to be annotated and trained on. Said as skipped images too, after them."""
    from petloc_gui.core.unread_note import annotated

    unread = dataset.unread()
    with_annotation = {path for path, _ in annotated(dataset, unread)}
    return [(str(path), f"no annotation, and {fmt.reason}") for path, fmt in unread if path not in with_annotation]


def _check_writable(out: Path, named: str = "--out", fix: str = "") -> None:
    """Create ``out`` and a file in it now: an unwritable --out used to surface only after the
    last epoch, and the trained model was lost."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        exc = write_probe_error(out, prefix=".petloc-write-check-")
    except OSError as made:
        exc = made
    if exc is not None:
        raise type(exc)(exc.errno, f"{named} cannot be written to ({exc.strerror or exc}){fix}", str(out)) from exc


def _warn_guessed_boxes(trained: Sequence[Sample]) -> None:
    """Say the boxes ``trained`` learns (each sample's one, `Sample.guessed_boxes`) that read_voc repaired by a
    guess (swapped, read as fractions), as `petloc evaluate` says those it scores: the run learns petloc's guess at
    what the file meant."""
    from petloc_gui.core.guessed_boxes import guessed_box_lines

    notes = [(sample.annotation_path, note) for sample in trained for note in sample.guessed_boxes]
    for line in guessed_box_lines(notes, "learned"):
        error(line, names_isolated=True)
