"""Child-process entry point for training: ``python -m petloc_gui.model.train_worker``.

The GUI runs this in a ``QProcess`` so training never blocks the window.
Protocol (see docs/adr/0006-retraining-in-a-child-process.md):

- stdout carries only JSON objects, one per line: the training events of
  ``model.training.train`` (start, batch, epoch, done) plus ``comparison``
  (old vs new model on the same validation images), ``error`` (``message``;
  ``while``: "while saving the new model" when training had finished;
  ``skipped``: with too few usable images, the files left out, ``[path,
  reason]`` each, as the start event lists them) and ``cancelled``.
  Anything else that would print to stdout (Keras progress bars, C++
  logs) is redirected to stderr, which is free-form log text.
- stdin: the line ``cancel`` asks for a clean stop; the end of stdin (the
  parent closed it or died) stops too. The parent's death also kills the
  worker (Linux parent-death signal, plus a watchdog on the parent's pid).
  A stop always ends the process within seconds: see ``worker_lifecycle``.
- Arguments: a path whose name is not UTF-8 arrives as ``petloc-fs-bytes:``
  and the hex of its bytes (``core.fs_bytes``: a QString drops them).
- The bundle is written into ``--out`` (a staging folder of the version
  store) with a ``train_record.json``, and its own ``model.tflite`` checked and
  recorded in its meta.json (`version_tflite`: the window runs it without
  TensorFlow); the parent registers it as a version only after exit code 0.

Exit codes: 0 trained, 1 error (an ``error`` event says why), 2 bad
arguments, 4 cancelled (``cancel``, end of stdin, or the parent gone; a
cancelled run keeps nothing).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from petloc_gui.core.errors import DatasetError, PetlocError
from petloc_gui.core.fs_bytes import received_args
from petloc_gui.model.json_values import json_ready, without_nan
from petloc_gui.model.parent_mark import parent_marked
from petloc_gui.model.versions import RECORD_FILE
from petloc_gui.model.worker_lifecycle import EXIT_CANCELLED as EXIT_CANCELLED  # the documented code
from petloc_gui.model.worker_lifecycle import Lifecycle

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class Cancelled(Exception):  # noqa: N818 - a stop request, not an error
    """Raised inside the worker when the parent asked to stop."""


class EventWriter:
    """Writes one JSON object per line to the protocol stream and flushes it."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self.count = 0

    def __call__(self, event: dict[str, Any]) -> None:
        line = json.dumps(without_nan(event), default=json_ready, allow_nan=False)
        with self._lock:
            self._stream.write(line + "\n")
            self._stream.flush()
            self.count += 1


