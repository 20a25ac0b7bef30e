"""Old model vs new model on the same validation images (run in the training child).

Both are scored through the inference path on the original image files,
with per-image metrics over every object of a photo (core.metrics, best-gt,
as `petloc evaluate`). Which of those images the old model
trained on is looked up in its training record (``model.training_record``:
recorded paths and image hashes, so a renamed copy is recognised); the
headline figures are on the images neither model trained on, and say how
many those are. When the old model's record is unknown, that is said, never
guessed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from petloc_gui.core.epoch_choice import refiner_choosers
from petloc_gui.core.metrics import evaluate_objects
from petloc_gui.core.text import counted
from petloc_gui.model.bundle import load_bundle, read_meta
from petloc_gui.model.class_renames import (
    as_renamed,
    renamed_in,
    renamed_sentence,
    renames_known_to,
    unknown_class_hedge,
)
from petloc_gui.model.data import collect_samples
from petloc_gui.model.training_record import (
    UNKNOWN,
    Lineage,
    TrainingRecord,
    ancestors_of,
    image_hashes,
    record_from_meta,
)

if TYPE_CHECKING:
    from petloc_gui.model.bundle import LoadedBundle
    from petloc_gui.model.inference import Prediction


def compare_models(
    data: str | os.PathLike[str],
    label: str,
    new_bundle: Path,
    val_relpaths: list[str],
    *,
    old_model: str | None,
    fine_tuned: bool,
    check: Callable[[], None] = lambda: None,
    selection_only: bool = False,
) -> dict[str, Any]:
    """Score the current model and the new one on the same validation images.

    ``val_relpaths`` are images the new model neither trained on nor chose
    its epoch with; ``selection_only`` says they did choose it (there were
    no others), and the note says so. Returns ``{"n_images", "n_validation", "basis", "old_model",
    "old", "new", "old_trained_on", "note", "images", "hedges", "new_hedges", "all"?}``: ``old``/``new`` are
    scored on the ``n_images`` images neither model trained on when the
    current model's record is known (``old_trained_on`` counts the others),
    else on every validation image (``old_trained_on`` is None). ``all``
    holds the figures on every validation image when that differs. ``check``
    is called between the two models (it raises to cancel). ``images``: the
    relpaths ``old``/``new`` are on; ``hedges``: why figures on them may flatter a model (either);
    ``new_hedges``: those of them that are about the new model's figures.
    """
    samples, _, _ = collect_samples(data, label)
    by_relpath = {s.relpath: s for s in samples}
    chosen = [by_relpath[r] for r in val_relpaths if r in by_relpath]
    result: dict[str, Any] = {"n_images": len(chosen), "n_validation": len(chosen), "old_model": old_model,
                              "old": None, "new": None, "old_trained_on": None}
    if not chosen:
        result["note"] = "No validation images: the models could not be compared."
        return result
    # meta.json read once (the bundled digits model's is ~1 MB); a legacy record re-reads its data folder: once
    old_meta = _meta(old_model) if old_model else None
    record = (record_from_meta(old_meta) if old_meta is not None else UNKNOWN) if old_model else None
    ancestors = ancestors_of(old_meta) if old_meta is not None else None
    hashes = image_hashes({s.relpath: s.image_path for s in chosen})
    seen = trained_by_old(record, chosen, ancestors, hashes)
    fair = [s for s in chosen if s.relpath not in seen] if seen is not None else chosen
    # The fair subset is scored apart only when it differs from the whole and is not empty.
    subset = {s.relpath for s in fair} if seen and fair else None
    result.update(n_images=len(fair) if fair else len(chosen), old_trained_on=None if seen is None else len(seen))
    scored_on = fair or chosen  # the images the headline figures are on
    new_meta = _meta(str(new_bundle))
    renamed = renames_known_to(old_meta, renamed_in(new_meta)) if fine_tuned else {}  # old names count as new
    new_scores = score_model(new_bundle, chosen, subset)
    result["new"] = _pick(new_scores, subset)
    if subset is not None:
        result["all"] = {"n_images": len(chosen), "new": _without_subset(new_scores), "old": None}
    check()
    result["basis"], result["note"] = _describe(old_model, record.source if record else "", len(chosen), seen,
                                                len(fair), fine_tuned)
    # (sentence, whether it is about the new model's figures): the note says all; the version keeps its own
    hedges: list[tuple[str, bool]] = []
    if old_meta is not None:  # a fine-tune keeps its parent's validation images: some chose the parent's epoch
        chose_old = _chose_old(old_meta, scored_on, hashes)
        hedges += [(text, False) for text in _chose_old_hedge(*chose_old)]
    hedges += _digits_hedges(old_meta, ancestors, new_meta, scored_on, hashes, fine_tuned)
    new_chose = _chose_new_refiner(new_meta, scored_on)
    if 0 < new_chose < len(scored_on):
        hedges.append((f"{new_chose} of them chose the new model's second stage's epoch and variant (carried from "
                       "the model it was fine-tuned from), so its figures on them are somewhat optimistic.", True))
    if ancestors is not None and not ancestors.complete and seen is not None:
        # a model it was fine-tuned from cannot be read (deleted): images that one trained on are not known
        whose = BOTH_MODELS if fine_tuned else "the current model's figures"  # the new one learned
        hedges.append((f"The records of the models it was fine-tuned from are incomplete "  # them only if tuned
                       f"({ancestors.why_incomplete}): images they trained on cannot be recognised, so {whose} "
                       "may be optimistic.", fine_tuned))
        result["note"] = result["note"].replace("and neither trained on", "and neither is known to have trained on")
    if old_meta is not None and isinstance(old_meta.get("class_names"), list):  # classes it cannot predict
        unknown = unknown_class_hedge(old_meta["class_names"], renamed, [{lb for lb, _ in s.ground_truth}
                                                                         for s in scored_on])
        hedges += [(unknown, False)] if unknown else []
    if hedges:  # then not "a fair comparison"
        result["note"] = " ".join([result["note"].replace("A fair comparison: both", "Both", 1),
                                   *(text for text, _ in hedges)])
    if renamed:  # the same class under its new name: fair, but said
        result["note"] += " " + renamed_sentence(renamed)
    result["new_split"] = (SELECTION_NOTE if selection_only else
                           REFINER_NOTE if new_chose and new_chose == len(scored_on) else REPORT_NOTE)
    result["note"] += " " + result["new_split"]
    # what the figures rest on, kept with them as the version's (train_worker): which images, and the hedges
    # (``hedges``: every note's; ``new_hedges``: those about the new model's figures, the version's own)
    result["images"] = sorted(s.relpath for s in scored_on)
    split_hedge = [result["new_split"]] if result["new_split"] != REPORT_NOTE else []
    result["hedges"] = [text for text, _ in hedges] + split_hedge
    result["new_hedges"] = [text for text, about_new in hedges if about_new] + split_hedge
    if old_model:  # what the new model's figures rest on is worked out above: kept when this one fails
        try:
            old_scores = score_model(old_model, chosen, subset, renamed)
        except Exception as exc:  # noqa: BLE001 - the new model is still worth showing
            why = str(exc) or type(exc).__name__  # an exception with no message still says what it was
            print(f"petloc: could not score the current model: {why}", file=sys.stderr)
            # the current model has no figures here: a note on both models' is about the new one's alone
            new_only = [text.replace(BOTH_MODELS, "the new model's figures") for text, about_new in hedges if about_new]
            result["note"] = " ".join([f"The current model could not be scored on these images ({why}).",
                                       *new_only, result["new_split"]])
            result["hedges"] = result["new_hedges"] = new_only + split_hedge
            return result
        result["old"] = _pick(old_scores, subset)
        if subset is not None:
            result["all"]["old"] = _without_subset(old_scores)
    return result


BOTH_MODELS = "both models' figures"  # a fine-tune inherits what the current model learned, and its hedges

REPORT_NOTE = "None of these images chose the new model's epoch (validation report part)."
SELECTION_NOTE = ("These images also chose the new model's epoch (a selection set: there were no other "
                  "validation images), so its figures are somewhat optimistic.")

REFINER_NOTE = ("These images chose the new model's second stage's epoch and variant (carried from the model it "
                "was fine-tuned from, which chose them on these images), so its figures are somewhat optimistic.")


def _chose_new_refiner(meta: dict[str, Any] | None, samples: list[Any]) -> int:
    """How many of ``samples`` chose the new model's second stage (`core.epoch_choice.refiner_choosers`)."""
    choosers = refiner_choosers(meta) if meta is not None else None
    return sum(s.relpath in choosers for s in samples) if choosers else 0


