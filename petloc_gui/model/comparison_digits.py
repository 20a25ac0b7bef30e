"""What the retrain comparison (`model.comparison`) says of validation images that are `petloc digits`
canvases: of MNIST digits the current or the new model learned on other canvases, or whose folder's
record cannot tell their digit. No TensorFlow."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, NamedTuple

from petloc_gui.core.text import counted
from petloc_gui.model.training_record import Lineage

BOTH_MODELS = "both models' figures"  # a fine-tune inherits what the current model learned, and its hedges


class DigitsWording(NamedTuple):
    """How `digits_hedges` names the images, the models and the figures: the retrain comparison's
    (`COMPARISON`), or `petloc train`'s of its closing figures (`model.training_digits`)."""

    which: Callable[[int], str]  # n images of those scored: "3 of them"
    old_model: str  # the model fine-tuned from (or compared with): "the current model"
    old_figures: str  # whose figures its digits flatter, trained from scratch: "the current model's figures"
    both_figures: str  # ... fine-tuned from it (its digits are the new model's too): `BOTH_MODELS`
    new_model: str  # "the new model"
    new_figures: str  # "the new model's figures"


COMPARISON = DigitsWording(lambda n: f"{n} of them", "the current model", "the current model's figures", BOTH_MODELS,
                           "the new model", "the new model's figures")


class DigitCanvases(NamedTuple):
    """`_digit_canvases`' answer."""

    learned: dict[str, str]  # relpath -> petloc digits split: canvases of a learned digit
    untold: dict[str, tuple[str, str]]  # relpath -> (its record, relative to the folder; why it cannot tell)


class LearnedCanvases(NamedTuple):
    """`learned_canvases`' answer: the scored canvases of digits the current (or parent) model, or any model
    up its line, learned, and those the new model learned beyond them (its training canvases' digits)."""

    old: DigitCanvases
    new: DigitCanvases
    old_digits: dict[str, frozenset[int] | None]
    new_digits: dict[str, frozenset[int] | None]
    # how many of ``old.learned`` (``new.learned``) are, byte for byte, images that model (or one up its line) trained
    # on or chose its epoch with: its hedge says "on these very canvases" of them (`core.digits_record.digits_hedge`)
    old_same: int = 0
    new_same: int = 0


def digits_hedges(old_meta: dict[str, Any] | None, ancestors: Lineage | None, new_meta: dict[str, Any] | None,
                  samples: list[Any], hashes: dict[str, str | None], fine_tuned: bool,
                  wording: DigitsWording = COMPARISON) -> list[tuple[str, bool]]:
    """What the comparison must say of ``samples`` that are canvases of MNIST digits a model learned on
    other canvases (their bytes are no training image's: `petloc digits` places each digit anew), by
    their folder's `petloc digits` record: the current model's (of ``old_meta``, or of a model it was
    fine-tuned from: ``ancestors``), then the new model's own (its meta.json, ``new_meta``): the same
    digits are on the canvases of every `--seed`, so a folder of two such subfolders trains the new
    model on a digit in one and validates it on the same digit in the other. Canvases whose record
    cannot tell their digit (`_untold_hedge`) may hold learned digits: said too, never taken for held-out
    ones. Each with whether it is about the new model's figures (the current model's digits are when it
    was fine-tuned from it). ``wording``: how the sentences name the images, models and figures
    (`COMPARISON`; `petloc train`'s closing figures say it of their own, `model.training_digits`)."""
    from petloc_gui.core.digits_record import learned_digits, recorded_canvases, united

    old_digits = united(learned_digits(old_meta), ancestors.digits if ancestors else {}) if old_meta else {}
    # the images the current model trained on or chose its epoch with, and those its line trained on (the walk
    # keeps no more of an ancestor): a canvas among them is no other canvas
    old_read = recorded_canvases(old_meta) | (ancestors.read_hashes() if ancestors else frozenset()) \
        if old_digits else frozenset()
    return hedges_of(learned_canvases(old_digits, new_meta, samples, hashes, fine_tuned, old_read), fine_tuned,
                     wording)


def hedges_of(found: LearnedCanvases, fine_tuned: bool, wording: DigitsWording = COMPARISON) -> list[tuple[str, bool]]:
    """`digits_hedges`' sentences on the canvases ``found`` (`learned_canvases`)."""
    old, new = found.old, found.new
    hedges: list[tuple[str, bool]] = []
    whose = wording.both_figures if fine_tuned else wording.old_figures
    if old.learned:  # `petloc digits --split train`: the digits the bundled digits model learned, on new canvases
        hedges.append((_digits_hedge(list(old.learned.values()), wording.old_model, whose, found.old_digits,
                                     wording.which, found.old_same), fine_tuned))
    if old.untold:
        hedges.append((_untold_hedge(old.untold, wording.old_model, whose, wording.which), fine_tuned))
    if new.learned:
        hedges.append((_digits_hedge(list(new.learned.values()), wording.new_model, wording.new_figures,
                                     found.new_digits, wording.which, found.new_same), True))
    if new.untold:
        hedges.append((_untold_hedge(new.untold, wording.new_model, wording.new_figures, wording.which), True))
    return hedges


