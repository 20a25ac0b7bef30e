"""The Retraining window's verdict on the new model against the current one, in words.

A verdict is given only where the evidence holds one: the comparison's paired
record (`core.paired_stats`: the images only one model classifies right, the
IoU change image by image and its bootstrap interval) tells a difference, on
at least `MIN_IMAGES` images. Otherwise it says that the images are too few, or
that the differences could be chance, and gives the image-by-image counts
either way, so that 1.000 against 0.711 on 2 images is read as what it is.
No Qt: the window (`model_comparison`) shows what this returns.
"""

from __future__ import annotations

from typing import Any

from petloc_gui.core.paired_stats import BETTER, FIGURES, MIN_IMAGES, TOO_FEW, UNCLEAR, WORSE
from petloc_gui.core.text import counted

# each headline figure as a sentence names it
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
    """What the paired record tells (`core.paired_stats.paired_comparison`), then its counts."""
    n = int(paired.get("n_images") or 0)
    evidence = paired["evidence"]
    if n < MIN_IMAGES or TOO_FEW in evidence.values():
        needed = int(paired.get("min_images") or MIN_IMAGES)
        head = (f"Too few validation images to tell whether the new model is better or worse ({n}; a verdict "
                f"needs at least {needed}).")
        return f"{head} {image_by_image(paired, interval=False)}"
    prose = _named(paired)
    better, worse, unclear = ([prose[key] for key in FIGURES if evidence.get(key) == told]
                              for told in (BETTER, WORSE, UNCLEAR))
    unclear_part = f"; no clear difference on {_listed(unclear)}" if unclear else ""
    if better and worse:
        head = (f"Mixed: on these {n} images the new model is better on {_listed(better)} but worse on "
                f"{_listed(worse)}, beyond chance; look at the images before keeping it.")
    elif better:
        head = f"The new model is better on {_listed(better)}, beyond chance on these {n} images{unclear_part}."
    elif worse:
        head = (f"The new model is worse on {_listed(worse)} than the current one, beyond chance on these {n} "
                f"validation images{unclear_part}.")
    else:
        head = (f"No clear difference between the two models on these {n} images: the differences in the table "
                "could be chance.")
    return f"{head} {image_by_image(paired, interval=True)}"


def _named(paired: dict[str, Any]) -> dict[str, str]:
    """`PROSE`, the IoU figures named class-blind where the record compared boxes so (`class_blind_sentence`):
    "better on mean IoU" under a table whose mean IoU says the opposite would read as a contradiction."""
    blind, n = _class_blind(paired), int(paired.get("n_images") or 0)
    if not blind:
        return PROSE
    return {key: name if key == "accuracy" else f"class-blind {name}" if blind >= n else
            f"{name} (class-blind on {counted(blind, 'image')})" for key, name in PROSE.items()}


def _class_blind(paired: dict[str, Any]) -> int:
    """How many of the record's images had their boxes compared class-blind (0: none, or not recorded)."""
    blind = paired.get("class_blind")
    return blind if isinstance(blind, int) and not isinstance(blind, bool) and blind > 0 else 0


def image_by_image(paired: dict[str, Any], interval: bool) -> str:
    """"Image by image: the new model gets the class right on 3 images the current one gets wrong, and
    wrong on 1 it gets right; its box fits better on 12, worse on 6 and the same on 2 (mean IoU change
    +0.021, 95% interval -0.010 to +0.050); it lifts 2 to IoU ≥ 0.5 and drops 1 below.", then how the boxes
    were compared where the current model lacks the class (`class_blind_sentence`). ``interval``: whether the
    bootstrap interval means anything (not on too few images)."""
    cls, iou, half = paired.get("class") or {}, paired.get("iou") or {}, paired.get("iou_ge_50") or {}
    text = (f"Image by image: the new model gets the class right on {counted(int(cls.get('new_only', 0)), 'image')} "
            f"the current one gets wrong, and wrong on {cls.get('old_only', 0)} it gets right; its box fits better "
            f"on {iou.get('higher', 0)}, worse on {iou.get('lower', 0)} and the same on {iou.get('same', 0)}")
    low_high = iou.get("interval")
    if interval and isinstance(low_high, list) and len(low_high) == 2:
        text += (f" (mean IoU change {float(iou.get('mean_change', 0.0)):+.3f}, 95% interval "
                 f"{float(low_high[0]):+.3f} to {float(low_high[1]):+.3f})")
    text += f"; it lifts {half.get('gained', 0)} to IoU ≥ 0.5 and drops {half.get('lost', 0)} below."
    return " ".join([text, *class_blind_sentence(paired)])


def class_blind_sentence(paired: dict[str, Any]) -> list[str]:
    """How the boxes were compared on the images whose classes the current model lacks (the record's
    ``class_blind``, `model.comparison_class_blind`): there its box scores IoU 0 in the table however well
    it fits, so "fits better" would be a class change read as a box improvement. None when there are none."""
    blind = _class_blind(paired)
    if not blind:
        return []
    n = int(paired.get("n_images") or 0)
    if blind >= n:
        which = "The image is of a class" if n == 1 else f"All {n} images are of classes"
    else:
        which = f"{blind} of them {'is of a class' if blind == 1 else 'are of classes'}"
    on = "it" if blind == 1 else "them"
    return [f"{which} the current model lacks: on {on} this box comparison is class-blind (each model's box "
            "against the object it overlaps most, whatever its class), where the table scores the current "
            "model's boxes IoU 0 for the class alone."]


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


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # NaN: unknown


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