def trained_by_old(record: TrainingRecord | None, chosen: list[Any], ancestors: Lineage | None,
                   hashes: dict[str, str | None]) -> set[str] | None:
    """Relpaths of ``chosen`` that the old model trained on (by its ``record``; None: no old model),
    or whose bytes a model it was fine-tuned from trained on (``ancestors``); None when unknown.
    ``hashes``: each image's sha256 by relpath (read once for all the comparison's checks)."""
    if record is None:
        return set()
    if not record.known:
        return None
    return {s.relpath for s in chosen if record.trained_on(s.relpath, hashes[s.relpath])
            or (ancestors is not None and ancestors.match(s.relpath, hashes[s.relpath]) == "content")}


def _chose_old(meta: dict[str, Any], samples: list[Any], hashes: dict[str, str | None]) -> tuple[int, int]:
    """How many of ``samples`` chose the old model's epoch (its ``meta`` validation_parts.selection), and
    how many others its second stage's epoch and variant (`core.epoch_choice.refiner_choosers`: the
    bundled pets model's refiner chose on all its validation photos, its report part's too)."""
    parts = meta.get("validation_parts")
    selection = set(parts.get("selection") or []) if isinstance(parts, dict) else set()
    refiner = refiner_choosers(meta) or set()
    images = meta.get("images")
    recorded: dict[str, Any] = images if isinstance(images, dict) else {}

    def chose(sample: Any, chose_on: set[str]) -> bool:  # by path, and by bytes where recorded: the same
        if sample.relpath not in chose_on:  # name can be another photo
            return False
        entry = recorded.get(sample.relpath)
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        return digest is None or digest == hashes.get(sample.relpath)

    epoch = {s.relpath for s in samples if chose(s, selection)}
    return len(epoch), sum(chose(s, refiner) for s in samples if s.relpath not in epoch)


