"""One figure per model version, and the images it was measured on (no Qt, no TensorFlow).

A trained version has two sets of validation figures: the training run's own
(meta.json "metrics", chosen at the best epoch) and the old-vs-new comparison
the user saw before keeping it (the version record). They differ in the third
decimal (the status bar said IoU 0.665, the Versions menu 0.663). Every place
shows the version record's figures when there is one, the bundle's otherwise,
and says on which split: a bundled model's are on its held-out *test* images,
a retrained version's on the *validation* images held out from that run, or,
for a run with a single validation image, on the *selection set* (that image
also chose the epoch: somewhat optimistic figures, named so everywhere).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from petloc_gui.app.figures_short import BASIS_JOIN, SEPARATOR, Caution, FiguresSaid
from petloc_gui.app.learned_digits_said import (
    LEARNED_DIGITS_KEY,
    finite_record,
    learned_caution,
    learned_digits_record,
)
from petloc_gui.core.file_memo import FileMemo
from petloc_gui.core.json_record import read_json_record
from petloc_gui.core.paired_stats import MIN_IMAGES
from petloc_gui.core.text import counted

HEADLINE = (("accuracy", "acc"), ("mean_iou", "IoU"))
MAX_IMAGES = 10**9  # more images than any dataset petloc trains on: a corrupt record, not a count
COUNT_KEY = "n_images"
# How model.training.SELECTION_ONLY starts (not imported: model.training loads TensorFlow).
SELECTION_SPLIT = "selection set"


# One rule for reading a recorded metric, for the window and `petloc models`: a figure is a finite
# number (an int too large for a float is none), a count of images a whole number from 0 to
# MAX_IMAGES; anything else is ignored. Records are hand-edited or damaged at times, and Python's
# json reads Infinity, 1e999 and 400-digit integers: int(inf) and float(10**400) raised, which took
# the Model menu's Retrain… and Versions away at start-up and left the status bar on "Loading model…".
def figure(value: Any) -> float | None:
    """``value`` as a finite float; None when it is no number, a bool, NaN, infinite or too large."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def image_count(value: Any) -> int | None:
    """``value`` as a count of images: a whole number from 0 to MAX_IMAGES (12.0 is 12); else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int):  # compared as it is: 10**400 is too large for a float
        return value if 0 <= value <= MAX_IMAGES else None
    if math.isfinite(value) and value.is_integer() and 0 <= value <= MAX_IMAGES:
        return int(value)
    return None


def metric_value(key: str, value: Any) -> float | int | None:
    """The usable value of metric ``key`` (``n_images``: a count, the others: a figure), or None."""
    return image_count(value) if key == COUNT_KEY else figure(value)


def metric_problem(key: str, value: Any) -> str | None:
    """Why metric ``key``'s ``value`` is ignored ("metric n_images is not a count of images (inf);
    ignored"), or None when it is usable."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"metric {key} is not a number ({type(value).__name__}); ignored"
    if metric_value(key, value) is not None:
        return None
    kind = "a count of images" if key == COUNT_KEY else "a finite number"
    return f"metric {key} is not {kind} ({_shown(value)}); ignored"


def usable_metrics(metrics: Any) -> dict[str, float | int]:
    """The metrics whose values the rule accepts (a record that is no dict has none)."""
    if not isinstance(metrics, dict):
        return {}
    usable = {str(key): metric_value(str(key), value) for key, value in metrics.items()}
    return {key: value for key, value in usable.items() if value is not None}


def _shown(value: int | float) -> str:
    """A rejected value for a note; an integer of 400 digits is described, not written out."""
    if isinstance(value, int) and abs(value) >= 10**20:
        return f"a {len(str(abs(value)))}-digit number"
    return repr(value)


def split_of_figures(metrics: Any, default: str = "validation") -> str:
    """ "test" or "validation", as recorded figures' own "split" says; ``default`` when they name none."""
    split = metrics.get("split") if isinstance(metrics, dict) else None
    if not isinstance(split, str) or not split.strip():
        return default
    return "test" if "test" in split.lower() else "validation"


def split_of_meta(meta: dict[str, Any]) -> str:
    """ "test" when the bundle's metrics come from a test split, else "validation": as its metrics'
    "split" says. meta.json ``test_split`` decides only when they name none: a benchmark-built bundle
    (a teacher, a student, a first stage) holds a test split and validation figures."""
    raw = meta.get("metrics")
    return split_of_figures(raw, "test" if meta.get("test_split") else "validation")


