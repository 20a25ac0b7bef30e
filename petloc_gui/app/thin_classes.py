"""The classes a run trains with too few person-reviewed images to measure them: the one rule of `petloc train`'s
warning (`cli.train_checks.warn_thin_classes`) and the Retrain dialog's line, with the number the window asks
for before it offers training (`model_choice.MIN_BOXES_PER_CLASS`). A class keeps one image on each side of
the split from two on (`model.splits`): with one person-reviewed image it cannot be both trained on and held
out, with two its figures rest on the one held out, and with none (only a model's unreviewed pre-labels,
which never validate) it is never measured."""

from __future__ import annotations

from collections.abc import Mapping

from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS
from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.text import counted, isolated


def thin_classes(reviewed: Mapping[str, int], prelabels: Mapping[str, int] | None = None) -> dict[str, int]:
    """``{class: its person-reviewed images}`` of each class under `MIN_BOXES_PER_CLASS`, in natural order.
    ``reviewed``: the images a person's boxes make of each class, of those the run trains on; ``prelabels``:
    the unreviewed pre-labels it trains on too, by class (a class only on them has 0)."""
    names = natural_order({*reviewed, *(prelabels or {})})
    return {name: reviewed.get(name, 0) for name in names if reviewed.get(name, 0) < MIN_BOXES_PER_CLASS}


def why_thin(count: int) -> str:
    """Why the classes of ``count`` person-reviewed images (under `MIN_BOXES_PER_CLASS`) are not measured, in
    the words of `petloc train`'s warning."""
    if not count:
        return "Only on unreviewed pre-labels, so never measured (pre-labels are never held out)"
    if count == 1:
        return "1 person-reviewed image each: it cannot be both trained on and held out, so never measured"
    return f"Only {count} person-reviewed images each: one is held out, so the figures rest on a single image"


def thin_groups(thin: Mapping[str, int]) -> list[tuple[str, list[str]]]:
    """The classes of `thin_classes` by how many images they have, fewest first: ``(why_thin, names)`` each,
    the names made `visible` and set apart (`isolated`: a Hebrew name keeps the commas in place), in natural
    order."""
    counts = sorted(set(thin.values()))
    return [(why_thin(n), [isolated(name) for name, count in thin.items() if count == n]) for n in counts]


def thin_classes_line(thin: Mapping[str, int]) -> str:
    """One line for the Retrain dialog, before the run: how many classes `thin_classes` found; "" for none."""
    if not thin:
        return ""
    have = "has" if len(thin) == 1 else "have"
    return (f"{counted(len(thin), 'class', 'classes')} {have} fewer than {MIN_BOXES_PER_CLASS} person-reviewed "
            "images, too few to be both trained on and held out: the run trains on "
            f"{'it' if len(thin) == 1 else 'them'} but measures {'it' if len(thin) == 1 else 'them'} on one image "
            f"or none (names in the tooltip). Box at least {MIN_BOXES_PER_CLASS} images of each to measure it.")
