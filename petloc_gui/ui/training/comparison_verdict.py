"""The Retraining window's verdict on the new model against the current one, in words.

A verdict is given only where the evidence holds one: the comparison's paired
record (`core.paired_stats`: the McNemar test of the images only one model
classifies right; the paired sign-flip permutation test of the box-fit
changes image by image, the class aside, its bootstrap interval shown) tells
a difference, on at least `MIN_IMAGES` images. Otherwise it says that the
images are too few, or that the differences could be chance, and gives the
image-by-image counts either way, so that 1.000 against 0.711 on 2 images is
read as what it is.
No Qt: the window (`model_comparison`) shows what this returns.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from petloc_gui.core.paired_stats import BETTER, FIGURES, MIN_IMAGES, TOO_FEW, UNCLEAR, WORSE
from petloc_gui.core.text import counted

# each headline figure as a sentence names it, as the table scores it (`figures_verdict`: no paired record)
PROSE = {"accuracy": "accuracy", "mean_iou": "mean IoU", "iou_ge_50": "IoU ≥ 0.5"}
UNTESTED = ("Whether these differences are more than chance cannot be told: the image-by-image results "
            "are missing.")


def verdict(old: dict[str, Any] | None, new: dict[str, Any] | None, paired: dict[str, Any] | None = None) -> str:
    """The sentences under the table: on the paired record when there is one, else on the figures."""
    if not isinstance(new, dict):
        return ""
    if not isinstance(old, dict):
        return "Only the new model's figures are known."
    if isinstance(paired, dict) and isinstance(paired.get("evidence"), dict):
        return paired_verdict(paired)
    return figures_verdict(old, new)


def paired_verdict(paired: dict[str, Any]) -> str:
    """What the paired record tells (`core.paired_stats.paired_comparison`), then its counts: the class by
    the McNemar test, the boxes class-blind (`model.comparison_class_blind`), each sentence saying which."""
    n = int(paired.get("n_images") or 0)
    evidence = paired["evidence"]
    if n < MIN_IMAGES or TOO_FEW in evidence.values():
        needed = int(paired.get("min_images") or MIN_IMAGES)
        head = (f"Too few validation images to tell whether the new model is better or worse ({n}; a verdict "
                f"needs at least {needed}).")
        return " ".join([head, image_by_image(paired, tested=False), *table_rule_sentence(paired)])
    better, worse, unclear = ([key for key in FIGURES if evidence.get(key) == told]
                              for told in (BETTER, WORSE, UNCLEAR))
    unclear_part = f"; no clear difference on {_listed([UNCLEAR_NAMES[key] for key in unclear])}" if unclear else ""
    if better and worse:
        head = (f"Mixed: on these {n} images {_clauses(better, BETTER, first=NEW_MODELS)}, but "
                f"{_clauses(worse, WORSE)}, beyond chance; look at the images before keeping it.")
    elif better:
        head = f"The new model is better, beyond chance on these {n} images: {_clauses(better, BETTER)}{unclear_part}."
    elif worse:
        head = (f"The new model is worse than the current one, beyond chance on these {n} validation images: "
                f"{_clauses(worse, WORSE)}{unclear_part}.")
    else:
        head = (f"No clear difference between the two models on these {n} images: the differences in the table "
                "could be chance.")
    return " ".join([head, image_by_image(paired, tested=True), *table_rule_sentence(paired)])


# what a told difference is, per headline figure, with the rule it was judged by: the class by the class, the
# boxes class-blind (a class fixed is not a box that fits better, nor a box regression hidden behind one)
TOLD = {
    BETTER: {"accuracy": "{whose} classes are right on more images (accuracy)",
             "mean_iou": "{whose} boxes fit better (box fit, class aside)",
             "iou_ge_50": "more of {whose} boxes reach IoU ≥ 0.5 (box fit, class aside)"},
    WORSE: {"accuracy": "{whose} classes are wrong on more images (accuracy)",
            "mean_iou": "{whose} boxes fit worse (box fit, class aside)",
            "iou_ge_50": "fewer of {whose} boxes reach IoU ≥ 0.5 (box fit, class aside)"},
}
NEW_MODELS = "the new model's"
UNCLEAR_NAMES = {"accuracy": "accuracy", "mean_iou": "box fit (mean IoU, class aside)",
                 "iou_ge_50": "boxes at IoU ≥ 0.5 (class aside)"}


def _clauses(keys: list[str], told: str, first: str = "its") -> str:
    """"the new model's classes are right on more images (accuracy) and its boxes fit better (box fit, class
    aside)": the ``told`` difference on each of ``keys``, the first clause's owner ``first``."""
    return _listed([TOLD[told][key].format(whose=first if i == 0 else "its") for i, key in enumerate(keys)])


