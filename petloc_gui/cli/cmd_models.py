"""`petloc models`: the bundled models and the user's trained versions, with key metrics."""

from __future__ import annotations

import argparse
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.app.model_metrics import (
    BASIS_KEY,
    basis_text,
    chose_epoch,
    figures_basis,
    headline_metrics,
    held_out_count,
    metric_problem,
    metric_value,
    not_measured,
    split_of_figures,
    unmeasured_text,
)
from petloc_gui.cli import models_delete
from petloc_gui.cli.models_accepted import accepted_lines, figure_text
from petloc_gui.cli.models_caveats import REBOXED_KEYS, learned_digits_lines, reboxed_lines, with_caveats, with_reboxed
from petloc_gui.cli.output import collapsed, error, json_line, result_line, show
from petloc_gui.core.text import counted, first_of, table

NAME = "models"
HELP = "list the bundled models and your trained model versions with their metrics"
EPILOG = """\
Metrics are the ones recorded when the model was trained, on held-out images; the "measured on" column says which: a
bundled model's test split, or the validation images a retraining held out that did not choose its epoch (the
figures the GUI shows too). The "classes" column names the classes a model knows (the first four, and how many more:
--json lists them all), "data" the name of the folder it was trained on as its meta.json records it (never its path;
for the bundled models, the name of the working copy the build script, benchmarks/train_bundled_models.py, trained
them on: "train" for the digits canvases, "data" for the pets photos with their pseudo-labels), else the start of
that data's fingerprint: models of different folders are told apart. A version kept in the window holds the retrain
comparison's figures: with the images the current model trained on left out they are on fewer of them ("8 validation
images (of 20, images neither model trained on)"), and the comparison's notes on what may flatter them are said
(listed under "basis" with --json). Where a run's own figures are on images holding boxes accepted unchanged from a
model, a line after the table says how many, with the figures on those a person drew (--json:
metrics_accepted_boxes); where they are on canvases of MNIST digits a model learned on other canvases, one line says
so in petloc train's words (--json: metrics_learned_digits). A run with a single validation image has no such
images: its figures are on that image, which also chose the epoch, and are said to be on the "selection set"
(somewhat optimistic). Where a folder that uses a version (folder_models.json: it was picked or kept there in the
window) holds the images its figures were measured on (found by their recorded bytes, at their recorded paths or as
copies under other names), a line after the table says how many of them were re-boxed since its run, if any, by
their boxes and labels (a record of the annotations' bytes alone: "changed since (its boxes may differ)"; --json:
reboxed_since, null when no such folder is known; reboxed_of, reboxed_folder, reboxed_by_bytes), and one how many
of them have no annotation there, never counted re-boxed (--json: reboxed_unannotated).
Any listed path can be given as MODEL to evaluate, predict and export.
The last line names the model store, the folder your trained versions are
kept in (<store>/<preset>/<id>/): `petloc train` without --out and Retrain in
the window add versions there. `--store` prints that folder alone (with
--json, {"store": ...}), for scripts; it follows PETLOC_DATA_DIR, else
XDG_DATA_HOME on Linux.
""" + models_delete.EPILOG + """\
A version whose version.json cannot be read is listed usable (its model loads) with a note of what is lost, its
figures then meta.json's; a figure that is no number is noted and shown as -. One whose model.keras is missing,
empty, not a zip archive or a network of other classes or input size than its meta.json says, or whose meta.json
lacks format_version, class_names or input_size, is listed as unavailable, with why, and is never chosen for a
folder. None hides the others.

examples:
  petloc models
  petloc models --json
  petloc models --store
""" + models_delete.EXAMPLE

if TYPE_CHECKING:
    from petloc_gui.model.versions import VersionStore

BUNDLED = ("pets", "digits")
# The keys of every --json row (docs/cli.md), and those a trained version adds.
ROW_KEYS = ("name", "kind", "path", "preset", "classes", "data_folder", "data_fingerprint", "metrics", "split",
            "chose_epoch", *REBOXED_KEYS)
