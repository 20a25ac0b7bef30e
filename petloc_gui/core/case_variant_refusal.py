"""The words of a run refused for labels that differ only in case, spacing or Unicode form (the rule:
`core.label_variants`): one sentence for `petloc train` and for the window's Retrain dialog and
new-classes bar, so that the window refuses what the command refuses, in the same words (no Qt, no
TensorFlow).

Such labels would train as separate classes; a run is refused until each class has one name. The way
to give it one is the window's Edit → Classes… (Ctrl+L); for a class of the model a fine-tune starts
from spelled otherwise in the folder, telling the run it was renamed keeps its weights: `--renamed`
in the command, the Retrain dialog's class choices in the window (``rename_hint`` says which). A
model that holds two spellings itself keeps both in a fine-tune; renaming one of them to a name of
its own (`petloc train --renamed NEW=Cat`) makes them two names. The window has no --renamed: its one
way to rename a class of the model is the class choices, which offer "Cat renamed" for a class of the
folder new to the model while no box of the folder is labelled Cat; `Wording` words the refusal so.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from petloc_gui.core.label_variants import differences, shown_apart, variant_groups, variants_text
from petloc_gui.core.text import counted, visible

RenameHint = Callable[[Sequence[tuple[str, str]]], str]  # [(folder's spelling, the model's)] -> "; or, …"


@dataclass(frozen=True)
class Wording:
    """The refusal in the window's words: a class of the model is renamed with the Retrain dialog's class
    choices ("Cat renamed" for a class of the folder new to the model), which ``choices_at`` says where to
    find ("above", in the dialog); ``hint``: the `RenameHint` for a class of the model spelled otherwise here.
    It is a `RenameHint` itself, so that it reaches `case_variant_refusal` where a hint does (the preview's
    `Holdout.case_variants`). Without one the refusal is in `petloc train`'s words (--renamed)."""

    choices_at: str
    hint: RenameHint | None = None

    def __call__(self, renames: Sequence[tuple[str, str]]) -> str:
        return self.hint(renames) if self.hint is not None else ""


def case_variant_refusal(counts: Mapping[str, int], parent_classes: Sequence[str] = (),
                         rename_hint: RenameHint | None = None, noun: tuple[str, str] = ("box", "boxes"),
                         wording: Wording | None = None) -> str:
    """Why a run whose classes are those of ``counts`` (``{label: how many boxes}``, the boxes the run
    trains on) and ``parent_classes`` (the classes a fine-tune keeps from its model, renames applied)
    is refused: each class typed two ways, every spelling with its count, the most used first, and how
    to give the class one name; "" when every class has one spelling. ``rename_hint`` words the other
    way for a spelling that is the model's class on no box ``(the folder's, the model's)``; ``noun``:
    what ``counts`` counts. A class the model itself holds two spellings of (a model trained before
    this refusal) gets no such hint: no rename merges them (`model.class_renames.rename_problem`
    refuses a rename to a name the model has). The words say to train from scratch, from another
    model, or to rename all but the most used of the model's spellings to names of their own
    (`--renamed NEW=Cat`, which `rename_problem` takes once no box is labelled Cat): the fine-tune then
    keeps each under its new name. ``wording``: the window's words (`Wording`; a ``rename_hint`` that is one
    counts as it), where there is no --renamed; else `petloc train`'s."""
    if wording is None and isinstance(rename_hint, Wording):
        wording = rename_hint
    groups = variant_groups({*counts, *parent_classes})
    if not groups:
        return ""
    said, renames, held, renamed_away = [], [], [], []
    for found in groups:
        group = sorted(found, key=lambda name: -counts.get(name, 0))  # the most used spelling first
        said.append(variants_text(group, {name: _what(name, counts, parent_classes, noun) for name in group}))
        own = [name for name in group if name in parent_classes]
        if len(own) > 1:  # the model's own classes: a fine-tune keeps both, whatever the folder's boxes say
            held.append(_both(own, group))
            renamed_away += [(name, bool(counts.get(name)), group) for name in own[1:]]  # the most used kept
        elif len(group) == 2 and group[1] in parent_classes and not counts.get(group[1]):
            renames.append((group[0], group[1]))  # the model's class, spelled otherwise here
    hint = rename_hint(renames) if renames and rename_hint is not None else ""
    text = f"labels that differ only in {differences(groups)} would train as separate classes: {'; '.join(said)}. "
    if held:
        # --renamed cannot merge them (it renames a class of the model to a name the model has not), but it
        # can give all but one a name of its own: the run is no longer refused
        new_here = any(name not in parent_classes for name in counts)  # a class the choices offer renames for
        away = (_renamed_away_in_window(renamed_away, new_here, wording.choices_at) if wording is not None
                else _renamed_away(renamed_away))
        text += (f"The model being fine-tuned has {', and '.join(held)} among its own classes, and a fine-tune "
                 "keeps every class of its model: train a new model from scratch"
                 + (f", fine-tune another one, or {away}" if away else " or fine-tune another one"))
    if len(held) < len(groups):
        text += ("; for the others, give" if held else "Give") + (
            " each class one name: the window's Edit → Classes… (Ctrl+L) renames a class on every box of "
            f"the folder, and renaming one spelling to the other merges them{hint}")
    return text