def headline_metrics(meta: dict[str, Any], version_metrics: dict[str, Any] | None = None
                     ) -> tuple[dict[str, Any], str]:
    """(metrics, split) to show for a model: the version record's, else the bundle's; only the
    values the rule above accepts. With them, when they are its run's own, meta.json's records of the images
    they are on that hold boxes accepted from a model (`ACCEPTED_KEY`, `accepted_record`) and that are canvases of
    MNIST digits a model learned (`LEARNED_DIGITS_KEY`, `learned_digits_record`): the window says both."""
    if isinstance(version_metrics, dict) and version_metrics:
        usable: dict[str, Any] = usable_metrics(version_metrics)
        basis = figures_basis(version_metrics)
        shown = usable | {BASIS_KEY: basis} if basis else usable
        return _with_records(shown, meta, version_metrics), split_of_figures(version_metrics)
    metrics = meta.get("metrics") or meta.get("test_metrics") or {}
    own = metrics is meta.get("metrics")
    if isinstance(metrics, dict) and isinstance(metrics.get("test"), dict):
        metrics = metrics["test"]
    return _with_records(usable_metrics(metrics), meta, meta.get("metrics") if own else None), split_of_meta(meta)


# meta.json's record, beside its "metrics", of the images they are on that hold boxes a person accepted
# unchanged from a model (ADR 0013; model.training_accepted.KEY, not imported: the model layer is not loaded
# at start-up). A retrained version's own figures rest on them (a fine-tune's validation images usually hold
# its parent's boxes); the status line and the Dataset panel showed the figures with no word of it, while
# `petloc models` warned. Shown beside the figures (`basis_text`), the person-drawn ones in the panel.
ACCEPTED_KEY = "metrics_accepted_boxes"


def accepted_record(meta: Any, figures: Any, problems: list[str] | None = None) -> dict[str, Any] | None:
    """meta.json's record (``meta``: its object) of the images its ``metrics`` are on that hold accepted
    boxes, when the figures shown (``figures``) are those; None when there is none, or the figures are
    others: a version kept in the window holds the retrain comparison's, whose ``basis.hedges`` say it of
    their own images. A record holding a number JSON has no form for (NaN, Infinity) is noted in
    ``problems`` and ignored, as a version's basis is."""
    if not isinstance(meta, dict) or figures != meta.get("metrics"):
        return None
    record = meta.get(ACCEPTED_KEY)
    if not isinstance(record, dict) or not image_count(record.get(COUNT_KEY)):
        return None
    return finite_record(record, ACCEPTED_KEY, problems)


def _with_records(metrics: dict[str, Any], meta: Any, figures: Any) -> dict[str, Any]:
    """``metrics`` with meta.json's records of the images its figures (``figures``, when they are its run's own) are
    on: those holding accepted boxes (`ACCEPTED_KEY`) and canvases of learned MNIST digits (`LEARNED_DIGITS_KEY`)."""
    records = {ACCEPTED_KEY: accepted_record(meta, figures), LEARNED_DIGITS_KEY: learned_digits_record(meta, figures)}
    return metrics | {key: record for key, record in records.items() if record is not None}


def with_meta_accepted(meta_file: Path, figures: dict[str, Any]) -> dict[str, Any]:
    """``figures`` (a version's record) with meta.json's record of their images that hold accepted boxes, as
    `headline_metrics` puts it with them, and its learned-digits record (Model → Versions: it showed the figures
    without the marks the status line gives). The menu is rebuilt each time it opens and a digits meta.json is
    ~1 MB: the three entries are remembered per file state (`core.file_memo`); an unreadable meta.json adds nothing."""
    try:
        meta = _ACCEPTED_PARTS.get(meta_file, _accepted_parts)
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return figures
    return _with_records(figures, meta, figures)


def _accepted_parts(path: Path) -> dict[str, Any]:
    meta = read_json_record(path)
    parts = ("metrics", ACCEPTED_KEY, LEARNED_DIGITS_KEY)
    return {key: meta.get(key) for key in parts} if isinstance(meta, dict) else {}


_ACCEPTED_PARTS: FileMemo[dict[str, Any]] = FileMemo()


def accepted_of(metrics: Any) -> dict[str, Any] | None:
    """The record `headline_metrics` put with the figures (`accepted_record`), or None."""
    record = metrics.get(ACCEPTED_KEY) if isinstance(metrics, dict) else None
    return record if isinstance(record, dict) else None