def image_by_image(paired: dict[str, Any], tested: bool) -> str:
    """"Image by image: the new model gets the class right on 3 images the current one gets wrong, and
    wrong on 1 it gets right. Box fit, class aside (…): the new model's box fits better on 12, worse on 6
    and the same on 2 (mean IoU change +0.021, sign-flip p 0.031, bootstrap 95% interval +0.004 to +0.040);
    it lifts 2 to IoU ≥ 0.5 and drops 1 below." ``tested``: whether the test and the interval mean anything
    (not on too few images)."""
    cls, iou, half = paired.get("class") or {}, paired.get("iou") or {}, paired.get("iou_ge_50") or {}
    text = (f"Image by image: the new model gets the class right on {counted(int(cls.get('new_only', 0)), 'image')} "
            f"the current one gets wrong, and wrong on {cls.get('old_only', 0)} it gets right. Box fit, class aside "
            "(each model's box against the annotated object it overlaps most, whatever its class): the new "
            f"model's box fits better on {iou.get('higher', 0)}, worse on {iou.get('lower', 0)} and the same on "
            f"{iou.get('same', 0)}")
    low_high, p = iou.get("interval"), iou.get("p")
    if tested and isinstance(low_high, list) and len(low_high) == 2 and _is_number(p):
        # the test's p beside its verdict: the bootstrap interval alone, clear of 0 beside "no clear
        # difference", read as a contradiction (it is too narrow on a few large changes: ADR 0010)
        text += (f" (mean IoU change {float(iou.get('mean_change', 0.0)):+.3f}, sign-flip {_p(float(p))}, "
                 f"bootstrap 95% interval {float(low_high[0]):+.3f} to {float(low_high[1]):+.3f})")
    return text + f"; it lifts {half.get('gained', 0)} to IoU ≥ 0.5 and drops {half.get('lost', 0)} below."


def _p(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p {p:.3f}"


def table_rule_sentence(paired: dict[str, Any]) -> list[str]:
    """Why the box fit and the table's mean IoU may disagree, where they do (the record's
    ``table_iou_lower``, `model.comparison_class_blind`): the table scores a box only against an object of
    its class, so a wrong class scores IoU 0 however well the box fits (on images of classes the current
    model lacks, every one of its boxes). None where neither model's table IoU is lower."""
    lower = paired.get("table_iou_lower")
    if not isinstance(lower, dict):
        return []
    old, new = (_count(lower.get(key)) for key in ("old", "new"))
    if not old and not new:
        return []
    owners = [(owner, count) for owner, count in (("current", old), ("new", new)) if count]
    # "the current model's box below its fit on 1 image and the new model's on 2 images"
    below = " and ".join(f"the {owner} model's{' box below its fit' if i == 0 else ''} on {counted(count, 'image')}"
                         for i, (owner, count) in enumerate(owners))
    return [f"The table's mean IoU and IoU ≥ 0.5 score each box only against an object of its class (IoU 0 when "
            f"there is none), so they score {below}."]


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def figures_verdict(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Without the paired record: too few images to tell (either side's count under `MIN_IMAGES`),
    else the figures compared as the table shows them, said to be untested."""
    counts = [int(m["n_images"]) for m in (old, new) if _is_number(m.get("n_images"))]
    if counts and min(counts) < MIN_IMAGES:
        return (f"Too few validation images to tell whether the new model is better or worse "
                f"({min(counts)}; a verdict needs at least {MIN_IMAGES}).")
    better, worse, same = compare_figures(old, new)
    if better and worse:  # never "better" alone while another headline figure dropped
        head = (f"Mixed: the new model is better on {_listed(better)} but worse on {_listed(worse)}; "
                "look at the images before keeping it.")
    elif better:
        head = f"The new model is better on {_listed(better)}" + (
            f" (the same on {_listed(same)} at the precision shown)." if same else ".")
    elif worse:
        head = f"The new model is worse on {_listed(worse)} than the current one on the validation images."
    elif same:
        head = "The new model is no better than the current one: the same figures at the precision shown."
    else:
        return "The two models' figures cannot be compared (some are unknown)."
    return f"{head} {UNTESTED}"


def compare_figures(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """(better, worse, the same): the headline figures of ``new`` against ``old``, compared as the table
    shows them (3 decimals): a gain too small to show is none, as the reader sees two equal cells.
    A figure unknown on either side is in none of the lists."""
    out: tuple[list[str], list[str], list[str]] = ([], [], [])
    for key in PROSE:
        if not _is_number(old.get(key)) or not _is_number(new.get(key)):
            continue
        shown_old, shown_new = (float(f"{float(figures[key]):.3f}") for figures in (old, new))
        out[0 if shown_new > shown_old else 1 if shown_new < shown_old else 2].append(PROSE[key])
    return out


def _is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # NaN: unknown


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
