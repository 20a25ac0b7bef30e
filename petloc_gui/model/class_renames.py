"""Classes renamed since the model a fine-tune starts from: ``{new name: the parent's name}`` (ADR 0011).

A class renamed in the folder (Edit → Classes: american_bulldog → bulldog) is the same class under
another name. A fine-tune told so (`TrainConfig.renamed`; `petloc train --renamed NEW=OLD`; the
Retrain dialog's "renamed from") lists the new name where the parent had the old one, its class row
starts from that row (`initial_weights.init_from_parent`), and meta.json records the renames
(``renamed_from_parent``). Not told, the new name is a new class that starts untrained and the old one
stays: the model went on predicting american_bulldog for every bulldog photo. The comparison reads the
record: the current model's predictions of the old name count as the new name.

No Qt, no TensorFlow.
"""

from __future__ import annotations

import shlex
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from petloc_gui.core.scored_objects import labelled
from petloc_gui.core.text import counted, visible

RECORD_KEY = "renamed_from_parent"  # meta.json: {new name: the parent's name}


def class_names_after(parent_names: Sequence[str], renamed: Mapping[str, str], labels: Iterable[str]) -> list[str]:
    """A fine-tune's class list: the parent's, each renamed class under its new name in its place (its
    row is the parent's row), then the labels the parent lacks, sorted."""
    to_new = {old: new for new, old in renamed.items()}
    kept = [to_new.get(name, name) for name in parent_names]
    return kept + sorted(set(labels) - set(kept))


def parent_named(names: Sequence[str], renamed: Mapping[str, str]) -> list[str]:
    """``names`` with each renamed class under its parent's name again (the parent's own list when no
    class was added)."""
    return [renamed.get(name, name) for name in names]


def as_renamed(label: str, renamed: Mapping[str, str]) -> str:
    """The name the parent's class ``label`` has now (itself when it was not renamed)."""
    return next((new for new, old in renamed.items() if old == label), label)


def rename_problem(renamed: Mapping[str, str], parent_names: Sequence[str],
                   boxes: Mapping[str, Sequence[str]]) -> str | None:
    """Why ``renamed`` cannot apply to a fine-tune of a model whose classes are ``parent_names``, with
    ``boxes`` (label -> the images with a box of it) in the folder; None when it can."""
    olds: dict[str, str] = {}
    for new, old in renamed.items():
        # a new name drawn as nothing ("\u200b") is no label (`labelled`): trained, its meta.json is refused
        if not labelled(new) or not old.strip():
            return "a class name cannot be empty"
        if new == old:
            return f"{visible(old)} is renamed to itself"
        if old not in parent_names:
            return (f"{visible(old)} is no class of the model being fine-tuned, so it cannot be renamed "
                    f"{visible(new)} (its classes: {', '.join(visible(n) for n in parent_names)})")
        if old in olds:
            return f"{visible(old)} cannot be renamed both {visible(olds[old])} and {visible(new)}"
        olds[old] = new
    after = class_names_after(parent_names, renamed, ())
    for new, old in renamed.items():
        if after.count(new) > 1:
            return (f"{visible(old)} cannot be renamed {visible(new)}: the model being fine-tuned has a class "
                    f"{visible(new)} of its own (two classes cannot share a name)")
        still = sorted(boxes.get(old, ()))
        if still:
            shown = ", ".join(visible(p) for p in still[:3]) + (", …" if len(still) > 3 else "")
            return (f"{visible(old)} is renamed {visible(new)}, but {counted(len(still), 'image')} still "
                    f"{'has' if len(still) == 1 else 'have'} boxes labelled {visible(old)} ({shown}): "
                    f"relabel them {visible(new)}, or fine-tune without this rename")
    return None


def parse_renamed(pairs: Iterable[str]) -> dict[str, str]:
    """``["bulldog=american_bulldog"]`` (``NEW=OLD``, as `petloc train --renamed` and the training
    worker take them) -> ``{"bulldog": "american_bulldog"}``; ValueError naming a malformed one."""
    renamed: dict[str, str] = {}
    for pair in pairs:
        new, sep, old = pair.partition("=")
        if not sep or not labelled(new.strip()) or not old.strip():
            raise ValueError(f"{pair!r} is not NEW=OLD (the new class name, =, the model's old one)")
        if new.strip() in renamed:
            raise ValueError(f"{new.strip()} is renamed from two classes")
        renamed[new.strip()] = old.strip()
    return renamed


def renamed_in(meta: Mapping[str, Any] | None) -> dict[str, str]:
    """The renames a model's meta.json records (``RECORD_KEY``); {} when none, or not as written."""
    record = meta.get(RECORD_KEY) if isinstance(meta, Mapping) else None
    if not isinstance(record, Mapping):
        return {}
    return {new: old for new, old in record.items() if isinstance(new, str) and isinstance(old, str)}


def renames_known_to(meta: Mapping[str, Any] | None, renamed: Mapping[str, str]) -> dict[str, str]:
    """Those of ``renamed`` that apply to the model whose meta.json is ``meta`` (the current model of a
    comparison): the old name is one of its classes, the new one is not."""
    names = meta.get("class_names") if isinstance(meta, Mapping) else None
    if not isinstance(names, list):
        return {}
    return {new: old for new, old in renamed.items() if old in names and new not in names}