def accepted_names(record: Any) -> list[str]:
    """The models whose boxes an accepted-boxes record (`accepted_of`'s; the comparison's ``accepted_boxes``)
    counts, the ones its warning names: what a display sets apart in it (`core.text.names_set_apart`). A record
    read back from disk may hold anything: none is taken from what is not a mapping of names."""
    counts = record.get("from") if isinstance(record, dict) else None
    return [name for name in counts if isinstance(name, str)] if isinstance(counts, dict) else []


# The mark in short, where a line has no room for the sentence (the status line: "15/16 accepted", the
# sentence in its tooltip): both built here, from the record (`accepted_caution`).
ACCEPTED_WORDS = "boxes accepted from a model"
ACCEPTED_SHORT = "accepted"


def accepted_caution(metrics: Any) -> Caution | None:
    """How many of the images the figures are on hold a box a person accepted unchanged from a model
    (`accepted_of`): "15 of 16 hold boxes accepted from a model", in short "15/16 accepted" ("all 5 hold ...",
    "5/5 accepted"; "3 of them hold ...", "3 accepted"); None when none is recorded."""
    record = accepted_of(metrics)
    n = image_count(record.get(COUNT_KEY)) if record else None
    if not n:
        return None
    scored = image_count(record.get("n_scored")) if record else None
    which = f"all {n}" if scored == n else f"{n} of {scored}" if scored else f"{n} of them"
    short = f"{n}/{scored} {ACCEPTED_SHORT}" if scored else f"{n} {ACCEPTED_SHORT}"
    return Caution(f"{which} {'holds' if n == 1 and scored == 1 else 'hold'} {ACCEPTED_WORDS}", short)


# A retrained version's figures are the comparison's (model.train_worker.version_figures): with them,
# what they rest on. With the current model's training images left out they are on a subset of the
# report part, and the comparison may hedge them (MNIST digits the new model learned, photos that chose
# its carried second stage; never notes on the current model's figures alone); the status line and
# Versions said "on N validation images" all the same.
BASIS_KEY = "basis"


def figures_basis(metrics: Any) -> dict[str, Any] | None:
    """The ``basis`` recorded with a version's figures, if any."""
    basis = metrics.get(BASIS_KEY) if isinstance(metrics, dict) else None
    return basis if isinstance(basis, dict) else None


# Figures on fewer images than the Retraining window gives a verdict on (`core.paired_stats.MIN_IMAGES`):
# Versions listed 1.000 on 2 validation images beside 0.983 on 1000 test images alike. Said after the count
# wherever figures are shown (`metrics_text`: the status bar, the Dataset panel, Versions; `petloc models`
# through `basis_text`).
TOO_FEW_MARK = "too few images to tell models apart"
TOO_FEW_SHORT = "too few to compare"
# A version's figures the comparison hedged (``basis.hedges``), said in the user's words: the record's file and
# key name meant nothing in the status bar, the Dataset panel and Versions.
HEDGED_MARK = "somewhat optimistic"
HEDGED_SHORT = "optimistic"
HEDGED_WHERE = "as recorded when the version was kept"


def too_few_text(metrics: Any) -> str:
    """`TOO_FEW_MARK` when figures were measured on some images, but fewer than `MIN_IMAGES`; else ""."""
    n = image_count(metrics.get(COUNT_KEY)) if isinstance(metrics, dict) else None
    return TOO_FEW_MARK if n is not None and 0 < n < MIN_IMAGES else ""


def cautions(metrics: Any) -> list[Caution]:
    """What figures rest on, said after their image count, each in full and in short (`Caution`): for a
    version, the images they are on of its validation images ("of 20, images neither model trained on", "of
    20") and the comparison's hedges ("somewhat optimistic: 2 notes say so, as recorded when the version was
    kept", "optimistic"); for a run's own figures, `accepted_caution` and the learned MNIST digits its images hold
    (`learned_digits_said.learned_caution`: the record's sentences, "optimistic"); for any figures on fewer than
    `MIN_IMAGES` images, `TOO_FEW_MARK` (last). The one place they are worded: the sentence (`basis_text`) and
    every short form (`figures_short`) are these."""
    said = []
    basis = figures_basis(metrics)
    if basis is not None:
        n = image_count(metrics.get(COUNT_KEY))
        n_validation = image_count(basis.get("n_validation"))
        images = basis.get("images")
        if n is not None and n_validation is not None and n < n_validation:
            among = f"of {n_validation}"
            said.append(Caution(among + (f", {images}" if isinstance(images, str) and images else ""), among,
                                in_count=True))
        hedges = basis.get("hedges")
        if isinstance(hedges, list) and hedges:
            notes = "1 note says" if len(hedges) == 1 else f"{len(hedges)} notes say"
            said.append(Caution(f"{HEDGED_MARK}: {notes} so, {HEDGED_WHERE}", HEDGED_SHORT))
    if accepted := accepted_caution(metrics):
        said.append(accepted)
    if learned := learned_caution(metrics):
        said.append(learned)
    if too_few_text(metrics):
        said.append(Caution(TOO_FEW_MARK, TOO_FEW_SHORT))
    return said


