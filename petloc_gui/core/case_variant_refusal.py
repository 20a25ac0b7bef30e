"""The words of a run refused for labels that differ only in case, spacing, Unicode form or invisible
characters (the rule: `core.label_variants`): one sentence for `petloc train` and for the window's Retrain dialog and
new-classes bar, so that the window refuses what the command refuses, in the same words (no Qt, no
TensorFlow).

Such labels would train as separate classes; a run is refused until each class has one name. The way
to give it one is the window's Edit → Classes… (Ctrl+L); for a class of the model a fine-tune starts
from spelled otherwise in the folder, telling the run it was renamed keeps its weights: `--renamed`
in the command, the Retrain dialog's class choices in the window (``rename_hint`` says which). A
model that holds two spellings itself keeps both in a fine-tune; renaming one of them to a name of
its own (`petloc train --renamed NEW=Cat`) makes them two names, and where the folder spells the class
a third way, the most used, the spelling kept is renamed that as well (`--renamed CAT=Cat`, in the same
command). The window has no --renamed: its one way to rename a class of the model is the class choices,
which offer "Cat renamed" for a class of the folder new to the model while no box of the folder is
labelled Cat; `Wording` words the refusal so.

A label of nothing but characters drawn as nothing ("\u200b", a soft hyphen, the Hangul filler U+3164) is
refused in the same sentence (`blank_label_refusal`): it would train as a class that looks nameless, as an
empty label never does (training leaves out an image whose first box has none).
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.label_variants import differences, shown_apart, variant_groups, variants_text
from petloc_gui.core.text import counted, drawn_as_nothing, isolated, visible

RenameHint = Callable[[Sequence[tuple[str, str]]], str]  # [(folder's spelling, the model's)] -> "; or, …"


class CaseVariantError(DatasetError):
    """`petloc train` refused for labels typed two ways (`case_variant_refusal` with ``set_apart``): every class
    name of its reason is set apart (`isolated`), so the command line that says it (`cli.main`) keeps the isolates
    around a Hebrew one, which it escapes in any other error's reason (one may hold a raw name)."""

    names_isolated = True


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
                         wording: Wording | None = None, set_apart: bool = False,
                         first_files: Mapping[str, str] | None = None) -> str:
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
    keeps each under its new name. Where the folder's own spelling is the most used ("CAT"), the one the
    model keeps is renamed that too (`--renamed CAT=Cat`), in the same command: every rename and relabel
    the run needs is named at once, not one refusal at a time. ``wording``: the window's words (`Wording`;
    a ``rename_hint`` that is one counts as it), where there is no --renamed; else `petloc train`'s. The
    text is a clause that every branch ends whole: the window closes it with a full stop (or ", then
    train."), `petloc train` prints it as its other error lines, with none. ``set_apart``: each class name set apart
    too (`isolated`), for `petloc train`'s stderr line (`CaseVariantError`): a Hebrew class took the line's
    direction in a terminal that lays out bidi text and moved the quotes and counts around it; the window's words
    are as they were. A label drawn as nothing is refused first (`blank_label_refusal`, given ``first_files``)."""
    if wording is None and isinstance(rename_hint, Wording):
        wording = rename_hint
    blank = blank_label_refusal(counts, noun, first_files, set_apart)
    groups = variant_groups(name for name in {*counts, *parent_classes} if not drawn_as_nothing(name))
    if not groups:
        return blank
    text = _variants_refusal(groups, counts, parent_classes, rename_hint, noun, wording, set_apart)
    return f"{blank}; and {text}" if blank else text


def blank_label_refusal(counts: Mapping[str, int], noun: tuple[str, str] = ("box", "boxes"),
                        first_files: Mapping[str, str] | None = None, set_apart: bool = False) -> str:
    """Why a run whose classes are those of ``counts`` is refused for a label of nothing but characters drawn as
    nothing (`core.text.drawn_as_nothing`: "\\u200b"), each such label escaped with its count and, from
    ``first_files`` ({label: a file with a box of it}), a file that has it; "" when none is. Trained, it made a
    class a person sees as no name (an empty label trains none)."""
    blank = sorted((name for name, n in counts.items() if n and drawn_as_nothing(name)), key=lambda name: -counts[name])
    if not blank:
        return ""
    files = first_files or {}
    said = []
    for name in blank:
        where = files.get(name)
        at = f", one in {isolated(where) if set_apart else visible(where)}" if where else ""
        said.append(f'"{visible(name)}" ({counted(counts[name], *noun)}{at})')
    one = len(blank) == 1
    return (f"{'a label' if one else 'labels'} of nothing but characters drawn as nothing would train as "
            f"{'a class' if one else 'classes'} with no name to see: {', '.join(said)}. Give "
            f"{'its' if one else 'their'} boxes a class name: the window's Edit → Classes… (Ctrl+L) renames a class "
            "on every box of the folder")


def _variants_refusal(groups: list[list[str]], counts: Mapping[str, int], parent_classes: Sequence[str],
                      rename_hint: RenameHint | None, noun: tuple[str, str], wording: Wording | None,
                      set_apart: bool) -> str:
    """`case_variant_refusal`'s words for ``groups`` (`variant_groups`), none empty."""
    said, renames, held, held_classes = [], [], [], []
    for found in groups:
        group = sorted(found, key=lambda name: -counts.get(name, 0))  # the most used spelling first
        said.append(variants_text(group, {name: _what(name, counts, parent_classes, noun) for name in group},
                                  set_apart=set_apart))
        own = [name for name in group if name in parent_classes]
        if len(own) > 1:  # the model's own classes: a fine-tune keeps both, whatever the folder's boxes say
            held.append(_both(own, group, set_apart))
            held_classes.append(_HeldClass(group, own, frozenset(name for name in group if counts.get(name)),
                                           set_apart))
        elif len(group) == 2 and group[1] in parent_classes and not counts.get(group[1]):
            renames.append((group[0], group[1]))  # the model's class, spelled otherwise here
    hint = rename_hint(renames) if renames and rename_hint is not None else ""
    text = f"labels that differ only in {differences(groups)} would train as separate classes: {'; '.join(said)}. "
    if held:
        # --renamed cannot merge them (it renames a class of the model to a name the model has not), but it
        # can give all but one a name of its own: the run is no longer refused
        # the classes the choices may rename one of the model's to: new to it, and no spelling of a class
        # refused here (the model's "Cat" renamed "CAT" beside its "cat" is two spellings again)
        grouped = {name for found in groups for name in found}
        new_here = sum(name not in parent_classes and name not in grouped for name in counts)
        away = (_renamed_away_in_window(held_classes, new_here, wording.choices_at) if wording is not None
                else _renamed_away(held_classes))
        text += (f"The model being fine-tuned has {', and '.join(held)} among its own classes, and a fine-tune "
                 "keeps every class of its model: train a new model from scratch"
                 + (f", fine-tune another one, or {away}" if away else " or fine-tune another one"))
    if len(held) < len(groups):
        text += ("; for the others, give" if held else "Give") + (
            " each class one name: the window's Edit → Classes… (Ctrl+L) renames a class on every box of "
            f"the folder, and renaming one spelling to the other merges them{hint}")
    return text


@dataclass(frozen=True)
class _HeldClass:
    """A class the model being fine-tuned holds in two spellings or more (``own``, the most used first), with
    ``group``, every spelling of it in the run (the most used first), and ``boxed``, those some box has. The
    way out: all but ``kept`` renamed away, names of their own (``away``); the boxes given one spelling,
    ``target``, the most used; ``kept`` renamed ``target`` where that is the folder's (``merge``)."""

    group: Sequence[str]
    own: Sequence[str]
    boxed: frozenset[str]
    set_apart: bool = False  # each name `isolated` too (`case_variant_refusal`'s)

    @property
    def kept(self) -> str:
        return self.own[0]

    @property
    def away(self) -> Sequence[str]:
        return self.own[1:]

    @property
    def target(self) -> str:
        return self.group[0]  # the model's (`kept`) or the folder's: the most used spelling wins either way

    @property
    def merge(self) -> tuple[str, str] | None:
        """``(the folder's spelling, the model's)``: `kept` renamed `target`, so that it keeps its weights under
        the folder's spelling (the rename the refusal hints at where the model holds a class once)."""
        return (self.target, self.kept) if self.target != self.kept else None

    @property
    def relabelled(self) -> list[str]:
        """The spellings whose boxes are relabelled `target`: none may stay beside it, and no box may keep a
        spelling that is renamed (`model.class_renames.rename_problem`)."""
        return [name for name in self.group if name != self.target and name in self.boxed]

    def shown(self, name: str) -> str:
        return shown_apart(name, self.group, set_apart=self.set_apart)


def _renamed_away(held: Sequence[_HeldClass]) -> str:
    """The third way out of a fine-tune of a model that holds a class in two spellings, every rename it needs
    in one command: give all but one of the model's spellings of each class names of their own with
    `petloc train --renamed`, and the one kept the folder's spelling where the folder's is the most used,
    after relabelling the boxes of the folder that have a spelling renamed or not kept (a rename of a class
    some box still has is refused: `model.class_renames.rename_problem`)."""
    away = [(name, one) for one in held for name in one.away]
    merges = [one for one in held if one.merge]
    names = [one.shown(name) for name, one in away]
    one_away = len(names) == 1
    new = ["NEW"] if one_away else [f"NEW{n}" for n in range(1, len(away) + 1)]
    pairs = [f"{to}={name}" for to, (name, _) in zip(new, away, strict=True)]
    pairs += [f"{target}={kept}" for target, kept in (one.merge for one in merges if one.merge)]
    options = " ".join(f"--renamed {shlex.quote(pair)}" for pair in pairs)
    single = len(pairs) == 1
    text = (f"give the model's {' and '.join(names)} {'a name of its own' if one_away else 'names of their own'} "
            "that no other class has in any spelling")
    if merges:
        text += (f", and its {' and '.join(one.shown(one.kept) for one in merges)} this folder's "
                 f"{'spelling' if len(merges) == 1 else 'spellings'} "
                 f"{' and '.join(one.shown(one.target) for one in merges)}")
    text += (f" (petloc train {options}: the new model keeps "
             f"{'it under that name, from its' if single else 'them under those names, from their'} weights)")
    return text + _relabelled_first(held)


def _relabelled_first(held: Sequence[_HeldClass]) -> str:
    """``, once no box here is labelled "cat" (…)``: the boxes to relabel before the renames apply, ""
    for none. A class whose boxes end in the spelling the model keeps, and whose only boxes to relabel have
    a spelling renamed away, may have them relabelled that spelling or a name of their own (the
    renamed class then, from its weights); the others are relabelled the spelling kept, which is named."""
    named = [one for one in held if one.merge or any(name not in one.away for name in one.relabelled)]
    free = [one.shown(name) for one in held if one not in named for name in one.relabelled]
    clauses = [f"no box here is labelled {' or '.join(free)}"] if free else []
    clauses += [f"the boxes here labelled {' or '.join(map(one.shown, one.relabelled))} are relabelled "
                f"{one.shown(one.target)}" for one in named if one.relabelled]
    return f", once {' and '.join(clauses)} (the window's Edit → Classes… relabels them)" if clauses else ""


def _renamed_away_in_window(held: Sequence[_HeldClass], new_here: int, choices_at: str) -> str:
    """`_renamed_away` in the window's words, where a class of the model is renamed only with the Retrain
    dialog's class choices: they offer "Cat renamed" for a class of the folder new to the model (``new_here``:
    how many there are that no spelling of a class refused here is) while no box of the folder is labelled
    Cat. "" when the window has no way for every spelling to rename away."""
    offered = [(name, one.group) for one in held for name in one.away if name not in one.boxed]
    boxed = [(name, one.group) for one in held for name in one.away if name in one.boxed]
    if len(offered) > new_here:  # one choice per class new to the model: some spelling of the model's stays
        return ""
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
    return ", and ".join(ways + _merged_in_window(held, choices_at))


def _merged_in_window(held: Sequence[_HeldClass], choices_at: str) -> list[str]:
    """The window's words for the rest of each class (`_HeldClass`): its boxes relabelled the spelling kept,
    and the model's spelling kept renamed the folder's where the folder's is the most used ("Cat renamed"
    for "CAT", a choice offered once no box is labelled Cat)."""
    ways, now = [], []
    for one in held:
        relabel = [name for name in one.relabelled if name not in one.away]  # the others: renamed away above
        choice = f'"{visible(one.kept)} renamed" for {one.shown(one.target)}' if one.merge else ""
        if relabel:
            ways.append(f"relabel the boxes labelled {' and '.join(map(one.shown, relabel))} here "
                        f"{one.shown(one.target)} (the window's Edit → Classes…)"
                        + (f", save them, and choose {choice} when Retrain (Ctrl+T) opens again" if choice
                           else " and save them"))
        elif choice:
            now.append(choice)
    return ([f"choose {' and '.join(now)} {choices_at}"] if now else []) + ways


def _both(own: Sequence[str], group: Sequence[str], set_apart: bool = False) -> str:
    """``both "Cat" and "cat"``: the spellings of one class that the model holds, each told apart
    (`shown_apart`)."""
    said = [shown_apart(name, group, set_apart=set_apart) for name in own]
    return f"both {said[0]} and {said[1]}" if len(said) == 2 else f"{', '.join(said[:-1])} and {said[-1]}"


def _what(name: str, counts: Mapping[str, int], parent_classes: Sequence[str], noun: tuple[str, str]) -> str:
    """``17 boxes``, ``the model's class, on no box``, ``3 boxes; the model's class``."""
    count = counted(counts[name], *noun) if counts.get(name) else ""
    if name not in parent_classes:
        return count
    return f"{count}; the model's class" if count else "the model's class, on no box"
