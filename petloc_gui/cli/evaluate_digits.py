"""`petloc evaluate`'s count of canvases that hold an MNIST digit the model learned.

`petloc digits --split train` pastes the very digits the bundled digits model
learned onto new canvases: other bytes, so `trained_on_count` (which matches
bytes) finds none of them, yet the model has seen each digit. The folder's
`petloc digits` record (`core.digits_record`) says which digit each canvas
holds and the model's meta.json which digits it learned; the retrain
comparison (`model.comparison`) hedges on the same reading. A canvas the
model trained on itself (its bytes) is `trained_on_count`'s alone: the two
counts never hold the same image. A record that cannot be read (or an entry of
it that names no digit), or none at all beside images named as canvases (copied
out of their folder without it), or one that knows such an image neither by its
name nor by its bytes (merged in from another folder, or replaced), leaves their digits unknown, and the report
says so (`LearnedDigits.unknown`) rather than read it as no record, summed up by record as training
sums up its own (`model.canvas_digits.untold_by_record`, `untold_warnings`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from petloc_gui.cli.output import error
from petloc_gui.core.text import counted, isolated, visible

if TYPE_CHECKING:
    from collections.abc import Collection

    from petloc_gui.model.training_record import Lineage


class LearnedDigits(NamedTuple):
    """`learned_digit_count`'s answer."""

    n_canvases: int  # evaluated canvases of learned digits, none of them a training image by its bytes
    # what the model did with them (`core.digits_record.learned_words`): "learned", or, for a whole
    # split, "learned, or chose its epoch with,"
    learned: str
    # (record, why it cannot be read, how many evaluated images it leaves untold) of each `petloc digits`
    # record that cannot tell the digits of evaluated canvases: they may hold learned digits
    unknown: tuple[tuple[Path, str, int], ...] = ()
    # where it met their digits (`core.digits_record.canvases_words`): "on other canvases", or "on these very
    # canvases" of those whose bytes it chose its epoch with (`petloc digits --split train --seed 0`: its own)
    canvases: str = "on other canvases"

    @property
    def n_unknown(self) -> int:
        """Evaluated images whose digit cannot be told (not counted in ``n_canvases``)."""
        return sum(n for _, _, n in self.unknown)

    def n_unknown_of(self, reasons: Collection[str]) -> int:
        """Those of ``n_unknown`` whose record cannot tell them for one of ``reasons``: named as canvases in a
        folder whose record is not there, or records no canvas (`core.digits_record.UNRECORDED_REASONS`: copied
        without it), or one that knows them neither by their name nor by their bytes (`NOT_RECORDED`: merged in
        from another folder, or replaced)."""
        return sum(n for _, why, n in self.unknown if why in reasons)


def learned_digit_count(images: list[Path], lineage: Lineage, trained_on: Collection[Path] = (),
                        hashes: dict[Path, str | None] | None = None) -> LearnedDigits:
    """How many of ``images`` are canvases (by their folder's record, their bytes still those recorded)
    of an MNIST digit the model, or any model up its chain of parents (``lineage``:
    `model.training_record.lineage_of` of its meta.json), learned on other canvases; says so on stderr
    when any, naming their split as the retrain comparison does (`core.digits_record.digits_hedge`).
    ``trained_on``: the images `trained_on_count` matched to a training image; not counted again.
    ``hashes``: the sha256 of images already hashed (`trained_on_count`'s; None: unreadable), so no
    file is read twice; one hashed here is added. A record that cannot tell an image's digit (it
    cannot be read, or its entry names no digit) is warned about and returned in ``unknown``."""
    from petloc_gui.core.digits_record import canvases_words, learned_words
    from petloc_gui.model.canvas_digits import untold_by_record, untold_warnings
    from petloc_gui.model.current_model_digits import SeenDigits, seen_canvases

    # the whole parent chain, as the retrain comparison: a model two fine-tunes from the bundled digits
    # model (trained before meta.json recorded digits) learned its digits too
    digits = lineage.digits
    # a canvas the model trained on is counted in n_trained_on (and warned about) already
    trained = {Path(image) for image in trained_on}
    # the Retrain dialog's walk, so the two counts of one folder agree; no tested digits: these figures count
    # the digits the model learned, whether or not it was tested on them too
    known = hashes if hashes is not None else {}
    found = seen_canvases([image for image in map(Path, images) if image not in trained], SeenDigits(digits, {}),
                          known)
    splits = [split for _, split in found.seen.values()]  # the petloc digits split of each canvas counted
    same = _own_canvases(list(found.seen), lineage, known) if splits else 0
    if splits:
        _warn_learned(splits, len(images), digits, same)
    unknown = tuple(untold_by_record(found.untold))
    # each record set apart: a Hebrew folder name took the line's direction in a terminal that lays out bidi text
    # and moved the reason and the advice around it; the reason `visible`, as the line's other words
    told = [(record, visible(why), n) for record, why, n in unknown]
    for line in untold_warnings(told, "evaluated", lambda how: f"{_MAY_INCLUDE} ({how})", _RECORD_ANEW,
                                "--json lists them: digits_records_unread", name=isolated):
        error(f"warning: {line}", names_isolated=True)
    return LearnedDigits(len(splits), learned_words(splits, digits, same), unknown, canvases_words(len(splits), same))