TRAINED_KEYS = ("parent", "parent_recorded", "created", "basis")
HEADER = ("name", "preset", "classes", "data", "accuracy", "mean IoU", "measured on", "path")
FIGURE_COLUMNS = (4, 5)  # aligned right
JSON_PLACES = 4  # of a figure in a --json row
CLASSES_SHOWN = 4  # in the table ("0, 1, 2, 3 and 6 more"); --json lists them all
FINGERPRINT_SHOWN = 12  # hex digits of the data's fingerprint where no folder name is recorded


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per line per model")
    parser.add_argument("--store", action="store_true",
                        help="print only the model store's folder (where `petloc train` without --out puts "
                             "a version) as it is, for $(...), or with --json {\"store\": ...}")
    models_delete.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.delete:  # (cli/models_delete)
        return models_delete.run(args)
    if args.store:
        json_line({"store": str(store_folder())}) if args.json else result_line(str(store_folder()))
        return 0
    rows = with_reboxed([_with_every_key(row) for row in bundled_models() + trained_versions()])
    if args.json:
        for row in rows:
            json_line(_json_row(row))
        return 0
    if rows:
        result_line("\n".join([*table(HEADER, [_table_row(row) for row in rows], right=FIGURE_COLUMNS),
                               *accepted_lines(rows), *learned_digits_lines(rows), *reboxed_lines(rows)]))
    else:
        result_line("no models found")
    # escaped as the table's paths are (a newline in it made two lines); --store gives it raw, for scripts
    result_line(show(f"Trained versions are kept in {store_folder()} (<preset>/<id>; `petloc train` without --out "
                     "adds one there)"))
    return 0


def store_folder() -> Path:
    """The model store's folder (the user data folder's models/): what the window's Versions menu and
    this command list, and where `petloc train` writes without --out."""
    from petloc_gui.model.versions import VersionStore

    return VersionStore().root