def learned_canvases(old_digits: dict[str, frozenset[int] | None], new_meta: dict[str, Any] | None,
                     samples: list[Any], hashes: dict[str, str | None], fine_tuned: bool,
                     old_read: Collection[str] = ()) -> LearnedCanvases:
    """Which of ``samples`` `digits_hedges` speaks of (its arguments): a fine-tune's new canvases leave out those
    of its parent's digits (``old``), which are its own too. ``old_digits``: the MNIST digits the current (or
    parent) model and the models up its line learned, as the caller walked that line once (`digits_hedges`;
    `petloc train`'s, as its run collected them: `model.training_digits`); ``old_read``: the sha256 of the images
    they trained on or chose their epoch with, likewise. A canvas whose bytes (``hashes``) are one of those, or
    one the new model trained on, is counted apart (``old_same``, ``new_same``): the hedge said "on other
    canvases" of a fine-tune's validation images that are its parent's own (`petloc digits --split train --seed
    0` remakes the bundled model's)."""
    from petloc_gui.core.digits_record import learned_digits, recorded_canvases, same_canvases

    new_digits = learned_digits(new_meta) if new_meta is not None else {}
    # the records read once for both models (each canvas's digit, or why its record cannot tell)
    found = _canvas_digits_of(samples, hashes) if old_digits or new_digits else None
    old = _digit_canvases(old_digits, found)
    new = _digit_canvases(new_digits, found)
    if fine_tuned:  # its parent's digits are its own too: said of the parent's, for both models
        new = DigitCanvases({r: split for r, split in new.learned.items() if r not in old.learned},
                            {r: why for r, why in new.untold.items() if r not in old.untold})
    old_same = same_canvases((hashes.get(r) for r in old.learned), old_read) if old.learned else 0
    # the new model's validation images are the ones scored: only those it trained on are its "very canvases"
    new_same = same_canvases((hashes.get(r) for r in new.learned),
                             recorded_canvases(new_meta, validation=False)) if new.learned else 0
    return LearnedCanvases(old, new, old_digits, new_digits, old_same, new_same)


def _canvas_digits_of(samples: list[Any], hashes: dict[str, str | None]) -> Any:
    """The MNIST digit each of ``samples`` holds by its folder's record, and those whose record cannot
    tell it (it cannot be read, or its entry names no digit): `model.canvas_digits`, as training reads them."""
    from petloc_gui.model.canvas_digits import canvas_digits

    return canvas_digits((s.relpath, s.image_path, hashes.get(s.relpath)) for s in samples)


def _digit_canvases(digits: dict[str, frozenset[int] | None], found: Any) -> DigitCanvases:
    """Those of the samples ``found`` read (`_canvas_digits_of`) that are canvases of one of ``digits``
    (`core.digits_record.learned_digits`), and those whose record cannot tell their digit: they may hold
    one of ``digits``. Nothing when ``digits`` is empty."""
    from petloc_gui.core.digits_record import learned

    if not digits or found is None:
        return DigitCanvases({}, {})
    return DigitCanvases({relpath: digit[0] for relpath, digit in found.digits.items() if learned(digit, digits)},
                          found.untold)


def _digits_hedge(splits: list[str], model: str, whose: str, digits: dict[str, frozenset[int] | None],
                  which: Callable[[int], str], same: int = 0) -> str:
    """"N of them hold MNIST digits that ``model`` learned on other canvases ..." (`core.digits_record.digits_hedge`,
    whose wording `petloc evaluate` shares): ``splits`` holds each such image's split; ``which`` says "N of them";
    ``same`` of them are images ``model`` read itself ("on these very canvases")."""
    from petloc_gui.core.digits_record import digits_hedge

    return digits_hedge(which(len(splits)), splits, model, whose, digits, same) + "."


def _untold_hedge(untold: dict[str, tuple[str, str]], model: str, whose: str, which: Callable[[int], str],
                  shown: int = 3) -> str:
    """"N of them are canvases whose MNIST digit their folder's petloc digits record cannot tell (RECORD:
    why): whether ``model`` learned their digits cannot be told, so ``whose`` on them may be optimistic":
    each record named with its first reason (`model.canvas_digits.untold_by_record`, the first ``shown``), as
    `petloc evaluate` warns of them."""
    from petloc_gui.core.text import visible
    from petloc_gui.model.canvas_digits import untold_by_record

    records = untold_by_record(untold.values())
    named = [f"{visible(record)}: {why}" for record, why, _ in records[:shown]]
    if len(records) > shown:
        named.append(f"and {counted(len(records) - shown, 'more record')}")
    n = len(untold)
    are, folder, digits, them = (("is a canvas", "its", "its digit", "it") if n == 1
                                 else ("are canvases", "their", "their digits", "them"))
    return (f"{which(n)} {are} whose MNIST digit {folder} folder's petloc digits record cannot tell "
            f"({'; '.join(named)}): whether {model} learned {digits} cannot be told, so {whose} on {them} "
            "may be optimistic.")