def _own_canvases(images: list[Path], lineage: Lineage, hashes: dict[Path, str | None]) -> int:
    """How many of ``images`` are, byte for byte, images the model, or one up its line, trained on or chose its
    epoch with (each record's training and validation images with a hash; the walk keeps an ancestor's training
    ones): `core.digits_record.digits_hedge`'s ``same``. The bundled digits model's 199 validation canvases, made
    again by `petloc digits --split train --seed 0`, were said to hold digits it met "on other canvases". Each
    image not hashed yet is hashed (`hashes` gets it), only when a record has a hash to match."""
    from petloc_gui.core.digits_record import same_canvases
    from petloc_gui.model.current_model_digits import lazy_sha256_of

    recorded = lineage.read_hashes()
    return same_canvases(map(lazy_sha256_of(hashes), images), recorded) if recorded else 0


# what an evaluated canvas whose digit cannot be told means for the figures, and how its record is made anew
# (one copied without its record, or one its record knows not: `model.canvas_digits.tell_untold`)
_MAY_INCLUDE = "these figures may include digits this model, or one it was fine-tuned from, learned on other canvases"
_RECORD_ANEW = ("to record them anew, move it away and run the petloc digits command that made the folder again, "
                "with the same --split, --count and --seed")


def _warn_learned(splits: list[str], n_images: int, digits: dict[str, frozenset[int] | None], same: int) -> None:
    """The stderr line: how many evaluated canvases hold learned digits (``same`` of them, by their bytes, images
    the model read itself: `_own_canvases`), of which split, and where held-out figures are to be had (a split
    none of whose digits the model learned), if anywhere."""
    from petloc_gui.core.digits_record import digits_hedge, held_out_splits

    which = "the one evaluated image" if n_images == 1 else f"{len(splits)} of these {n_images} evaluated images"
    hedge = digits_hedge(which, splits, "this model, or one it was fine-tuned from,", "these figures", digits, same)
    spare = held_out_splits(digits)
    advice = ("for held-out figures, evaluate a folder made by petloc digits DIR "
              + " or ".join(f"--split {split}" for split in spare)) if spare else \
        "every split of petloc digits holds digits it learned: no folder of petloc digits gives held-out figures for it"
    error(f"{hedge} ({advice})")


def learned_digits_record(record: str, learned: LearnedDigits) -> str:
    """``trained_on_record`` with the learned digits counted: "complete" (or "the model's validation
    images") no longer, as their bytes are no training image's and `n_trained_on` leaves them out, nor
    when a record cannot tell the digits of some (``unknown``: one there that cannot be read, none beside
    images named as canvases, or one that knows them not); "none: ..." stays (nothing is counted then)."""
    from petloc_gui.core.digits_record import NOT_RECORDED, RECORD_NAME, UNRECORDED_REASONS

    if record.startswith("none:"):
        return record
    # canvases named so whose digit no record tells: (how many, "has" or "have" of them, where the record is not)
    canvases = [(learned.n_unknown_of(UNRECORDED_REASONS), ("has", "have"),  # copied without their folder's record
                 f"no {RECORD_NAME} record beside {{them}}"),
                (learned.n_unknown_of((NOT_RECORDED,)), ("is", "are"),  # merged in from another folder, or replaced
                 f"not in the {RECORD_NAME} beside {{them}}, by name or by bytes")]
    notes = []
    if learned.n_canvases:
        holds = "holds an MNIST digit" if learned.n_canvases == 1 else "hold MNIST digits"
        notes.append(f"{counted(learned.n_canvases, 'evaluated image')} {holds} the model {learned.learned} "
                     f"{learned.canvases} (n_learned_digits), not counted in n_trained_on")
    unreadable = learned.n_unknown - sum(n for n, _, _ in canvases)
    if unreadable:
        may = "may hold an MNIST digit" if unreadable == 1 else "may hold MNIST digits"
        notes.append(f"{counted(unreadable, 'evaluated image')} {may} the model learned: the petloc digits "
                     "record of its folder cannot be read (n_digits_unknown, digits_records_unread)")
    for n, (has, have), where in canvases:
        if n:
            named, them, may = ((f"named as a petloc digits canvas {has}", "it", "it may hold an MNIST digit")
                                if n == 1 else
                                (f"named as petloc digits canvases {have}", "them", "they may hold MNIST digits"))
            notes.append(f"{counted(n, 'evaluated image')} {named} {where.format(them=them)}; {may} the model "
                         "learned (n_digits_unknown, digits_records_unread)")
    if not notes:
        return record
    note = "; ".join(notes)
    return f"{record}; {note}" if record.startswith("incomplete:") else f"incomplete: {note}"


def unknown_report(learned: LearnedDigits) -> dict[str, Any]:
    """The `--json` keys of the records that cannot tell evaluated canvases' digits."""
    return {"n_digits_unknown": learned.n_unknown,
            "digits_records_unread": [{"record": str(record), "problem": why, "n_images": n}
                                      for record, why, n in learned.unknown]}


def digits_notes(report: dict[str, Any]) -> str:
    """The table's "images" line's words on the evaluated canvases of learned, or untold, digits."""
    learned, unknown = report.get("n_learned_digits"), report.get("n_digits_unknown")
    return ((f", {learned} hold MNIST digits it learned" if learned else "")
            + (f", {unknown} whose MNIST digit cannot be told" if unknown else ""))
