"""`petloc export MODEL --saved-model DIR`: a TensorFlow SavedModel (and TFLite) for serving."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from petloc_gui.cli.args import MODEL_HELP, model_arg, path_arg
from petloc_gui.cli.output import (
    CommandError,
    UsageError,
    info,
    load_tensorflow,
    result_line,
    show,
    write_probe_error,
)
from petloc_gui.cli.reference import CLI_REFERENCE
from petloc_gui.cli.stop_signals import work_done
from petloc_gui.cli.taken_back import missing_folders, remove_empty, take_back
from petloc_gui.core.errors import SaveError

NAME = "export"
HELP = "export a model as a TensorFlow SavedModel (and/or TFLite) for serving"
EPILOG = f"""\
The SavedModel's serving signatures (inputs, the class probabilities and the
normalised box) are described in the command reference,
{CLI_REFERENCE}; its class names, one per line in class index order, are
in DIR/assets/labels.txt.
The TFLite file has no label output: its class names go beside it
(m.tflite -> m.labels.txt, UTF-8, one per line, class index order), except for a
bundle's own BUNDLE/model.tflite, whose names are in its meta.json. What the
model takes (input size, RGB 0..255, EXIF, the stretch and its resize), its box
layout and the stages exported are recorded in DIR/petloc-export.json and
beside the TFLite file (m.tflite -> m.petloc-export.json). An
existing output is never replaced: choose a new (or empty) folder and a
new file name. Stopped (Ctrl+C: exit 130, SIGTERM: 143, SIGHUP: 129, Ctrl+Break: 149) or failing part
way, it removes what it had written, so the same command can simply be
run again. Killed outright (SIGKILL) after the SavedModel was written, it
cannot: run again, it keeps that SavedModel (it knows its own, of the same
model, by the petloc-export.json it writes into it) and writes the rest. For a
two-stage bundle (the bundled pets model: meta.json "refine") this exports
the first stage only: the crop-and-refine stage is not in the export (it stays
in the bundle, as refine.keras / refine.tflite; model.cascade describes the
crop), so the served boxes and class probabilities are the first stage's,
not those `petloc predict` gives: the command says so, with the first stage's
own figures from meta.json (first_stage_validation_metrics) beside the model's,
and whether the two are on the same images.

examples:
  petloc export pets --saved-model runs/pets-savedmodel
  petloc export runs/models/digits-20261123 --saved-model runs/digits-sm --tflite runs/digits.tflite
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", metavar="MODEL", type=model_arg, help=MODEL_HELP)
    parser.add_argument("--saved-model", type=path_arg, metavar="DIR", help="write a TensorFlow SavedModel folder here")
    parser.add_argument("--tflite", type=path_arg, metavar="FILE", help="write a TensorFlow Lite flatbuffer here")


def run(args: argparse.Namespace) -> int:
    if args.saved_model is None and args.tflite is None:
        raise UsageError("nothing to do: give --saved-model DIR and/or --tflite FILE")
    if (args.saved_model is not None and args.tflite is not None
            and os.path.abspath(args.saved_model) == os.path.abspath(args.tflite)):
        raise UsageError(f"--saved-model and --tflite both name {args.tflite}; give each its own path")
    # Checked before TensorFlow loads, so a mistake costs no time.
    if args.saved_model is not None and args.saved_model.exists() and not args.saved_model.is_dir():
        raise FileExistsError(17, "--saved-model target exists and is not a folder", str(args.saved_model))
    if args.tflite is not None and args.tflite.exists():
        raise FileExistsError(17, "--tflite target already exists; choose a new name", str(args.tflite))
    from petloc_gui.model.bundle import resolve_model  # no TensorFlow
    from petloc_gui.model.export import is_bundles_own  # no TensorFlow (it loads inside them)

    bundle_path = resolve_model(args.model)
    # A bundle's own model.tflite gets no names file: its names are the bundle's meta.json.
    names_file = args.tflite is not None and not is_bundles_own(args.tflite, bundle_path)
    # Every target is checked before anything is said: a "kept" line followed by a refusal misled.
    names_kept = names_file and _earlier_names_file(args.tflite, bundle_path)
    note_kept = names_file and _earlier_note(args.tflite, bundle_path)
    kept = args.saved_model is not None and _earlier_saved_model(args.saved_model, bundle_path)
    if kept:
        info(f"kept SavedModel {show(args.saved_model)}: an earlier run of this export wrote it whole, "
             "from the same model")
    if kept and args.tflite is None:
        _say_first_stage_only(bundle_path)
        result_line(show(args.saved_model))
        return 0
    # the folders of the outputs' paths missing now: made below, taken back (when empty) if the export fails
    made = [missing_folders(args.saved_model)] if args.saved_model is not None else []
    made += [missing_folders(args.tflite.parent)] if args.tflite is not None else []
    try:
        _export(args, bundle_path, names_file, kept, (names_kept, note_kept))
    except BaseException:
        for folders in made:
            remove_empty(folders)
        raise
    _say_first_stage_only(bundle_path)
    result_line("\n".join(show(path) for path in (args.saved_model, args.tflite) if path is not None))
    return 0