def _chose_old_hedge(epoch: int, refiner: int) -> list[str]:
    """The note on the photos that chose the current model's epoch (``epoch`` of them) or, of the others,
    its second stage's epoch and variant (``refiner``), as `petloc evaluate` names the two apart."""
    epoch_text = "chose the current model's epoch (its validation selection part)"
    if epoch and refiner:
        chose = f"{epoch} of them {epoch_text} and {counted(refiner, 'other')} its second stage's epoch and variant"
    elif epoch:
        chose = f"{epoch} of them {epoch_text}"
    elif refiner:
        chose = f"{refiner} of them chose the current model's second stage's epoch and variant"
    else:
        return []
    return [f"{chose}, so its figures on them are somewhat optimistic."]


def _digits_hedges(old_meta: dict[str, Any] | None, ancestors: Lineage | None, new_meta: dict[str, Any] | None,
                   samples: list[Any], hashes: dict[str, str | None], fine_tuned: bool) -> list[tuple[str, bool]]:
    """What the comparison must say of ``samples`` that are canvases of MNIST digits a model learned on
    other canvases (their bytes are no training image's: `petloc digits` places each digit anew), by
    their folder's `petloc digits` record: the current model's (of ``old_meta``, or of a model it was
    fine-tuned from: ``ancestors``), then the new model's own (its meta.json, ``new_meta``): the same
    digits are on the canvases of every `--seed`, so a folder of two such subfolders trains the new
    model on a digit in one and validates it on the same digit in the other. Canvases whose record
    cannot tell their digit (`_untold_hedge`) may hold learned digits: said too, never taken for held-out
    ones. Each with whether it is about the new model's figures (the current model's digits are when it
    was fine-tuned from it)."""
    from petloc_gui.core.digits_record import learned_digits, united

    hedges: list[tuple[str, bool]] = []
    old_digits = united(learned_digits(old_meta), ancestors.digits if ancestors else {}) if old_meta else {}
    new_digits = learned_digits(new_meta) if new_meta is not None else {}
    # the records read once for both models (each canvas's digit, or why its record cannot tell)
    found = _canvas_digits_of(samples, hashes) if old_digits or new_digits else None
    old = _digit_canvases(old_digits, found)
    whose = BOTH_MODELS if fine_tuned else "the current model's figures"
    if old.learned:  # `petloc digits --split train`: the digits the bundled digits model learned, on new canvases
        hedges.append((_digits_hedge(list(old.learned.values()), "the current model", whose, old_digits), fine_tuned))
    if old.untold:
        hedges.append((_untold_hedge(old.untold, "the current model", whose), fine_tuned))
    new = _digit_canvases(new_digits, found)
    if fine_tuned:  # its parent's digits are its own too: said above, for both models
        new = _DigitCanvases({r: split for r, split in new.learned.items() if r not in old.learned},
                             {r: why for r, why in new.untold.items() if r not in old.untold})
    if new.learned:
        hedges.append((_digits_hedge(list(new.learned.values()), "the new model", "the new model's figures",
                                     new_digits), True))
    if new.untold:
        hedges.append((_untold_hedge(new.untold, "the new model", "the new model's figures"), True))
    return hedges