def basis_text(metrics: Any) -> str:
    """`cautions`' sentences, `BASIS_JOIN`ed: "of 20, images neither model trained on; somewhat optimistic: 2
    notes say so, as recorded when the version was kept"; "" when none applies."""
    return BASIS_JOIN.join(caution.long for caution in cautions(metrics))


def chose_epoch(*records: Any) -> bool | None:
    """Whether recorded figures are on validation images that also chose the epoch: a run with a
    single validation image has no others (its meta.json "metrics" "split" starts "selection set",
    model.training.SELECTION_ONLY); None when no record says. The first record that says decides."""
    for record in records:
        split = record.get("split") if isinstance(record, dict) else None
        if isinstance(split, str) and split:
            return split.startswith(SELECTION_SPLIT)
    return None


def shown_split(split: str, *records: Any) -> str:
    """The split to name beside figures: "selection-set" for validation figures on the images that
    chose the epoch (``chose_epoch(*records)``), else ``split`` ("test", "validation")."""
    return "selection-set" if split != "test" and chose_epoch(*records) else split


def not_measured(metrics: Any) -> bool:
    """The record says its figures were measured on no image (a run with too few images to hold any
    out for validation records ``n_images`` 0): there are none, whatever else it holds."""
    return isinstance(metrics, dict) and image_count(metrics.get(COUNT_KEY)) == 0


def held_out_count(meta: Any) -> int | None:
    """How many validation images the run of ``meta`` (a meta.json) held out: its ``validation_parts``
    (selection and report), else its ``validation_split`` images; None when it records neither."""
    if not isinstance(meta, dict):
        return None
    parts = meta.get("validation_parts")
    if isinstance(parts, dict) and isinstance(parts.get("selection"), list) and isinstance(parts.get("report"), list):
        return len(parts["selection"]) + len(parts["report"])
    validation = meta.get("validation_split")
    images = validation.get("images") if isinstance(validation, dict) else None
    return len(images) if isinstance(images, list) else None


def unmeasured_text(split: str, held_out: int | None) -> str:
    """Why figures recorded on no image were not measured: none held out (too few images), none of
    the ``held_out`` ones could be read, or, when the run's record does not say, either."""
    if held_out == 0:
        return f"no {split} images"
    if held_out is not None:
        return f"none of its {counted(held_out, f'{split} image')} could be read"
    return f"no {split} images held out, or none readable"


def metrics_text(metrics: dict[str, Any], split: str, held_out: int | None = None) -> str:
    """ "acc 0.985 · IoU 0.812 on 48 test images"; "no validation images: figures not measured" for a
    run that held none out (it read "0 validation images", as if measured), "none of its 3 validation
    images could be read: ..." for one whose validation images could not be read (``held_out``:
    `held_out_count` of its meta.json; either, when not given); "" with no figures. What the figures rest
    on follows the count (`basis_text`: a version's basis, and `TOO_FEW_MARK` on fewer than `MIN_IMAGES`)."""
    if not_measured(metrics):
        return f"{unmeasured_text(split, held_out)}: figures not measured"
    said = figures_said(metrics, split)
    return said.text() if said is not None else ""


def figures_said(metrics: dict[str, Any], split: str) -> FiguresSaid | None:
    """`metrics_text`'s figures in their parts, each caution with its short form (`cautions`); None when there
    are none, or they were measured on no image."""
    if not_measured(metrics):
        return None
    values = [(short, figure(metrics.get(key, metrics.get(f"val_{key}")))) for key, short in HEADLINE]
    shown = [f"{short} {value:.3f}" for short, value in values if value is not None]
    if not shown:
        return None
    return FiguresSaid(SEPARATOR.join(shown), image_count(metrics.get(COUNT_KEY)), split, tuple(cautions(metrics)))