def _say_first_stage_only(bundle_path: Path) -> None:
    """For a two-stage bundle (meta.json ``refine``), say that what was exported is its first stage, with
    that stage's own recorded figures beside the model's: served boxes are clearly worse than the figures
    `petloc models` shows (pets: mean IoU 0.735 against 0.819 on the same test photos), and nothing said
    so. Only what meta.json holds, each figure named by its record and its split as recorded, and whether
    the two are on the same images as far as meta.json tells (`app.stage_figures_images`): "measured on
    other images" was said of a fine-tune's two records on the same three report images."""
    from petloc_gui.app.model_metrics import metrics_text, shown_split, split_of_figures, split_of_meta
    from petloc_gui.app.stage_figures_images import FIRST_STAGE_KEY, same_images
    from petloc_gui.model.bundle import read_meta  # no TensorFlow

    meta = read_meta(bundle_path)
    if not meta.get("refine"):
        return
    first = meta.get(FIRST_STAGE_KEY)
    first_text = metrics_text(first, shown_split(split_of_figures(first), first)) if isinstance(first, dict) else ""
    whole = meta.get("metrics")
    whole_text = metrics_text(whole, shown_split(split_of_meta(meta), whole)) if isinstance(whole, dict) else ""
    compared = same_images(meta) if first_text and whole_text else None
    info("note: this model has two stages and the export holds the first only (its crop-and-refine stage "
         "is not exported): the served boxes and class probabilities are the first stage's, not those "
         "`petloc predict` gives. "
         + (f"The first stage alone: {first_text} (meta.json {FIRST_STAGE_KEY}{_split_said(first)})"
            if first_text else "meta.json records no figures of the first stage alone")
         + (f"; both stages, as `petloc predict` runs them: {whole_text} (meta.json metrics{_split_said(whole)})"
            if whole_text else "")
         + (". Measured on different images: compare them as such." if compared is not None and not compared.same
            else f". Both measured on the same {compared.count} images." if compared is not None else "."))


def _split_said(record: object) -> str:
    """", <the record's split>" as meta.json words it, or "" when it names none."""
    split = record.get("split") if isinstance(record, dict) else None
    return f", {split}" if isinstance(split, str) and split else ""


def _earlier_names_file(tflite: Path, bundle_path: Path) -> bool:
    """Whether the names file beside ``tflite`` is there holding exactly this model's class names (a run
    killed outright between it and the TFLite file: kept); False when there is none. Raises
    FileExistsError for any other file there: never replaced."""
    from petloc_gui.model.bundle import read_meta  # no TensorFlow
    from petloc_gui.model.export import holds_these_names, labels_path

    labels = labels_path(tflite)
    if not (labels.exists() or labels.is_symlink()):
        return False
    meta = read_meta(bundle_path)
    if holds_these_names(labels, [str(name) for name in meta.get("class_names") or meta.get("classes") or []]):
        return True
    raise FileExistsError(17, "the class names file --tflite writes beside its file exists with other names "
                          "(refusing to overwrite); choose another name or folder", str(labels))