class _DigitCanvases(NamedTuple):
    """`_digit_canvases`' answer."""

    learned: dict[str, str]  # relpath -> petloc digits split: canvases of a learned digit
    untold: dict[str, tuple[str, str]]  # relpath -> (its record, relative to the folder; why it cannot tell)


def _canvas_digits_of(samples: list[Any], hashes: dict[str, str | None]) -> Any:
    """The MNIST digit each of ``samples`` holds by its folder's record, and those whose record cannot
    tell it (it cannot be read, or its entry names no digit): `model.canvas_digits`, as training reads them."""
    from petloc_gui.model.canvas_digits import canvas_digits

    return canvas_digits((s.relpath, s.image_path, hashes.get(s.relpath)) for s in samples)


def _digit_canvases(digits: dict[str, frozenset[int] | None], found: Any) -> _DigitCanvases:
    """Those of the samples ``found`` read (`_canvas_digits_of`) that are canvases of one of ``digits``
    (`core.digits_record.learned_digits`), and those whose record cannot tell their digit: they may hold
    one of ``digits``. Nothing when ``digits`` is empty."""
    from petloc_gui.core.digits_record import learned

    if not digits or found is None:
        return _DigitCanvases({}, {})
    return _DigitCanvases({relpath: digit[0] for relpath, digit in found.digits.items() if learned(digit, digits)},
                          found.untold)


def _digits_hedge(splits: list[str], model: str, whose: str, digits: dict[str, frozenset[int] | None]) -> str:
    """"N of them hold MNIST digits that ``model`` learned on other canvases ..." (`core.digits_record.digits_hedge`,
    whose wording `petloc evaluate` shares): ``splits`` holds each such image's split."""
    from petloc_gui.core.digits_record import digits_hedge

    return digits_hedge(f"{len(splits)} of them", splits, model, whose, digits) + "."


def _untold_hedge(untold: dict[str, tuple[str, str]], model: str, whose: str, shown: int = 3) -> str:
    """"N of them are canvases whose MNIST digit their folder's petloc digits record cannot tell (RECORD:
    why): whether ``model`` learned their digits cannot be told, so ``whose`` on them may be optimistic":
    each record named with its first reason (`model.canvas_digits.untold_by_record`, the first ``shown``), as
    `petloc evaluate` warns of them."""
    from petloc_gui.core.text import visible
    from petloc_gui.model.canvas_digits import untold_by_record

    records = untold_by_record(untold.values())
    named = [f"{visible(record)}: {why}" for record, why, _ in records[:shown]]
    if len(records) > shown:
        named.append(f"and {counted(len(records) - shown, 'more record')}")
    n = len(untold)
    are, folder, digits, them = (("is a canvas", "its", "its digit", "it") if n == 1
                                 else ("are canvases", "their", "their digits", "them"))
    return (f"{n} of them {are} whose MNIST digit {folder} folder's petloc digits record cannot tell "
            f"({'; '.join(named)}): whether {model} learned {digits} cannot be told, so {whose} on {them} "
            "may be optimistic.")


def _meta(old_model: str) -> dict[str, Any] | None:
    """The old model's meta.json; None when unreadable (nothing more is known)."""
    try:
        return read_meta(old_model)
    except Exception:  # noqa: BLE001 - an unreadable meta.json: nothing more is known
        return None