def _renamed_away(spellings: Sequence[tuple[str, bool, Sequence[str]]]) -> str:
    """The third way out of a fine-tune of a model that holds a class in two spellings: give ``spellings``
    (``(the model's spelling, whether a box of the run has it, its group)`` each) names of their own with
    `petloc train --renamed`, after relabelling the boxes of the folder that have them (a rename of a
    class some box still has is refused: `model.class_renames.rename_problem`)."""
    names = [shown_apart(name, group) for name, _, group in spellings]
    one = len(names) == 1
    new = ["NEW"] if one else [f"NEW{n}" for n in range(1, len(spellings) + 1)]
    options = " ".join(f"--renamed {shlex.quote(f'{to}={name}')}"
                       for to, (name, _, _) in zip(new, spellings, strict=True))
    text = (f"give the model's {' and '.join(names)} {'a name of its own' if one else 'names of their own'} that "
            f"no other class has in any spelling (petloc train {options}: the new model keeps "
            f"{'it under that name, from its' if one else 'them under those names, from their'} weights)")
    boxed = [shown_apart(name, group) for name, has_boxes, group in spellings if has_boxes]
    if boxed:
        text += (f", once no box here is labelled {' or '.join(boxed)} (the window's Edit → Classes… relabels "
                 "them)")
    return text


def _renamed_away_in_window(spellings: Sequence[tuple[str, bool, Sequence[str]]], new_here: bool,
                            choices_at: str) -> str:
    """`_renamed_away` in the window's words, where a class of the model is renamed only with the Retrain
    dialog's class choices: they offer "Cat renamed" for a class of the folder new to the model (``new_here``:
    there is one) while no box of the folder is labelled Cat. "" when the window has no way for any."""
    offered = [(name, group) for name, has_boxes, group in spellings if not has_boxes and new_here]
    boxed = [(name, group) for name, has_boxes, group in spellings if has_boxes]
    ways = []
    if offered:
        one = len(offered) == 1
        names = " and ".join(shown_apart(name, group) for name, group in offered)
        choices = " and ".join(f'"{visible(name)} renamed"' for name, _ in offered)
        ways.append(f"for {'a class' if one else 'the classes'} of this folder new to the model that "
                    f"{'is' if one else 'are'} the model's {names} renamed, choose {choices} {choices_at}")
    if boxed:
        one = len(boxed) == 1
        names = " and ".join(shown_apart(name, group) for name, group in boxed)
        choices = " and ".join(f'"{visible(name)} renamed"' for name, _ in boxed)
        ways.append(f"relabel the boxes labelled {names} here with {'a name' if one else 'names'} that no other "
                    "class has in any spelling (the window's Edit → Classes…), save them, and choose "
                    f"{choices} for {'it' if one else 'them'} when Retrain (Ctrl+T) opens again")
    return ", and ".join(ways)


def _both(own: Sequence[str], group: Sequence[str]) -> str:
    """``both "Cat" and "cat"``: the spellings of one class that the model holds, each told apart
    (`shown_apart`)."""
    shown = [shown_apart(name, group) for name in own]
    return f"both {shown[0]} and {shown[1]}" if len(shown) == 2 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _what(name: str, counts: Mapping[str, int], parent_classes: Sequence[str], noun: tuple[str, str]) -> str:
    """``17 boxes``, ``the model's class, on no box``, ``3 boxes; the model's class``."""
    count = counted(counts[name], *noun) if counts.get(name) else ""
    if name not in parent_classes:
        return count
    return f"{count}; the model's class" if count else "the model's class, on no box"