def _earlier_note(tflite: Path, bundle_path: Path) -> bool:
    """Whether the note beside ``tflite`` (`export_note.tflite_note_path`) is there, this export's of the
    same model (a run killed outright before its TFLite file: kept, never removed; `export.export_tflite`,
    by the same rule, rewrites it when its words differ: an older petloc's, the model through another
    folder); False when there is none. Raises FileExistsError for any other file there: never replaced."""
    from petloc_gui.model.export_note import is_note_of, tflite_note_path  # no TensorFlow

    note = tflite_note_path(tflite)
    ours = is_note_of(note, _identity(bundle_path))
    if ours is not False:
        return bool(ours)
    raise FileExistsError(17, "the note --tflite writes beside its file exists and is not this export's of "
                          "this model (refusing to overwrite); choose another name or folder", str(note))


def _identity(bundle_path: Path) -> str | None:
    """`export_note.model_identity` of the bundle; None when its model.keras cannot be read (the export
    says so when it loads it)."""
    from petloc_gui.model.export_note import model_identity  # no TensorFlow

    try:
        return model_identity(bundle_path)
    except OSError:
        return None


def _earlier_saved_model(folder: Path, bundle_path: Path) -> bool:
    """Whether ``folder`` is a SavedModel this command exported from the same model, complete (a run killed
    outright before its TFLite file: kept); False when it is new or empty. Raises FileExistsError for any
    other folder with files: never replaced."""
    from petloc_gui.model.export_note import noted_identity  # no TensorFlow

    if not folder.exists() or not any(folder.iterdir()):
        return False
    noted = noted_identity(folder)
    if noted is None:
        raise FileExistsError(17, "--saved-model target exists and is not an empty folder", str(folder))
    if noted[0] != _identity(bundle_path):  # (model.keras unreadable: the export says so when it loads it)
        raise FileExistsError(17, "--saved-model target holds a SavedModel petloc exported from another "
                              f"model ({noted[1] or 'unknown'}), or from an earlier version of it; choose "
                              "another folder, or delete this one", str(folder))
    return True


def _export(args: argparse.Namespace, bundle_path: Path, names_file: bool, kept: bool,
            beside_kept: tuple[bool, bool]) -> None:
    """Make the outputs' folders, load TensorFlow and the model, and write the outputs (the SavedModel
    unless ``kept``, the names file and the note beside the TFLite file unless ``beside_kept`` says an
    earlier run's is kept); a stop or an error part way takes back what was written (`_Outputs`), never
    what was there."""
    from petloc_gui.model.export import written_folder  # no TensorFlow (it loads inside the exporters)

    for target in (args.saved_model, args.tflite):
        # its folder is made, as train makes --out (the README's example starts in runs/)
        if target is not None and not (kept and target == args.saved_model):
            if target.parent.exists() and not target.parent.is_dir():
                raise NotADirectoryError(20, "not a folder", str(target.parent))
            target.parent.mkdir(parents=True, exist_ok=True)
            # a link to a folder is written through: the new folder is made beside the folder it names
            _check_writable(written_folder(target) if target == args.saved_model else target)
    load_tensorflow()
    from petloc_gui.model import export
    from petloc_gui.model.bundle import load_bundle

    if args.tflite is not None and not hasattr(export, "export_tflite"):
        raise CommandError("--tflite is not supported by this version of petloc")
    bundle = load_bundle(str(bundle_path))
    from petloc_gui.model.export_note import tflite_note_path

    labels = export.labels_path(args.tflite) if names_file else None
    note = tflite_note_path(args.tflite) if names_file else None
    names_kept, note_kept = beside_kept
    outputs = _Outputs(None if kept else args.saved_model, args.tflite,
                       [path for path, its_kept in ((labels, names_kept), (note, note_kept)) if path and not its_kept])
    try:
        if args.saved_model is not None and not kept:
            outputs.writing = args.saved_model
            export.export_saved_model(bundle, args.saved_model)
            info(f"wrote SavedModel {show(args.saved_model)}")
        if args.tflite is not None:
            outputs.writing = args.tflite
            earlier_note = _bytes_of(note) if note is not None and note_kept else None
            # the bundle's own file stays raw (names_file False): petloc's runners read it (export docstring)
            export.export_tflite(bundle, args.tflite, names_file=names_file, served_boxes=names_file)
            names = ("into the bundle, whose meta.json holds its class names" if labels is None else
                     f"beside {show(labels)}, which an earlier run of this export wrote with its class names"
                     if names_kept else
                     f"and its class names, one per line in class index order, to {show(labels)}")
            described = ("" if note is None else f"; what it takes (input size, RGB 0..255, the resize) and the "
                         f"stages it holds are in {show(note)}" + ("" if not note_kept else ", which an earlier run "
                         "wrote" if _bytes_of(note) == earlier_note else ", which an earlier run of this model wrote "
                         "in other words, rewritten"))
            info(f"wrote TFLite model {show(args.tflite)} (signature serve_float: outputs box, "
                 f"probabilities; no label output) {names}{described}")
            if labels is None:
                _record_bundles_own(bundle_path)
        work_done()  # every output is complete: a stop from here on is too late
    except BaseException as exc:
        outputs.take_back(exc)
        raise


