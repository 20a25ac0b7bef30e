"""The classes a run never learns because every box of them is on a test image it holds out (an --exclude-list's,
a VOC devkit's ImageSets/Main/test.txt, the model a fine-tune starts from's test images), and the line that says
so before the run: `petloc train` on stderr (`cli.train_checks`) and the window's Retrain dialog
(`ui.training.retrain_holdout_preview`) say it in these words. Said nowhere, such a class was dropped from the
new model, and the first word of it was `petloc evaluate --split test` counting each of its images wrong.
No Qt, no TensorFlow."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.label_variants import form_notes, same_class, shown, spelled_as, variant_groups
from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.scored_objects import learned
from petloc_gui.core.stats_record import AFTER_FIRST_REMEDY
from petloc_gui.core.text import first_of
from petloc_gui.core.voc import read_voc

NAMES_SAID = 10  # classes named on the line; then "and N more"
# Past this many classes typed another way (`spelled_line`'s), a line each buried "training on ..." under 40 lines of
# some 300 characters (and made the Retrain dialog's note 2,282 px tall): one line per kind names them instead
MAX_SPELLED_ONE_BY_ONE = 3


def held_out_labels(annotations: Iterable[str | os.PathLike[str] | None]) -> set[str]:
    """The labels on the boxes of ``annotations`` (the held-out images' annotation files; None: an image without
    one), every box of each (`labels_on`)."""
    return {name for path in annotations if path is not None for name in labels_on(path)}


def labels_on(annotation: str | os.PathLike[str]) -> frozenset[str]:
    """The labels on every box of ``annotation`` that a run could learn as classes (`core.scored_objects.learned`:
    "\u200b" is none, never said "boxed only on test images"), read as saved, with no image looked at (none when
    it cannot be read: the run reads nothing of it either)."""
    try:
        return frozenset(learned(obj.name for obj in read_voc(annotation, find_image=False).objects))
    except (PetlocError, OSError):
        return frozenset()


def only_held_out(held_out: Iterable[str], trained: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """The classes of ``held_out`` (the labels on the held-out test images' boxes) on no box of ``trained``
    (the labels on every box of the images the run trains on: a class there is the run's, or said by the line on
    classes after an image's first box) and not ``known`` (the classes a fine-tune keeps from its model), in
    natural order: the new model will not know them."""
    elsewhere = set(trained) | set(known)
    return natural_order({name for name in held_out if name not in elsewhere})


@dataclass(frozen=True)
class SpelledAs:
    """The class of the run a held-out label is typed another way (`core.label_variants.spelled_as`), and whether the
    run learns it (``learned``: on the first box of an image it trains on, or kept from the model a fine-tune starts
    from; not when it is only on later boxes, as a run learns each image's first box only); ``on_left_out``: that
    class is no class of the run but one of the unreviewed pre-labels it leaves out (`HeldOutOnly.left_out`'s);
    ``unusable``: not learned as every image whose first box it is fails the run's check (an unreadable image, a box
    outside it: `model.training_data.checked_item`), though the run trains on it, so a second spelling refuses it."""

    theirs: str
    learned: bool = True
    on_left_out: bool = False
    unusable: bool = False


@dataclass(frozen=True)
class RenamedAway:
    """The class of a fine-tune's model a held-out label is (``theirs``: the label itself, or it typed another way,
    `core.label_variants.same_class`), and the name a rename trains it as (``new``: --renamed new=theirs)."""

    theirs: str
    new: str


@dataclass(frozen=True)
class HeldOutOnly:
    """The classes boxed only on the test images a run holds out (`held_out_only`), and what is said of them."""

    names: tuple[str, ...] = ()  # natural order
    # of ``names``, those boxed on images the run reads and leaves out too (unreviewed pre-labels: --skip-prelabels,
    # the dialog's "Train on the pre-labels too" unticked, a model that did not know a class of the run)
    left_out: frozenset[str] = frozenset()
    # of ``names``, those that are a class of the run typed another way (`core.label_variants.same_class`: "Owl" beside
    # the "owl" it trains on or keeps from its model), or one of the pre-labels it leaves out: {name: that class, and
    # whether the run learns it}
    spelled: Mapping[str, SpelledAs] = field(default_factory=dict)
    # of ``names``, those that are a class of the fine-tune's model a rename trains under a new name, as the model
    # spells it or typed another way (--renamed strix=owl: the test images' "owl" or "OWL" is the model's owl, now
    # strix): {name: that class and its new name}
    renamed_away: Mapping[str, RenamedAway] = field(default_factory=dict)
    # not of ``names``: labels of the test images, spelled so on images the run trains on, that it learns from none
    # (every image whose first box it is fails its check: a cut-short PNG), in natural order; unsaid, the run's
    # classes lacked a class nothing named
    unusable_only: tuple[str, ...] = ()

    def lines(self, shown_as: Callable[[str], str]) -> list[str]:
        """What the run says of them, each name as ``shown_as`` shows it (`core.text.isolated` for `petloc train`'s
        stderr, `visible` for the dialog): a line for each typed another way (`spelled_line`; past
        `MAX_SPELLED_ONE_BY_ONE`, a line per kind: `spelled_kind_lines`), one for each class typed two ways on the test
        images alone (`typed_ways_line`), one for those only on
        test images, one for those also on pre-labels the run leaves out (reviewed, those would train them); none
        when there are none."""
        rest = [name for name in self.names if name not in self.spelled and name not in self.renamed_away]
        # two spellings of one class, each only on test images: said apart, the advice had both boxed, and refused
        groups = variant_groups(rest)
        grouped = {name for group in groups for name in group}
        plain = [name for name in rest if name not in self.left_out and name not in grouped]
        skipped = [name for name in rest if name in self.left_out and name not in grouped]
        said = [renamed_away_line(name, away.new, shown_as, away.theirs) for name, away in self.renamed_away.items()]
        said += ([spelled_line(name, spelled, shown_as) for name, spelled in self.spelled.items()]
                if len(self.spelled) <= MAX_SPELLED_ONE_BY_ONE else spelled_kind_lines(self.spelled, shown_as))
        said += [typed_ways_line(group, shown_as, any(name in self.left_out for name in group)) for group in groups]
        said += [only_held_out_line(plain, shown_as), only_held_out_line(skipped, shown_as, True),
                 unusable_only_line(self.unusable_only, shown_as)]
        return [line for line in said if line]


def held_out_only(held_out: Iterable[str], trained: Iterable[str], learned: Iterable[str], known: Iterable[str] = (),
                  read: Iterable[str] = (), firsts: Iterable[str] = (),
                  renamed: Mapping[str, str] | None = None) -> HeldOutOnly:
    """`only_held_out`'s classes, and what is said of each: `petloc train` (`cli.train_checks`) and the Retrain
    dialog (`ui.training.retrain_holdout_preview`) give what they read, and what follows from it is worked out here
    alone, so the two never say it apart. ``read``: the labels on every box of the images the run reads, trained on
    or not; those not on a box of ``trained`` are on the images it reads but does not train on (the unreviewed
    pre-labels it leaves out: ``left_out``), and a held-out class among them is marked so. ``firsts``: the label of
    each trained image's first box (`Sample.label`); those the run does not learn (``learned``: the labels of the
    first box of each image it trains on and can use; or ``known``) are the first box only of images the run's check
    leaves out (``unusable``: an unreadable image's "owl" had the line say the new model would know "Owl" as owl, and
    the run's classes were [cat, dog]). A held-out label that is a class of ``trained`` or ``known`` typed another way
    (`core.label_variants.spelled_as`) is said with it: one the run learns before one only on later boxes, which the
    new model will not know (said as known, it contradicted the line on classes after an image's first box); failing
    both, a class of ``left_out`` typed another way (said as the others are, "box it on images the run trains on",
    "Owl" boxed so had a run that trains on the pre-labels' "owl" refused). ``renamed``: a fine-tune's renames ({new
    name: the model's name}, ``known`` has them applied); a held-out label that is a model's class renamed away, as
    the model spells it or typed another way, is said to be it (told to box it on images the run trains on, the user
    trained a new owl, or OWL, beside the model's owl, renamed strix). A held-out label of ``unusable`` that is not
    ``known`` is first on no image the run can use (`HeldOutOnly.unusable_only`): spelled so on them, it was said
    nowhere, and the new model did not know it."""
    trained, known, learned = set(trained), list(known), set(learned)
    left_out, unusable = set(read) - trained, set(firsts) - learned
    names = only_held_out(held_out, trained, known)
    classes = [*known, *natural_order(learned - set(known))]  # the model's own spelling first, as the refusal's
    later = natural_order(trained - learned - set(known))  # on boxes after an image's first only
    skipped = natural_order(left_out - set(known))  # on the pre-labels the run leaves out only
    spelled: dict[str, SpelledAs] = {}
    renamed_to = {old: new for new, old in (renamed or {}).items() if new in known and old != new}
    renamed_away = {name: RenamedAway(theirs, renamed_to[theirs]) for name in names
                    if (theirs := name if name in renamed_to else spelled_as(name, renamed_to)) is not None}
    for name in names:
        if name in renamed_away:
            continue
        if (theirs := spelled_as(name, classes)) is not None:
            spelled[name] = SpelledAs(theirs)
        elif (theirs := spelled_as(name, later)) is not None:
            spelled[name] = SpelledAs(theirs, learned=False, unusable=theirs in unusable)
        elif (theirs := spelled_as(name, [other for other in skipped if other != name])) is not None:
            spelled[name] = SpelledAs(theirs, learned=False, on_left_out=True)
    unusable_only = natural_order((set(held_out) & unusable) - set(known))  # (``unusable`` holds nothing learned)
    return HeldOutOnly(tuple(names), frozenset(name for name in names if name in left_out), spelled, renamed_away,
                       tuple(unusable_only))


def renamed_away_line(old: str, new: str, shown_as: Callable[[str], str], theirs: str | None = None) -> str:
    """What the run says of ``old``, boxed only on test images and the fine-tune's model's class it trains as ``new``
    (--renamed new=old; ``theirs``: the model's class ``old`` is typed another way, --renamed new=theirs): to rename
    it on the test images, as the rename did on the others. Said as the others are ("box it on images the run trains
    on"), boxing it so trained a new class beside the model's, renamed. Typed another way, each name is quoted with
    what tells it apart (`quoted`), as `spelled_line`'s are."""
    if theirs is None or theirs == old:
        name, model_class, run_class = shown_as(old), shown_as(old), shown_as(new)
    else:  # "OWL" on the test images, the model's "owl"
        notes = form_notes([old, theirs, new])
        name, run_class = quoted(old, notes, shown_as), quoted(new, notes, shown_as)
        model_class = f"{quoted(theirs, notes, shown_as)} typed another way"
    then = ("have the run refused: a class typed two ways" if same_class(old, new)  # --renamed Owl=owl
            else f"train a new class beside {run_class}")
    return (f"class {name} is boxed only on test images (held out): it is the model's {model_class}, trained as "
            f"{run_class} by the rename; rename it {run_class} on the test images (boxed as {name} on images the run "
            f"trains on, it would {then})")


def spelled_line(name: str, spelled: SpelledAs, shown_as: Callable[[str], str]) -> str:
    """What the run says of ``name``, boxed only on test images and class ``spelled`` of the run typed another way:
    which class it is, and to rename it on the test images. Said as the others are ("box it on images the run trains
    on"), it sent the user to box "Owl" beside "owl", and the run was refused for a class typed two ways. A class the
    run does not learn (only on boxes after an image's first) is said so, with what would train it; one of the
    pre-labels the run leaves out is named as theirs, and to give it one spelling before it is trained. Each quoted
    with its spacing told apart (`core.label_variants.shown`) and, where the two would show alike, what tells them
    apart ("(decomposed)": `form_notes`)."""
    notes = form_notes([name, spelled.theirs])
    ours, run_class = (quoted(label, notes, shown_as) for label in (name, spelled.theirs))
    refused = f"(boxing {ours} on images the run trains on would have the run refused: a class typed two ways)"
    if spelled.on_left_out:  # trained, the pre-labels would refuse the run beside the test images' spelling
        return (f"class {ours} is boxed only on test images (held out), and is class {run_class} of unreviewed "
                "pre-labels this run leaves out, typed another way: the new model will not know it; rename it on the "
                "test images (or the pre-labels) to one spelling, then review its pre-labels in the window (a save "
                "makes a box a person's) or box it on images the run trains on to train it (two spellings would have a "
                "run that trains on the pre-labels refused: a class typed two ways)")
    if spelled.unusable:  # the run's skipped list names those images
        return (f"class {ours} is boxed only on test images (held out), and is class {run_class} of this run typed "
                "another way, every image of which the run would learn it from is one it cannot use (an unreadable "
                f"image, or its box outside it): the new model will not know it; rename it {run_class} on the test "
                f"images and box it first on images the run can read to train it {refused}")
    if not spelled.learned:  # `petloc train` says that class's own line too (`cli.train_checks`), the dialog does not
        return (f"class {ours} is boxed only on test images (held out), and is class {run_class} of this run typed "
                "another way, none of whose boxes is an image's first: a run learns one box per image, the first, so "
                f"the new model will not know it; rename it {run_class} on the test images and {AFTER_FIRST_REMEDY} "
                f"{refused}")
    return (f"class {ours} is boxed only on test images (held out), and is class {run_class} of this run typed another "
            f"way: the new model will know it only as {run_class}; rename it {run_class} on the test images {refused}")


def spelled_kind_lines(spelled: Mapping[str, SpelledAs], shown_as: Callable[[str], str]) -> list[str]:
    """`HeldOutOnly.lines`' words on ``spelled`` past `MAX_SPELLED_ONE_BY_ONE` of them: a line per kind (a class the
    run learns, one it does not, one of the pre-labels it leaves out; `spelled_line`'s three) naming each as
    ``"CLASS00" ("class00")``, the first `NAMES_SAID`, then how many more, and the advice once, after them."""
    kinds: dict[str, list[str]] = {"learned": [], "later": [], "unusable": [], "left out": []}
    for name, theirs in spelled.items():
        notes = form_notes([name, theirs.theirs])
        kind = ("left out" if theirs.on_left_out else "learned" if theirs.learned else
                "unusable" if theirs.unusable else "later")
        kinds[kind].append(f"{quoted(name, notes, shown_as)} ({quoted(theirs.theirs, notes, shown_as)})")
    said = {"learned": "of this run typed another way: the new model will know {it} only as that class",
            "later": ("of this run typed another way, none of whose boxes is an image's first: a run learns one box "
                      "per image, the first, so the new model will not know {it}"),
            "unusable": ("of this run typed another way, every image of which the run would learn it from is one it "
                         "cannot use (an unreadable image, or its box outside it): the new model will not know {it}"),
            "left out": ("of unreviewed pre-labels this run leaves out, typed another way: the new model will not "
                         "know {it}")}
    lines = []
    for kind, names in kinds.items():
        one = len(names) == 1
        it = "it" if one else "each" if kind == "learned" else "them"
        if names:
            lines.append(f"{len(names)} {'class is' if one else 'classes are'} boxed only on test images (held out), "
                         f"{'' if one else 'each '}the class in brackets {said[kind].format(it=it)}: "
                         f"{first_of(names, NAMES_SAID)}")
    advice = f"rename each of these {len(spelled)} classes on the test images as the class in brackets"
    if kinds["later"]:
        advice += f"; of a class none of whose boxes is an image's first, {AFTER_FIRST_REMEDY}"
    if kinds["unusable"]:
        advice += "; of a class on images the run cannot use, box it first on images it can read to train it"
    if kinds["left out"]:
        advice += ("; of a class of the pre-labels left out, then review its pre-labels in the window (a save makes a "
                   "box a person's) or box it on images the run trains on to train it")
    return [*lines, f"{advice} (boxing them as they are on images the run trains on would have the run refused: "
                    "classes typed two ways)"]


def quoted(label: str, notes: Mapping[str, str], shown_as: Callable[[str], str]) -> str:
    """``label`` quoted, its spacing told apart (`core.label_variants.shown`), shown as ``shown_as`` shows it, and
    its note of ``notes`` (`form_notes`': "decomposed") where it has one."""
    note = notes.get(label, "")
    return f'"{shown_as(shown(label))}"' + (f" ({note})" if note else "")


_WAYS = {2: "two", 3: "three"}


def typed_ways_line(group: Sequence[str], shown_as: Callable[[str], str], on_left_out: bool = False) -> str:
    """What the run says of ``group`` (`core.label_variants.variant_groups`'): two or more spellings of one class,
    each boxed only on test images. Named on the plain line ("classes Owl, owl"), the advice to box them on images
    the run trains on had the run refused (labels that differ only in case), and a composed and a decomposed "été"
    read alike; said once, each quoted with what tells it apart (`form_notes`), and to give it one spelling first.
    ``on_left_out``: one of them is boxed on unreviewed pre-labels the run leaves out too."""
    notes = form_notes(group)
    names = [quoted(name, notes, shown_as) for name in group]
    spellings = f"{', '.join(names[:-1])} and {names[-1]}"
    ways = _WAYS.get(len(group), str(len(group)))
    where, there, review = "", "the test images", ""
    if on_left_out:  # a save makes a pre-label's box a person's, which every run trains on
        where, there = " and on unreviewed pre-labels this run leaves out", "the test images and the pre-labels"
        review = "review its pre-labels in the window (a save makes a box a person's) or "
    return (f"classes {spellings} are one class typed {ways} ways, boxed only on test images (held out){where}: the "
            f"new model will not know it; give it one spelling on {there}, then {review}box it on images the run "
            f"trains on to train it (boxed in {ways} spellings, it would have the run refused: a class typed "
            f"{ways} ways)")


def unusable_only_line(names: Sequence[str], shown: Callable[[str], str]) -> str:
    """What the run says of ``names`` (`HeldOutOnly.unusable_only`'s), each as ``shown`` shows it: boxed on test
    images and, as spelled there, first on no image the run can use; "" when there are none."""
    if not names:
        return ""
    classes, it = _classes_are(names, shown)
    return (f"{classes} boxed on test images (held out), and first on no image the run can use (a run learns an "
            f"image's first box; an unreadable image, or its box outside it, cannot be used): the new model will not "
            f"know {it}; box {it} first on images the run can read to train {it}")


def only_held_out_line(names: Sequence[str], shown: Callable[[str], str], on_left_out: bool = False) -> str:
    """What the run says of ``names`` (`only_held_out`'s), each as ``shown`` shows it; ``on_left_out``: they are
    boxed on unreviewed pre-labels the run leaves out too (`HeldOutOnly.left_out`); "" when there are none."""
    if not names:
        return ""
    one = len(names) == 1
    classes, it = _classes_are(names, shown)
    where, review = "", ""
    if on_left_out:  # a save makes a pre-label's box a person's, which every run trains on
        where = " and on unreviewed pre-labels this run leaves out"
        review = f"review {'its' if one else 'their'} pre-labels in the window (a save makes a box a person's) or "
    return (f"{classes} boxed only on test images (held out){where}: the new model will not know {it}; {review}box "
            f"{it} on images the run trains on to train {it}")


def _classes_are(names: Sequence[str], shown: Callable[[str], str]) -> tuple[str, str]:
    """("class X is", "it") for one of ``names``, ("classes X, Y are", "them") for more (the first `NAMES_SAID`)."""
    if len(names) == 1:
        return f"class {shown(names[0])} is", "it"
    return f"classes {first_of([shown(name) for name in names], NAMES_SAID)} are", "them"