def _with_every_key(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with each key docs/cli.md lists for its kind, null where unknown (an unavailable
    model's figures): a script may read ``row["metrics"]`` of any row."""
    keys = ROW_KEYS + (TRAINED_KEYS if row.get("kind") == "trained" else ())
    return {**dict.fromkeys(keys), **row}


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` as --json writes it: figures to 4 places (the table shows 3, rounded from the recorded
    value as the window shows it: rounded to 4 first, 0.09354 read 0.093 here and 0.094 there). Figures
    measured on no image (`not_measured`) have no split: "validation", chose_epoch false, passed a script's
    test for held-out figures; ``split`` and ``chose_epoch`` are null, ``metrics`` {"n_images": 0}."""
    metrics = row.get("metrics")
    if not isinstance(metrics, dict):
        return row
    if not_measured(metrics):  # as the table's "no validation images (not measured)": no figure either
        return {**row, "metrics": {"n_images": 0}, "split": None, "chose_epoch": None}
    return {**row, "metrics": {key: round(value, JSON_PLACES) if isinstance(value, float) else value
                               for key, value in metrics.items()}}


def _table_row(row: dict[str, Any]) -> tuple[str, ...]:
    """A row's cells under HEADER: its path, or why it is unavailable, last, with any warning."""
    metrics = row.get("metrics") or {}
    if not_measured(metrics):  # no figure is shown as if it had been measured
        metrics = {}
    note = f"  ({row['warning']})" if row.get("warning") else ""
    where = row.get("path") or f"unavailable: {row.get('error')}"
    classes = row.get("classes")
    return (row["name"], row.get("preset") or "-", first_of(classes, CLASSES_SHOWN) if classes else "-",
            _data_cell(row), figure_text(metrics.get("accuracy")), figure_text(metrics.get("mean_iou")),
            _measured_on(row), f"{where}{note}")


def _data_cell(row: dict[str, Any]) -> str:
    """What a model was trained on, as its meta.json names it: the folder's name ("own"), else its
    data's fingerprint, shortened ("fingerprint ed91107cfd00"), else "-"."""
    if row.get("data_folder"):
        return str(row["data_folder"])
    fingerprint = row.get("data_fingerprint")
    return f"fingerprint {fingerprint[:FINGERPRINT_SHOWN]}" if fingerprint else "-"


def _learned(meta: Any, fingerprint: Any = None) -> dict[str, Any]:
    """A row's ``classes``, ``data_folder`` and ``data_fingerprint`` from the model's meta.json (None
    each where it does not say): every class name, and its training data as the run recorded it
    (``training_data``: the folder's name, never its path; the fingerprint). ``fingerprint`` is the
    version record's, for a meta.json that has none: models of different folders ("own", "shapes")
    were listed alike, photo/photo-<time>-<id>."""
    meta = meta if isinstance(meta, dict) else {}
    names, data = meta.get("class_names"), meta.get("training_data")
    data = data if isinstance(data, dict) else {}
    folder, recorded = data.get("root_name"), data.get("fingerprint") or fingerprint
    return {"classes": [str(name) for name in names] if isinstance(names, list) else None,
            "data_folder": folder if isinstance(folder, str) and folder else None,
            "data_fingerprint": recorded if isinstance(recorded, str) and recorded else None}


def bundled_models() -> list[dict[str, Any]]:
    """One row per bundled model (an `error` key when it is missing or unreadable, or its model file
    cannot load: ``bundle_check``)."""
    from petloc_gui.model.bundle import read_meta, resolve_model
    from petloc_gui.model.bundle_check import model_file_problem

    rows = []
    for name in BUNDLED:
        row: dict[str, Any] = {"name": name, "kind": "bundled"}
        try:
            path = resolve_model(name)
            meta = read_meta(path)
            metrics, split = headline_metrics(meta)
            row.update(path=str(path), preset=meta.get("preset"), metrics=_key_metrics(metrics), split=split,
                       chose_epoch=False if split == "test" else chose_epoch(meta.get("metrics")), **_learned(meta))
            with_caveats(row, meta, meta.get("metrics"))
            problem = model_file_problem(path)
            if problem is not None:  # as a broken version: unavailable, with why (never chosen for a folder)
                row.update(path=None, error=f"{path}: {problem}")
        except Exception as exc:  # noqa: BLE001 - one bad bundle must not hide the others
            row.update(path=None, error=collapsed(exc))  # a no-break space in a path kept (`collapsed`)
        rows.append(row)
    return rows


def trained_versions() -> list[dict[str, Any]]:
    """One row per trained version in the user's version store (none if unavailable)."""
    try:
        from petloc_gui.model.versions import VersionStore
    except ImportError:
        return []
    try:
        store = VersionStore()
        if _file_in_the_way(store.root):
            return []
        versions, unreadable = store.scan()
        misplaced = _bundles_outside_a_preset_folder(store)
    except Exception as exc:  # noqa: BLE001 - any failure to list becomes one error line
        error(f"cannot list trained versions: {exc}")  # `error` makes it one line, names escaped
        return []
    rows = [{"name": f"{folder.parent.name}/{folder.name}", "kind": "trained", "path": None,
             "preset": folder.parent.name, "error": f"{folder}: {reason}"} for folder, reason in unreadable]
    rows += misplaced
    for v in versions:
        problems: list[str] = []
        # The name is the folders' (where the version is: what --model takes), not what version.json says
        # (an "id" of "x/../../y" would name another folder); the preset is meta.json's (VersionStore).
        row = _trained_row(f"{v.path.parent.name}/{v.path.name}", v.path, v.preset,
                           {"parent": v.parent, "created": v.created, "metrics": v.metrics, "extra": v.extra},
                           problems, store)
        meta = _json_object(v.path / "meta.json")
        row.update(_learned(meta, v.data_fingerprint))
        with_caveats(row, meta, v.metrics, problems)
        warnings = [f"{v.path}: {note}" for note in v.notes]  # e.g. a damaged version.json: what is lost
        if problems:  # the figures come from version.json, or from meta.json where a run wrote none or it is damaged
            warnings.append(f"{v.path / v.record_file}: " + "; ".join(problems))
        if warnings:
            row["warning"] = "; ".join(warnings)
        rows.append(row)
    return rows


def _trained_row(name: str, path: Path, preset: str | None, record: dict[str, Any],
                 problems: list[str], store: VersionStore) -> dict[str, Any]:
    """The row of a trained version (in the store or copied beside it) from its ``record`` (version.json's
    fields, or meta.json's where a run wrote none); a figure that is no number goes to ``problems``.

    ``parent`` is the name this command lists and --model/--init-from take ("pets", "digits/<id>"),
    whoever trained it (the window records a path, `petloc train` an id), or null when the parent is
    not here; ``parent_recorded`` is what the record says, as it says it."""
    figures, extra = record.get("metrics"), record.get("extra")
    parent, created = record.get("parent"), record.get("created")
    recorded = parent if isinstance(parent, str) and parent else None
    return {
        "name": name,
        "kind": "trained",
        "path": str(path),
        "preset": preset,
        "parent": store.model_name(recorded),
        "parent_recorded": recorded,
        "created": created if isinstance(created, str) and created else None,  # "": none given (Version)
        "metrics": _key_metrics(figures, problems),
        # as the figures say: a copy of a bundled model stored as a version holds its test figures
        "split": split_of_figures(figures),
        # what the comparison's figures rest on: which images, of how many, its hedges (None: the run's own)
        "basis": _finite_basis(figures_basis(figures), problems),
        # the version record's figures (the comparison the user saw) are on the same images as the
        # run's own: its report part, else (one validation image) the image that chose the epoch
        "chose_epoch": chose_epoch(figures, extra.get("training_metrics") if isinstance(extra, dict) else None),
    }


def _finite_basis(basis: dict[str, Any] | None, problems: list[str]) -> dict[str, Any] | None:
    """``basis`` without the entries that hold a number JSON has no form for (NaN, Infinity: Python's
    json reads them from a hand-edited record), each noted in ``problems``: passed through, one such
    entry made `--json` fail on that row with "unexpected error" and hid the rows after it."""
    if basis is None:
        return None
    kept = {}
    for key, value in basis.items():
        if _holds_non_finite(value):
            problems.append(f"basis.{key} holds a number that is not finite (NaN or Infinity); ignored")
        else:
            kept[key] = value
    return kept


def _holds_non_finite(value: Any) -> bool:
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return any(_holds_non_finite(item) for item in value)
    return isinstance(value, float) and not math.isfinite(value)


def _file_in_the_way(store: Path) -> bool:
    """Warn, and say so, when a file stands where the store's folder or a folder above it should be
    (PETLOC_DATA_DIR naming a file): its versions cannot be listed, and only the bundled models
    would be, without a word. A data folder not made yet is no problem: there are no versions."""
    from petloc_gui.core.paths import user_data_dir

    blocked = next((folder for folder in (store, *store.parents) if folder.exists() or folder.is_symlink()), None)
    if blocked is None or blocked.is_dir():
        return False
    if blocked == store:
        fix = "it is the folder trained versions are kept in: move the file away"
    elif os.environ.get("PETLOC_DATA_DIR"):
        fix = f"the data folder PETLOC_DATA_DIR names ({user_data_dir()}) must be a folder: point it at one"
    else:
        fix = (f"the data folder ({user_data_dir()}) must be a folder: move the file away, or point "
               "PETLOC_DATA_DIR at a folder")
    error(f"warning: {blocked}: not a folder, so no trained model version can be listed; {fix}")
    return True


def _bundles_outside_a_preset_folder(store: VersionStore) -> list[dict[str, Any]]:
    """A row for each bundle copied straight into the store (models/<id>/ instead of
    models/<preset>/<id>/): the store takes such a folder for a preset and lists nothing in it."""
    root = store.root
    return [_misplaced_row(folder, store) for folder in (sorted(root.iterdir()) if root.is_dir() else [])
            if not folder.name.startswith(".") and (folder / "meta.json").is_file()]


def _misplaced_row(folder: Path, store: VersionStore) -> dict[str, Any]:
    """A misplaced bundle's row, filled as it would be in its preset's folder (its figures from
    version.json, else meta.json), its preset the one meta.json names, with a warning saying where
    it belongs: a script reading ``metrics`` of each row with a path met a row without one."""
    from petloc_gui.model.bundle_check import model_file_problem
    from petloc_gui.model.versions import VERSION_FILE

    root = store.root
    notes = [f"a model bundle directly in {root}: the app lists versions in {root}/<preset>/<id>/; "
             "move it into its preset's folder"]
    meta = _json_object(folder / "meta.json") or {}  # unreadable: model_file_problem says so below
    record = meta
    if (folder / VERSION_FILE).exists():
        version = _json_object(folder / VERSION_FILE)
        if version is None:  # as a stored version's: the run's own figures, from meta.json (VersionStore)
            notes.append(f"{VERSION_FILE} cannot be read or is not a JSON object: the run's record is lost; "
                         "its date and figures are meta.json's")
        record = version if version is not None else meta
    preset = meta.get("preset")
    problems: list[str] = []
    row = _trained_row(folder.name, folder, preset if isinstance(preset, str) else None, record, problems, store)
    row.update(_learned(meta, record.get("data_fingerprint")))
    with_caveats(row, meta, record.get("metrics"), problems)
    problem = model_file_problem(folder)
    if problem is not None:  # as a broken version: unavailable, with why
        row.update(path=None, error=f"{folder}: {problem}")
    row["warning"] = f"{folder}: " + "; ".join(notes + problems)
    return row


def _json_object(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path`` (a model's or version's record), or None when it cannot be read as one."""
    from petloc_gui.core.json_record import read_json_record

    try:
        value = read_json_record(path)
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _key_metrics(metrics: Any, problems: list[str] | None = None) -> dict[str, Any]:
    """The headline metrics the rule accepts (app.model_metrics, as the window reads them); a value
    it ignores is left out and noted."""
    if not isinstance(metrics, dict):
        return {}
    out: dict[str, Any] = {}
    for key in ("n_images", "accuracy", "mean_iou", "iou_ge_50", "iou_ge_75"):
        if key not in metrics:
            continue
        problem = metric_problem(key, metrics[key])
        if problem is not None:  # NaN, inf, 1e400, 3.7 images, "high": shown as unknown
            if problems is not None:
                problems.append(problem)
            continue
        out[key] = metric_value(key, metrics[key])  # as recorded: rounded once, where it is written out
    return out


def _measured_on(row: dict[str, Any]) -> str:
    """ "48 test images", "12 validation images", "1 selection-set image", "no validation images (not
    measured)" for a run that held none out, "-" without figures."""
    metrics = row.get("metrics") or {}
    if not_measured(metrics) and row.get("split"):  # none held out, or none could be read: its meta.json says
        meta = _json_object(Path(row["path"]) / "meta.json") if row.get("path") else None
        return f"{unmeasured_text(row['split'], held_out_count(meta))} (not measured)"
    if not metrics or not row.get("split"):
        return "-"
    split = "selection-set" if row.get("chose_epoch") else row["split"]
    count = metrics.get("n_images")
    basis = basis_text({**metrics, BASIS_KEY: row.get("basis")})
    shown = f"{split} images" if not isinstance(count, int) else counted(count, f"{split} image")
    return f"{shown} ({basis})" if basis else shown
