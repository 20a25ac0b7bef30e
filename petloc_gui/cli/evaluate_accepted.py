"""`petloc evaluate` on images whose boxes were accepted unchanged from a model (ADR 0013).

Such a box is a model's output a person kept (`core.voc_provenance`): scored against it, the model
that proposed it agrees with itself. The images holding one are counted (``n_accepted``; those from
the model evaluated, ``n_accepted_own``; each model's count, ``accepted_from``), said in a warning,
and the figures on the images whose boxes a person drew alone (``person_drawn``) are given beside the
ones on every image when both kinds are there. A model's box a person relabelled is still the model's
box, but its label is the person's: accuracy there is on the images whose labels a person gave
(``person_drawn.n_labelled``: those, and the ones whose accepted boxes were all relabelled). They stay
in the headline figures: they are reviewed boxes, and a folder of only such images has no other
figure to give.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.cli.output import finite
from petloc_gui.core.accepted_boxes import OWN, accepted_sentences, labels_accepted, person_part, relation
from petloc_gui.core.text import counted

if TYPE_CHECKING:
    from petloc_gui.core.metrics import GtMatch

ROLE = "the model evaluated"


def accepted_report(evaluated: Sequence[tuple[Path, Any, Any]], accepted: Mapping[Path, frozenset[str]],
                    class_names: Sequence[str], meta: Mapping[str, Any], *names: object,
                    located: str | os.PathLike[str] | None = None,
                    matches: Sequence[GtMatch] | None = None) -> tuple[dict[str, Any], str | None]:
    """(the `--json` keys, the warning or None) for the (image, objects, prediction) ``evaluated``;
    ``accepted``: each image's models whose boxes it holds accepted unchanged
    (`core.accepted_boxes.accepted_models`, which says whose labels too; none: a person's boxes);
    ``names``: what the model evaluated is called (the spec given, its folder); ``located``: its bundle's
    folder, where its chain of parents is walked from (`model.parent_chain`: a parent written beside it);
    ``matches[i]``: image i's match (`core.metrics.match_each`), the person figures counted from it (matched
    here when not given)."""
    from petloc_gui.model.model_ancestry import ancestry_of

    models = [accepted.get(image, frozenset()) for image, _, _ in evaluated]
    # the models it descends from beyond its parent, looked up only when some box was accepted (`ANCESTOR`);
    # from its folder: by meta.json alone, a parent beside a model with no version id was found only where an
    # earlier walk of this process had found it
    ancestry = ancestry_of(meta, located=located) if any(models) else None
    relations = {model: relation(model, meta, *names, ancestry=ancestry) for found in models for model in found}
    counts = Counter(model for found in models for model in found)
    person = [i for i, found in enumerate(models) if not found]
    # accuracy is against the labels: an image whose model's boxes a person all relabelled is theirs for it
    labelled = [i for i, found in enumerate(models) if not labels_accepted(found)]
    n_accepted = sum(1 for found in models if found)
    keys: dict[str, Any] = {
        "n_accepted": n_accepted,
        "n_accepted_own": sum(1 for found in models if any(relations[m] == OWN for m in found)),
        "accepted_from": dict(sorted(counts.items())),
        "person_drawn": None,
    }
    if not n_accepted:
        return keys, None
    if labelled:  # (every image whose boxes a person drew is one)
        from petloc_gui.cli.evaluate_unknown import matches_of
        from petloc_gui.core.metrics import figures_of

        # the main figures' matches: an image's match depends on it alone, so the subset's are among them
        matched = matches_of(evaluated) if matches is None else matches
        if len(matched) != len(evaluated):
            raise ValueError("evaluated and matches differ in length")

        def figures(indices: Sequence[int]) -> dict[str, Any]:
            return figures_of([matched[i] for i in indices], [evaluated[i][2].label for i in indices], class_names)

        on_boxes = figures(person) if person else {}
        keys["person_drawn"] = {"n_images": len(person), "n_labelled": len(labelled),
                                "accuracy": finite(figures(labelled).get("accuracy")),
                                **{key: finite(on_boxes.get(key)) for key in IOU_FIGURES}}
    sentences = accepted_sentences(models, len(evaluated), relations, ROLE, ancestry=ancestry)
    where = " (the person line; --json person_drawn)" if labelled else ""
    return keys, "warning: " + "; ".join(sentences) + "; " + person_part(len(person), len(labelled)) + where


IOU_FIGURES = ("mean_iou", "median_iou", "iou_ge_50", "iou_ge_75")  # on the boxes a person drew


def accepted_lines(report: dict[str, Any]) -> list[str]:
    """The table's lines on accepted boxes: how many images hold them, and the figures without them."""
    n = report.get("n_accepted") or 0
    if not n:
        return []

    def num(value) -> str:
        return "-" if value is None else f"{value:.3f}"

    own = report.get("n_accepted_own") or 0
    lines = [f"accepted   {n} of {report['n_images']} images have boxes accepted unchanged from a model"
             + (f" ({own} from the model evaluated)" if own else "")]
    person = report.get("person_drawn")
    if not person:
        return lines
    n, labelled = person["n_images"], person.get("n_labelled", person["n_images"])
    if not n:  # every box a model's, some relabelled: only accuracy is against a person's work
        lines.append(f"person     {counted(labelled, 'image')} with labels a person gave (none with boxes a person "
                     f"drew): accuracy {num(person['accuracy'])}")
        return lines
    on = f" (on {labelled} with labels a person gave)" if labelled != n else ""
    lines.append(f"person     {counted(n, 'image')} with boxes a person drew: accuracy {num(person['accuracy'])}{on}"
                 f"   mean IoU {num(person['mean_iou'])}   IoU>=0.5 {num(person['iou_ge_50'])}   "
                 f"IoU>=0.75 {num(person['iou_ge_75'])}")
    return lines
