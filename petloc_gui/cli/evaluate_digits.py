"""`petloc evaluate`'s count of canvases that hold an MNIST digit the model learned.

`petloc digits --split train` pastes the very digits the bundled digits model
learned onto new canvases: other bytes, so `trained_on_count` (which matches
bytes) finds none of them, yet the model has seen each digit. The folder's
`petloc digits` record (`core.digits_record`) says which digit each canvas
holds and the model's meta.json which digits it learned; the retrain
comparison (`model.comparison`) hedges on the same reading. A canvas the
model trained on itself (its bytes) is `trained_on_count`'s alone: the two
counts never hold the same image.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from petloc_gui.cli.output import error
from petloc_gui.core.text import counted

if TYPE_CHECKING:
    from collections.abc import Collection

    from petloc_gui.model.training_record import Lineage


class LearnedDigits(NamedTuple):
    """`learned_digit_count`'s answer."""

    n_canvases: int  # evaluated canvases of learned digits, none of them a training image by its bytes
    # what the model did with them (`core.digits_record.learned_words`): "learned", or, for a whole
    # split, "learned, or chose its epoch with,"
    learned: str


def learned_digit_count(images: list[Path], lineage: Lineage, trained_on: Collection[Path] = (),
                        hashes: dict[Path, str | None] | None = None) -> LearnedDigits:
    """How many of ``images`` are canvases (by their folder's record, their bytes still those recorded)
    of an MNIST digit the model, or any model up its chain of parents (``lineage``:
    `model.training_record.lineage_of` of its meta.json), learned on other canvases; says so on stderr
    when any, naming their split as the retrain comparison does (`core.digits_record.digits_hedge`).
    ``trained_on``: the images `trained_on_count` matched to a training image; not counted again.
    ``hashes``: the sha256 of images already hashed (`trained_on_count`'s; None: unreadable), so no
    file is read twice; one hashed here is added."""
    from petloc_gui.core.digits_record import RECORD_NAME, DigitLookup, learned, learned_words
    from petloc_gui.model.bundle import file_sha256

    # the whole parent chain, as the retrain comparison: a model two fine-tunes from the bundled digits
    # model (trained before meta.json recorded digits) learned its digits too
    digits = lineage.digits
    if not digits:
        return LearnedDigits(0, "learned")
    # a canvas the model trained on is counted in n_trained_on (and warned about) already
    trained = {Path(image) for image in trained_on}
    hashes = hashes if hashes is not None else {}
    lookup = DigitLookup()
    splits: list[str] = []  # the petloc digits split of each canvas counted
    for image in images:
        image = Path(image)
        if image in trained or not (image.parent / RECORD_NAME).is_file():  # no canvas of petloc digits
            continue
        if image in hashes:
            sha256 = hashes[image]
        else:
            try:
                sha256 = file_sha256(image)
            except OSError:
                sha256 = None  # unreadable now: its digit cannot be told
            hashes[image] = sha256
        digit = lookup.digit(image, sha256)
        if digit is not None and learned(digit, digits):
            splits.append(digit[0])
    if splits:
        _warn_learned(splits, len(images), digits)
    return LearnedDigits(len(splits), learned_words(splits, digits))


def _warn_learned(splits: list[str], n_images: int, digits: dict[str, frozenset[int] | None]) -> None:
    """The stderr line: how many evaluated canvases hold learned digits, of which split, and where
    held-out figures are to be had (a split none of whose digits the model learned), if anywhere."""
    from petloc_gui.core.digits_record import digits_hedge, held_out_splits

    which = "the one evaluated image" if n_images == 1 else f"{len(splits)} of these {n_images} evaluated images"
    hedge = digits_hedge(which, splits, "this model, or one it was fine-tuned from,", "these figures", digits)
    spare = held_out_splits(digits)
    advice = ("for held-out figures, evaluate a folder made by petloc digits DIR "
              + " or ".join(f"--split {split}" for split in spare)) if spare else \
        "every split of petloc digits holds digits it learned: no folder of petloc digits gives held-out figures for it"
    error(f"{hedge} ({advice})")


def learned_digits_record(record: str, learned: LearnedDigits) -> str:
    """``trained_on_record`` with the learned digits counted: "complete" (or "the model's validation
    images") no longer, as their bytes are no training image's and `n_trained_on` leaves them out;
    "none: ..." stays (nothing is counted then)."""
    if not learned.n_canvases or record.startswith("none:"):
        return record
    holds = "holds an MNIST digit" if learned.n_canvases == 1 else "hold MNIST digits"
    note = (f"{counted(learned.n_canvases, 'evaluated image')} {holds} the model {learned.learned} on other canvases "
            "(n_learned_digits), not counted in n_trained_on")
    return f"{record}; {note}" if record.startswith("incomplete:") else f"incomplete: {note}"
