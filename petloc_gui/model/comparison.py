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
from typing import TYPE_CHECKING, Any

from petloc_gui.core.epoch_choice import refiner_choosers
from petloc_gui.core.metrics import evaluate_objects
from petloc_gui.core.text import counted, first_of, visible
from petloc_gui.core.unscored_classes import classes_not_scored, not_scored_sentence
from petloc_gui.model.bundle import load_bundle, read_meta
from petloc_gui.model.class_renames import (
    as_renamed,
    renamed_in,
    renamed_sentence,
    renames_known_to,
    unknown_class_hedge,
)
from petloc_gui.model.comparison_accepted import accepted_in, add_person_figures
from petloc_gui.model.comparison_class_blind import image_result, paired_class_blind
from petloc_gui.model.comparison_digits import BOTH_MODELS, digits_hedges
from petloc_gui.model.comparison_since_run import changed_since_run, replaced_since_run, since_run_sentences
from petloc_gui.model.data import collect_samples
from petloc_gui.model.training_record import (
    UNKNOWN,
    Lineage,
    TrainingRecord,
    ancestors_of,
    image_hashes,
    parent_chain,
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
    samples: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """Score the current model and the new one on the same validation images.

    ``val_relpaths`` are images the new model neither trained on nor chose
    its epoch with; ``selection_only`` says they did choose it (there were
    no others), and the note says so. Returns ``{"n_images", "n_validation", "basis", "old_model",
    "old", "new", "old_trained_on", "note", "images", "hedges", "new_hedges", "accepted_boxes", "person_drawn",
    "all"?}``: ``old``/``new`` are
    scored on the ``n_images`` images neither model trained on when the
    current model's record is known (``old_trained_on`` counts the others),
    else on every validation image (``old_trained_on`` is None). ``all``
    holds the figures on every validation image when that differs. ``check``
    is called between the two models (it raises to cancel). ``images``: the
    relpaths ``old``/``new`` are on; ``hedges``: why figures on them may flatter a model (either);
    ``new_hedges``: those of them that are about the new model's figures. Both models are scored on the
    boxes the run read (``samples``: `training.TrainedRun.validation`, those its meta.json metrics are on):
    ``changed_since_run`` lists the images whose annotation was saved otherwise since (not in these figures),
    ``left_out_since_run`` those of ``val_relpaths`` whose file is gone or other bytes since (the run's boxes
    may not fit it); without ``samples``, on the annotations saved now, and ``changed_since_run`` lists the
    images whose bytes or annotation the run read otherwise (its meta.json ``images``). The note names both
    (`model.comparison_since_run`). ``paired``: both models image by image on the
    ``images`` (`core.paired_stats.paired_comparison`: counts, tests, whether they tell a difference; the
    boxes compared class-blind, `model.comparison_class_blind`);
    None when the current model has no figures. ``accepted_boxes`` / ``person_drawn``: the images holding
    boxes accepted unchanged from a model and both models' figures on the others (`model.comparison_accepted`;
    None when there are none; ``person_drawn["old"]`` None when the current model could not be scored).
    ``unreadable``: the validation images the new model could not read (in no count here; named in the note).
    """
    run_boxes = samples is not None
    # read as `petloc train` reads a folder (`collect_samples`' ``image_sizes``): boxes on each image's size
    read = samples if samples is not None else collect_samples(data, label)[0]
    by_relpath = {s.relpath: s for s in read}
    chosen = [by_relpath[r] for r in val_relpaths if r in by_relpath]
    left_out = [r for r in val_relpaths if r not in by_relpath]  # the run's, unusable since it read them
    new_meta = _meta(str(new_bundle))
    hashes = image_hashes({s.relpath: s.image_path for s in chosen})
    if run_boxes:  # a file gone or replaced since: the run's boxes may not fit it
        gone = replaced_since_run(new_meta, chosen, hashes)
        chosen, left_out = [s for s in chosen if s.relpath not in gone], [*left_out, *gone]
    result: dict[str, Any] = {"n_images": len(chosen), "n_validation": len(chosen), "old_model": old_model,
                              "old": None, "new": None, "old_trained_on": None, "left_out_since_run": left_out,
                              "paired": None, "accepted_boxes": None, "person_drawn": None}
    if not chosen:
        result["note"] = " ".join(["No validation images: the models could not be compared.",
                                   *since_run_sentences([], left_out, run_boxes)])
        return result
    # meta.json read once (the bundled digits model's is ~1 MB); a legacy record re-reads its data folder: once
    old_meta = _meta(old_model) if old_model else None
    record = (record_from_meta(old_meta) if old_meta is not None else UNKNOWN) if old_model else None
    chain = parent_chain(old_meta, old_model) if old_meta is not None else None  # once (ancestors, accepted boxes)
    ancestors = ancestors_of(old_meta, chain) if old_meta is not None else None
    seen = trained_by_old(record, chosen, ancestors, hashes)
    fair = [s for s in chosen if s.relpath not in seen] if seen is not None else chosen
    # The fair subset is scored apart only when it differs from the whole and is not empty.
    subset = {s.relpath for s in fair} if seen and fair else None
    renamed = renames_known_to(old_meta, renamed_in(new_meta)) if fine_tuned else {}  # old names count as new
    new_scores = score_model(new_bundle, chosen, subset)
    # an image whose header reads but whose pixels do not has no figure: it is in no count, and said
    per_image = new_scores.get("per_image")
    result["unreadable"] = unread = sorted(s.relpath for s in chosen if s.relpath not in per_image) \
        if isinstance(per_image, dict) else []
    if unread:
        chosen, fair = [s for s in chosen if s.relpath not in unread], [s for s in fair if s.relpath not in unread]
        seen = None if seen is None else seen - set(unread)
        subset = {s.relpath for s in fair} if seen and fair else None  # scored: within the subset asked for
    result.update(n_images=len(fair) if fair else len(chosen), n_validation=len(chosen),
                  old_trained_on=None if seen is None else len(seen))
    scored_on = fair or chosen  # the images the headline figures are on
    # both models are scored on the same boxes: those the run read, or (no ``samples``) those saved now
    result["changed_since_run"] = changed_since_run(new_meta, chosen, hashes)
    since_run = since_run_sentences(result["changed_since_run"], left_out, run_boxes)
    if not chosen:  # every one unreadable: no figures (not figures on no image)
        which = _unread_text(unread)
        none = f"None of the {which} could" if len(unread) > 1 else f"The {which} could not"
        result["note"] = " ".join([f"{none} be read: the models could not be compared.", *since_run])
        return result
    if unread:  # the counts of the note and the hedges are of the others
        it = "it is" if len(unread) == 1 else "they are"
        since_run.append(f"{_unread_text(unread, 'more ')} could not be read, so {it} left out.")
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
    hedges += digits_hedges(old_meta, ancestors, new_meta, scored_on, hashes, fine_tuned)
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
    accepted = accepted_in(scored_on, old_meta, old_model, chain=chain)  # boxes accepted from a model (ADR 0013)
    hedges += accepted.hedges
    if hedges:  # then not "a fair comparison"
        result["note"] = " ".join([result["note"].replace("A fair comparison: both", "Both", 1),
                                   *(text for text, _ in hedges)])
    if renamed:  # the same class under its new name: fair, but said
        result["note"] += " " + renamed_sentence(renamed)
    result["classes_not_scored"], result["new_classes"] = _classes_not_scored(new_meta, old_meta, renamed, scored_on)
    # kept apart too: a folder's first model is shown without the note, never without this
    result["classes_not_scored_note"] = unscored = not_scored_sentence(
        result["classes_not_scored"], len(scored_on), len(_class_names(new_meta)), result["new_classes"],
        "either model" if old_model else "the new model")
    rests_on = [text for text in (unscored, *since_run) if text]  # what the figures rest on: in every note
    result["new_split"] = (SELECTION_NOTE if selection_only else
                           REFINER_NOTE if new_chose and new_chose == len(scored_on) else REPORT_NOTE)
    result["note"] = " ".join([result["note"], *rests_on, result["new_split"]])
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
            # the current model has no figures here: a note on both models' is about the new one's alone, and
            # the accepted boxes' is said of the figures there are (`accepted.unscored_hedges`)
            hedges = [*(h for h in hedges if h not in accepted.hedges), *accepted.unscored_hedges]
            new_only = [text.replace(BOTH_MODELS, "the new model's figures") for text, about_new in hedges if about_new]
            result["note"] = " ".join([f"The current model could not be scored on these images ({why}).",
                                       *new_only, *rests_on, result["new_split"]])
            result["hedges"] = result["new_hedges"] = new_only + split_hedge
            # the new model's figures on the person-drawn images still mean something
            add_person_figures(result, accepted, new_bundle, None, renamed)
            return result
        result["old"] = _pick(old_scores, subset)
        if subset is not None:
            result["all"]["old"] = _without_subset(old_scores)
        # image by image on the headline images: what the differences are worth (the window's verdict); the
        # classes by the classes alone, the boxes class-blind (a class fixed is not a box that fits better)
        result["paired"] = paired_class_blind(old_scores.get("per_image"), new_scores.get("per_image"),
                                              result["images"])
    add_person_figures(result, accepted, new_bundle, old_model, renamed)  # beside the figures on every image
    return result


REPORT_NOTE = "None of these images chose the new model's epoch (validation report part)."
SELECTION_NOTE = ("These images also chose the new model's epoch (a selection set: there were no other "
                  "validation images), so its figures are somewhat optimistic.")

REFINER_NOTE = ("These images chose the new model's second stage's epoch and variant (carried from the model it "
                "was fine-tuned from, which chose them on these images), so its figures are somewhat optimistic.")


def _unread_text(unread: Sequence[str], more: str = "") -> str:
    """"2 more validation images (a.png, b.png)": those that could not be read, named."""
    return f"{counted(len(unread), more + 'validation image')} ({first_of([visible(r) for r in unread], 3)})"


def _class_names(meta: dict[str, Any] | None) -> list[str]:
    names = meta.get("class_names") if isinstance(meta, dict) else None
    return [str(n) for n in names] if isinstance(names, list) else []


def _classes_not_scored(new_meta: dict[str, Any] | None, old_meta: dict[str, Any] | None, renamed: dict[str, str],
                        samples: list[Any]) -> tuple[list[str], list[str]]:
    """(the new model's classes that none of ``samples`` is of, those of them the current model lacks
    (just added; a class ``renamed`` from one of its own is none): the figures say nothing of them."""
    missing = classes_not_scored(_class_names(new_meta), ({lb for lb, _ in s.ground_truth} for s in samples))
    old = set(_class_names(old_meta)) | set(renamed)
    return missing, [name for name in missing if old and name not in old]


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
    bundled pets model's refiner chose on all its validation photos, its report part's too). An image is
    one of them by its bytes (meta.json ``images`` sha256: renamed since, it still chose), or by its path
    where no hash is recorded, as the splits match a parent's images."""
    parts = meta.get("validation_parts")
    selection = set(parts.get("selection") or []) if isinstance(parts, dict) else set()
    refiner = refiner_choosers(meta) or set()
    images = meta.get("images")
    recorded: dict[str, Any] = images if isinstance(images, dict) else {}

    def digest(relpath: str) -> str | None:
        entry = recorded.get(relpath)
        found = entry.get("sha256") if isinstance(entry, dict) else None
        return found if isinstance(found, str) else None

    def chose(sample: Any, chose_on: set[str], their_bytes: set[str | None]) -> bool:
        if hashes.get(sample.relpath) in their_bytes - {None}:
            return True
        # by path only where its bytes were not recorded: the same name can be another photo
        return sample.relpath in chose_on and digest(sample.relpath) is None

    by_bytes = [{digest(relpath) for relpath in part} for part in (selection, refiner)]
    epoch = {s.relpath for s in samples if chose(s, selection, by_bytes[0])}
    return len(epoch), sum(chose(s, refiner, by_bytes[1]) for s in samples if s.relpath not in epoch)


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
    predictions of an old name count as its new name. ``"per_image"``: ``{relpath: [class right, IoU,
    class-blind IoU]}`` (IoU by the best-gt rule), for the paired comparison (`model.comparison_class_blind`).
    """
    bundle, kept = predictions_on(spec, samples)
    if renamed:
        kept = [(s, replace(p, label=as_renamed(p.label, renamed))) for s, p in kept]
    names = sorted(set(bundle.class_names) | {label for s, _ in kept for label, _ in s.ground_truth})
    scores = _metrics(kept, names)
    scores["per_image"] = {s.relpath: image_result(s.ground_truth, p.label, p.box) for s, p in kept}
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
    """The figures on every image: neither those on the subset nor the per-image results."""
    return {key: value for key, value in scores.items() if key not in ("subset", "per_image")}