def _record_bundles_own(bundle_path: Path) -> None:
    """The bundle's own model.tflite (and refine.tflite) checked against its .keras files and recorded in its
    meta.json (`model.tflite_provenance`): the window then runs it without TensorFlow. One that does not
    pass stays unrecorded, said so: every TensorFlow load checks it again, as before."""
    from petloc_gui.model.tflite_provenance import TfliteNotVerified, stamp_verified_tflite

    try:
        recorded = stamp_verified_tflite(bundle_path)
    except TfliteNotVerified as exc:
        info(f"note: {exc.reason}; not recorded in meta.json: the window loads this model through TensorFlow")
        return
    info(f"recorded {' and '.join(recorded)} in meta.json as converted from the bundle's .keras files and "
         "checked: the window runs them without TensorFlow")


class _Outputs:
    """What an export writes, none of which was there when it started (checked above; the SavedModel
    folder may have been there empty). An export stopped (Ctrl+C, SIGTERM) or failed part way takes
    back what it wrote: a SavedModel left without its TFLite file made the same command, run again,
    refuse it as an existing output."""

    def __init__(self, saved_model: Path | None, tflite: Path | None, beside: list[Path]) -> None:
        from petloc_gui.model.export import written_folder

        # beside: the names file and note the TFLite step writes beside its file (not an earlier run's, kept)
        self.saved_model, self.tflite, self.beside = saved_model, tflite, beside
        # what the SavedModel is written to: a link to a folder is that folder (rmtree refuses a link)
        self.written = written_folder(saved_model) if saved_model is not None else None
        self.empty_folder = saved_model is not None and saved_model.is_dir()  # given empty: kept so
        self.writing: Path | None = None  # the output being written (a stop may come just after it is)

    def take_back(self, exc: BaseException) -> None:
        # An exporter's own error (SaveError) means it wrote nothing there and removed its temporary
        # files: what is there then (the target filled meanwhile, the names file made) is not this run's.
        refused = self.writing if isinstance(exc, SaveError) else None
        take_back("export", "export", lambda: self._remove(refused))

    def _remove(self, refused: Path | None) -> list[Path]:
        tflite_reached = self.writing is not None and self.writing == self.tflite != refused
        removed = [path for path in (self.tflite, *self.beside) if tflite_reached and path and _unlinked(path)]
        if (self.saved_model is not None and self.written is not None and refused != self.saved_model
                and self._full(self.written)):
            shutil.rmtree(self.written, ignore_errors=True)
            if self.empty_folder:
                self.written.mkdir(exist_ok=True)
            removed.insert(0, self.saved_model)
        return removed

    def _full(self, folder: Path) -> bool:
        try:
            return folder.is_dir() and any(folder.iterdir())
        except OSError:
            return False


def _bytes_of(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _unlinked(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


def _check_writable(target: Path) -> None:
    """Refuse a target whose folder cannot take a new file (read-only, a system folder), before
    TensorFlow takes its seconds to load: a file made and removed there is the only sure test."""
    exc = write_probe_error(target.parent, prefix=f".{target.name}.")
    if exc is not None:
        raise OSError(exc.errno, f"cannot write here: {exc.strerror or exc}", str(target)) from exc