def protocol_stdout() -> TextIO:
    """Keep the real stdout for the protocol; send every other write to stderr."""
    sys.stdout.flush()
    protocol_fd = os.dup(1)
    os.dup2(2, 1)  # C-level and Python prints now land in the log, not the protocol
    sys.stdout = os.fdopen(os.dup(2), "w", buffering=1, encoding="utf-8", errors="replace")
    return os.fdopen(protocol_fd, "w", buffering=1, encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    # allow_abbrev=False, as petloc's own parsers: a caller's typo never reaches another option
    parser = argparse.ArgumentParser(prog="python -m petloc_gui.model.train_worker",
                                     description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--data", required=True, type=Path, help="dataset folder (saved annotations only)")
    from petloc_gui.model.presets import PRESETS  # no TensorFlow

    parser.add_argument("--preset", required=True, help=f"model preset: {', '.join(PRESETS)} (model.presets)")
    parser.add_argument("--out", required=True, type=Path, help="empty staging folder to write the bundle into")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--val-fraction", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--base", default=None, help="model to fine-tune from (omit: from scratch)")
    parser.add_argument("--compare-with", default=None, help="current model to compare against at the end")
    parser.add_argument("--label", choices=("auto", "default", "breed"), default="auto",
                        help="class names: the VOC object name, the Oxford breed, or (auto) as the base model")
    parser.add_argument("--no-compare", action="store_true", help="skip the old/new comparison")
    parser.add_argument("--renamed", action="append", default=[], metavar="NEW=OLD",
                        help="with --base: the base model's class OLD is now named NEW (repeatable)")
    parser.add_argument("--skip-prelabels", action="store_true",
                        help="leave unreviewed pre-labels out: train on boxes a person saved only")
    parser.add_argument("--parent-pid", type=int, default=None,
                        help="stop when this process is gone (default: the parent at start-up)")
    parser.add_argument("--nice", type=int, default=10,
                        help="lower this process's CPU priority by N so the window stays responsive (0: keep)")
    try:  # a path whose name is not UTF-8 crosses QProcess as its bytes (`core.fs_bytes`)
        argv = received_args(sys.argv[1:] if argv is None else argv)
    except ValueError as exc:  # bytes.fromhex: an argument `crossing_args` did not write
        parser.error(f"an argument carried as bytes is not hexadecimal: {exc}")
    args = parser.parse_args(argv)
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    if not 0.0 < args.val_fraction < 1.0:
        parser.error("--val-fraction must be between 0 and 1")
    from petloc_gui.model.class_renames import parse_renamed  # no TensorFlow

    try:
        args.renamed = parse_renamed(args.renamed)
    except ValueError as exc:
        parser.error(f"--renamed: {exc}")
    if args.renamed and not args.base:
        parser.error("--renamed needs --base (a class is renamed since the model a fine-tune starts from)")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run one training; returns the exit code (a stop leaves through ``os._exit`` instead)."""
    args = parse_args(argv)
    emit = EventWriter(protocol_stdout())
    life = Lifecycle(emit)
    life.start(parent_pid=args.parent_pid)
    lower_priority(args.nice)
    with parent_marked(args.base):  # a delete meanwhile keeps the version it fine-tunes from (and compares with)
        return run_guarded(lambda: run_real(args, emit, life.should_stop), args, emit, life)


def run_guarded(run: Callable[[], None], args: argparse.Namespace, emit: EventWriter, life: Lifecycle) -> int:
    """Turn what ``run`` does into the protocol's last event and an exit code."""
    try:
        if not args.data.is_dir():
            raise FileNotFoundError(f"dataset folder not found: {args.data}")
        args.out.mkdir(parents=True, exist_ok=True)
        run()
    except Cancelled:
        life.exit_cancelled()
    except Exception as exc:  # noqa: BLE001 - the parent must get a message, never a silent death
        if life.should_stop():
            life.exit_cancelled()  # an error caused by the stop itself is still a cancel
        if isinstance(exc, PetlocError | FileNotFoundError):  # the user's data, said in full by the message
            print(f"error: {describe_error(exc)}", file=sys.stderr)
        else:  # a bug: the window shows the last log lines, the traceback among them
            traceback.print_exc(file=sys.stderr)
        event: dict[str, Any] = {"event": "error", "message": describe_error(exc), "kind": type(exc).__name__}
        from petloc_gui.model.training_data import TooFewImagesError  # no TensorFlow

        if isinstance(exc, TooFewImagesError):  # the message counts them: the window names each, with why
            event["skipped"] = [[str(path), str(reason)] for path, reason in exc.skipped]
        if failed_saving(exc, args.out):  # not "in epoch 5 of 5", the last batch the window saw
            event["while"] = "while saving the new model"
        emit(event)
        return EXIT_ERROR
    if life.should_stop():
        life.exit_cancelled()
    return EXIT_OK


def lower_priority(increment: int) -> None:
    """Yield the CPU to the window on a busy machine (training uses every core it gets).

    On Linux with autogroup scheduling, nice only ranks processes of one
    session, and the window and its child share one: the session as a whole
    gets a fair share, so a busy child would make the window wait behind it.
    A session of our own (setsid) keeps the window's group light. The parent
    still reaches us by pid and through stdin.
    """
    if increment <= 0 or not hasattr(os, "nice"):
        return
    with contextlib.suppress(OSError):  # already a session leader
        os.setsid()
    with contextlib.suppress(OSError):
        os.nice(increment)


def failed_saving(exc: BaseException, out: Path) -> bool:
    """``exc`` is the failure to save the bundle into ``out`` (``bundle_write.save_bundle``: the target, or
    the temporary sibling it writes first): training itself had finished."""
    path = getattr(exc, "path", None) if isinstance(exc, PetlocError) else None
    if path is None:
        return False
    out = Path(out)
    return path == out or any(p.parent == out.parent and p.name.startswith(f".{out.name}.")
                              for p in (path, *path.parents))


def describe_error(exc: BaseException) -> str:
    """A message a user can act on (disk full and missing files are common)."""
    import errno

    from petloc_gui.model.bundle import BundleError  # no TensorFlow at import

    cause: BaseException | None = exc
    while cause is not None:  # save_bundle wraps the OSError in a BundleError
        if isinstance(cause, OSError) and cause.errno == errno.ENOSPC:
            # The bundle's own folder, not the OSError's file (a hidden temporary one): that is
            # the disk to free space on. That it failed while saving (training had finished) is
            # the error event's "while", which the window puts first.
            if isinstance(exc, BundleError) and exc.path is not None:
                return f"the disk holding {exc.path.parent} is full; free some space there and train again"
            return f"the disk is full: {cause.filename or 'the new model'} could not be written"
        cause = cause.__cause__
    if isinstance(exc, MemoryError):
        return "out of memory: try a smaller batch size"
    text = str(exc) or type(exc).__name__
    return text


def write_record(out: Path, record: dict[str, Any]) -> None:
    """The training record the version store reads when it commits ``out``."""
    from petloc_gui.core.atomic import atomic_write_bytes

    payload = json.dumps(without_nan(record), indent=2, default=json_ready).encode("utf-8")
    atomic_write_bytes(out / RECORD_FILE, payload)


def check_stop(should_stop: Callable[[], bool]) -> None:
    if should_stop():
        raise Cancelled()


# -- the real run -----------------------------------------------------------
def run_real(args: argparse.Namespace, emit: Callable[[dict[str, Any]], None], should_stop: Callable[[], bool]) -> None:
    """Train with model.training.train_run into ``args.out``, then compare old and new."""
    args.label = label_source(args)
    refuse_case_variants(args)
    # the layout's test list held out and the byte copies of test images held out, said as `petloc train` says them
    from petloc_gui.model.window_holdout import window_holdout  # no TensorFlow

    holdout = window_holdout(args.data, args.label, args.base, should_stop)
    for message in holdout.notices:
        emit({"event": "notice", "message": message})
    from petloc_gui.model import training  # TensorFlow loads here, in the child only
    from petloc_gui.model.comparison import compare_models

    config = training.TrainConfig(
        preset=args.preset,
        label=args.label,
        epochs=args.epochs,
        batch_size=args.batch_size,
        val_fraction=args.val_fraction,
        seed=args.seed,
        init_from=args.base,
        skip_prelabels=args.skip_prelabels,
        exclude=holdout.exclude,
        known_hashes=holdout.known_hashes,  # hashed finding the copies: not again while unchanged
        out_dir=str(args.out),
        renamed=dict(args.renamed),
    )
    started: dict[str, Any] = {}

    def forward(event: dict[str, Any]) -> None:
        if event.get("event") == "start":
            started.update(event)
        emit(event)

    try:
        # the folder as the holdout read it (the same label, exclusions and model to start from): not read again
        run = training.train_run(args.data, config, on_event=forward, should_stop=should_stop, folder=holdout.folder)
    except training.TrainingCancelled as exc:
        raise Cancelled() from exc
    bundle_path = run.bundle
    check_stop(should_stop)
    from petloc_gui.model.version_tflite import add_verified_tflite

    # its own model.tflite (+ refine.tflite), checked and recorded: the window runs it without TensorFlow; a
    # failure leaves it as `petloc train` writes it (loaded through TensorFlow), said on the log, the run goes on
    add_verified_tflite(bundle_path)
    meta = json.loads((Path(bundle_path) / "meta.json").read_text(encoding="utf-8"))
    comparison = None
    if not args.no_compare:
        check_stop(should_stop)
        # Scored on validation images that did not choose the new model's epoch, when there are any, with
        # the boxes the run read (those its own figures are on), not those saved in the folder since.
        report = started.get("report_images")
        images = report if report else (started.get("selection_images") or started.get("val_images") or [])
        comparison = compare_models(
            args.data, args.label, Path(bundle_path), images, old_model=args.compare_with,
            fine_tuned=bool(args.base), check=lambda: check_stop(should_stop), selection_only=not report,
            samples=run.validation,
        )
        emit({"event": "comparison", **comparison})
    training_data = meta.get("training_data") or {}
    write_record(args.out, {
        "parent": args.base,
        "metrics": version_figures(comparison, meta),
        "training_metrics": meta.get("metrics"),
        "data_fingerprint": training_data.get("fingerprint"),
        "data": str(args.data),
        "epochs": args.epochs,
        "epochs_run": meta.get("epochs_run"),
        "label": args.label,
        "comparison": comparison,
    })


def refuse_case_variants(args: argparse.Namespace) -> None:
    """Refuse (`DatasetError`, the error event) a run whose classes include one typed two ways, before
    TensorFlow loads, as `petloc train` does, in the window's words (`model.run_case_variants`): a last guard, as
    the Retrain dialog read the saved files only and edits saved as the run started may bring one in."""
    from petloc_gui.core.case_variant_refusal import Wording
    from petloc_gui.model.layout_test_split import layout_test_holdout
    from petloc_gui.model.run_case_variants import run_case_variants  # no TensorFlow

    # the test list the run holds out is never trained on: its boxes refuse nothing, as in the dialog's preview
    held = layout_test_holdout(args.data).images
    # the window's words (its class choices, never --renamed): this child serves the window only
    refusal = run_case_variants(args.data, args.label, args.base, args.renamed, args.skip_prelabels,
                                Wording("when Retrain (Ctrl+T) opens again") if args.base else None, exclude=held)
    if refusal:
        raise DatasetError(refusal, args.data)


def version_figures(comparison: dict[str, Any] | None, meta: dict[str, Any]) -> dict[str, Any]:
    """The version's figures: the new model's in the comparison, with what they rest on (``basis``: which
    images, how many of the validation images, the comparison's hedges about the new model's figures, never
    those about the current model's alone; with ``subset`` they are the report images the current model
    did not train on), else the run's own (meta.json ``metrics``)."""
    new = (comparison or {}).get("new")
    if not new or comparison is None:
        return meta.get("metrics") or {}
    basis = {"images": comparison.get("basis"), "n_validation": comparison.get("n_validation"),
             "relpaths": comparison.get("images"), "hedges": comparison.get("new_hedges") or []}
    return {**new, "basis": basis}


def label_source(args: argparse.Namespace) -> str:
    """The --label to train with; "auto" follows the base (or current) model."""
    if args.label != "auto":
        return args.label
    return label_source_for(args.preset, args.base, args.compare_with)


def label_source_for(preset: str, *specs: str | None) -> str:
    """"breed" when the first readable model of this preset was trained on breeds, else "default". Each
    meta.json is read once while it is unchanged (`labels_trained`): the window asks when the Retrain dialog
    opens and again when its run starts, on the UI thread."""
    from petloc_gui.model.labels_trained import preset_and_label  # no TensorFlow

    for spec in specs:
        if not spec:
            continue
        try:
            model_preset, label = preset_and_label(spec)
        except Exception:  # noqa: BLE001 - an unreadable model says nothing about labels
            continue
        if model_preset == preset:
            return label or "default"
    return "default"


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # No interpreter teardown: TensorFlow objects can hang in their destructors
    # during the final garbage collection; everything worth keeping is written.
    os._exit(code)