def renamed_sentence(renamed: Mapping[str, str]) -> str:
    """The comparison's "The current model's predictions of american_bulldog count as bulldog (the class
    was renamed since)."."""
    pairs = sorted(renamed.items(), key=lambda pair: pair[1])
    olds = " and ".join(visible(old) for _, old in pairs)
    news = " and ".join(visible(new) for new, _ in pairs)
    classes = "classes were" if len(pairs) > 1 else "class was"
    return f"The current model's predictions of {olds} count as {news} (the {classes} renamed since)."


def renamed_notice(renamed: Mapping[str, str]) -> str:
    """The training log's line on the renames a fine-tune was told of ("" for none)."""
    pairs = [f"{visible(old)} → {visible(new)}" for new, old in sorted(renamed.items())]
    return (f"classes renamed since the model being fine-tuned: {', '.join(pairs)}; each starts from its old "
            "name's weights, and the old name is no class of the new model") if pairs else ""


def untold_renames_notice(parent_names: Sequence[str], new_classes: Collection[str],
                          on_boxes: Collection[str]) -> str:
    """The training log's warning when the folder has classes the parent lacks while some of the parent's
    classes are on no box, and no rename was told: one of them may be a rename ("" otherwise)."""
    unused = [name for name in parent_names if name not in on_boxes]
    if not unused or not new_classes:
        return ""
    new = sorted(new_classes)
    return (f"{', '.join(visible(n) for n in new)} {'is' if len(new) == 1 else 'are'} new to the model being "
            f"fine-tuned and start{'s' if len(new) == 1 else ''} untrained, while no box of this folder has "
            f"{', '.join(visible(n) for n in unused)}, which the new model keeps; if a class was renamed, say so "
            f"(petloc train --renamed {_rename_argument(new, unused)}; the Retrain dialog asks) so that "
            "it starts from its old name's weights")


def _rename_argument(new: Sequence[str], unused: Sequence[str]) -> str:
    """``--renamed``'s argument in `untold_renames_notice`, as it can be pasted into a shell (quoted as
    `cli.model_loading.train_command` quotes paths: 'bengal cat=bengal' was two arguments): the one
    possible pair when one class is new and one unused, else the form, once per rename (which new name
    was which old one is not to be guessed: sorted order paired them at random)."""
    if len(new) == 1 and len(unused) == 1:
        return visible(shlex.quote(f"{new[0]}={unused[0]}"))
    return "NEW=OLD, once per renamed class"


def unknown_class_hedge(class_names: Collection[str], renamed: Mapping[str, str],
                        image_labels: Iterable[Collection[str]]) -> str:
    """The comparison's note on the images whose labels the current model (``class_names``, its classes;
    the renames counted) cannot predict: ``image_labels`` holds each image's labels (those of its boxes;
    one it knows and the image may still be right). "" when it can be right on every image."""
    known = known_classes(class_names, renamed)
    counts: dict[str, int] = {}
    images = 0
    for labels in image_labels:
        if cannot_be_right(labels, known):
            images += 1
            for label in set(labels):
                counts[label] = counts.get(label, 0) + 1
    if not counts:
        return ""
    unknown = sorted(counts)
    if len(unknown) == 1:
        label, n = visible(unknown[0]), counts[unknown[0]]
        them = f"the {label} image counts" if n == 1 else f"the {n} {label} images count"
        return (f"The current model cannot know {label}: it has no such class, so {them} as wrong for it, "
                f"{_zeroed(n)}")
    parts = [f"{visible(label)} ({counted(counts[label], 'image')})" for label in unknown]
    them = "that image counts" if images == 1 else "those images count"
    return (f"The current model cannot know {', '.join(parts[:-1])} or {parts[-1]}: it has no such classes, so "
            f"{them} as wrong for it, {_zeroed(images)}")


def _zeroed(images: int) -> str:
    """The hedge's end: the best-gt rule (`core.metrics.best_gt_match`) scores a box of another class IoU 0
    however well it fits, so the table's box figures drop with the class too (the verdict compares those
    boxes class-blind: `model.comparison_class_blind`)."""
    box = "its box on it scores" if images == 1 else "its boxes on them score"
    return (f"and {box} IoU 0, however well {'it fits' if images == 1 else 'they fit'} (the accuracy, mean IoU "
            "and IoU ≥ 0.5 are tilted in the new model's favour).")


def known_classes(class_names: Collection[str], renamed: Mapping[str, str]) -> set[str]:
    """The classes a model whose classes are ``class_names`` can name now (each renamed one by its new name)."""
    return {as_renamed(name, renamed) for name in class_names}


def cannot_be_right(labels: Collection[str], known: Collection[str]) -> bool:
    """Whether an image whose boxes have ``labels`` holds none of the ``known`` classes (`known_classes`):
    a model cannot name the class of any of its objects (an image with no label: nothing to say)."""
    return bool(labels) and not set(labels) & set(known)