def _describe(old_model: str | None, source: str, n_all: int, seen: set[str] | None, n_fair: int,
              fine_tuned: bool) -> tuple[str, str]:
    """(basis, note): which images the figures are on, in words."""
    images = counted(n_all, "validation image")  # "1 validation image" (a run of few images has one)
    if not old_model:
        return "validation images", f"The new model was scored on {images} it did not train on."
    if seen is None:
        return ("all validation images (the current model's training images are unknown)",
                f"Both models were scored on the same {images}. Whether the current model "
                f"trained on {'it' if n_all == 1 else 'any of them'} cannot be said: {source}.")
    if not seen:
        return ("images neither model trained on",
                f"A fair comparison: both models were scored on the same {images}, and neither "
                f"trained on {'it' if n_all == 1 else 'any of them'} (the current model's record: {source}).")
    inherited = " The new model was fine-tuned from it, so it shares that advantage." if fine_tuned else ""
    if not n_fair:
        every = "The validation image was" if n_all == 1 else f"All {n_all} validation images were"
        return ("validation images the current model trained on",
                f"{every} in the current model's training data ({source}), so its "
                f"figures are optimistic and no fair comparison is possible.{inherited}")
    others = f"the other {len(seen)} {'was' if len(seen) == 1 else 'were'}"
    return ("images neither model trained on",
            f"Both models were scored on the {n_fair} of the {n_all} validation images that neither trained on; "
            f"{others} in the current model's training data ({source}).{inherited}")


def _pick(scores: dict[str, Any], subset: set[str] | None) -> dict[str, Any]:
    return scores["subset"] if subset is not None else _without_subset(scores)


def score_model(spec: str | Path, samples: list[Any], subset: set[str] | None = None,
                renamed: dict[str, str] | None = None) -> dict[str, Any]:
    """Accuracy, mean IoU and IoU>=0.5/0.75 of one model on (image, box, label) samples.

    With ``subset`` (relative paths), the same predictions are also scored on
    those images alone, under the key ``"subset"``. ``renamed`` (``{new name: old name}``): the model's
    predictions of an old name count as its new name.
    """
    bundle, kept = predictions_on(spec, samples)
    if renamed:
        kept = [(s, replace(p, label=as_renamed(p.label, renamed))) for s, p in kept]
    names = sorted(set(bundle.class_names) | {label for s, _ in kept for label, _ in s.ground_truth})
    scores = _metrics(kept, names)
    if subset:
        scores["subset"] = _metrics([(s, p) for s, p in kept if s.relpath in subset], names)
    return scores


def predictions_on(spec: str | Path, samples: Sequence[Any]) -> tuple[LoadedBundle, list[tuple[Any, Prediction]]]:
    """The bundle ``spec`` and its prediction of each of ``samples``' images, paired with its sample,
    through both stages as `petloc predict` runs it, but on the plain Keras runner: no TFLite
    conversion just to score a few dozen images. An image that cannot be predicted is left out.
    The comparison (`score_model`) and a carried refiner's rescore (`carried_refiner`) both score
    what this returns, so their figures of one model on one image are the same."""
    from petloc_gui.model.inference import Predictor, function_runner  # TensorFlow

    bundle = load_bundle(spec)
    predictor = Predictor(bundle, runner=function_runner(bundle.model))
    predictions = predictor.predict_paths([s.image_path for s in samples])
    return bundle, [(s, p) for s, p in zip(samples, predictions, strict=True) if not isinstance(p, Exception)]


def figures_of(kept: Sequence[tuple[Any, Prediction]], names: Sequence[str]) -> dict[str, Any]:
    """Every figure of (sample, prediction) pairs (`predictions_on`), each prediction matched to its photo's
    objects by the best-gt rule (`data.Sample.ground_truth`), as `petloc evaluate` scores them."""
    return evaluate_objects([s.ground_truth for s, _ in kept], [p.label for _, p in kept],
                            [p.box for _, p in kept], list(names))


def _metrics(kept: list[tuple[Any, Prediction]], names: list[str]) -> dict[str, Any]:
    """The headline figures of (sample, prediction) pairs (`figures_of`)."""
    metrics = figures_of(kept, names)
    return {key: metrics[key] for key in ("n_images", "accuracy", "mean_iou", "iou_ge_50", "iou_ge_75")}


def _without_subset(scores: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in scores.items() if key != "subset"}
