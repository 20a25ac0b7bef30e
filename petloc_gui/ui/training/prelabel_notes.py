"""The Retrain dialog's words on a folder's unreviewed pre-labels: how many the run trains on and what it
does with them (`prelabel_note`), and those every run leaves out as their model did not know one of its
classes (`left_out_note`). No Qt."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from petloc_gui.core.text import visible


def prelabel_note(count: int, saving_first: bool = False, train_on_them: bool = True) -> str:
    """What training does with ``count`` unreviewed pre-labels ("" for none): a user who pre-labelled
    200 photos and reviewed 30 would otherwise train on 170 unchecked boxes without being told.
    ``saving_first``: the count is of the saved files, and the unsaved edits saved first may lower it;
    ``train_on_them``: the run trains on them (else it leaves them out)."""
    if count <= 0:
        return ""
    is_, it, as_is = ("is an unreviewed pre-label", "it", "it is") if count == 1 else \
        ("are unreviewed pre-labels", "them", "they are")
    saved = "As saved now, " if saving_first else ""
    head = f"{saved}{count} of the annotated images {is_} (boxes a model drew that nobody has saved since). "
    if not train_on_them:  # a model trained on its own unchecked boxes learns its mistakes again
        return head + (f"This run leaves {it} out: it learns from the boxes a person saved only. "
                       f"Review and save {it} to train on {it} as checked boxes.")
    return head + (f"Training learns from {it} as {as_is}, but never validates on {it} or takes the new model's "
                   f"figures from {it}. To train on checked boxes only, untick the box below or review and "
                   f"save {it} first.")


def left_out_note(record: Mapping[str, Mapping[str, Any]], more: bool = False) -> str:
    """One line on the pre-labels every run leaves out as their model did not know one of its classes
    (``record``: `Holdout.prelabels_left_out`, meta.json's form), "" for none: how many, which model, the
    classes it did not know, and how to train on one. ``more``: the pre-labels it uses are counted before."""
    from petloc_gui.model.prelabel_models import classes_named

    counts = {name: _int(entry.get("count")) for name, entry in record.items()}
    total = sum(counts.values())
    if not total:
        return ""
    head = (f"{total}{' more' if more else ''} unreviewed pre-label{'' if total == 1 else 's'} "
            f"{'is' if total == 1 else 'are'} left out of any run: ")
    unknown = {name: classes_named([str(c) for c in entry.get("unknown_classes") or []])
               for name, entry in record.items()}
    if len(record) == 1:
        name = next(iter(record))
        head += (f"model {visible(name)} wrote {'it' if total == 1 else 'them'}, which did not know "
                 f"{unknown[name]} of this run")
    else:
        head += "their model did not know a class of this run (" + "; ".join(
            f"{counts[name]} of model {visible(name)}: {unknown[name]}" for name in record) + ")"
    return head + (", so a photo of such a class is labelled as another; review and save one to train on it "
                   "(a save makes its boxes yours).")


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
