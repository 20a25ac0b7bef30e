"""The MNIST digit each canvas holds, by its folder's record, and the canvases whose record cannot tell.

`petloc digits` records which digit each canvas holds (`core.digits_record`):
training reads it for meta.json's ``training_data.mnist_digits``, the retrain
comparison to hedge its figures (`model.comparison`). A training canvas whose
folder's record cannot be read, or whose entry names no digit, or one named as a
canvas (`core.digits_record.is_canvas_name`) in a folder with no record (copied
without it), or whose record knows it neither by its name nor by its bytes
(merged in from another folder, or replaced), holds a digit
nobody can tell: read as "no digit", the new model's record would say it
learned less than it may have, and `petloc evaluate` and the retrain comparison
would call its figures on those digits held-out ones. So such canvases are
counted here (`CanvasDigits.untold`, summed up by record in `untold_by_record`, as `petloc evaluate` sums
up its own), the run warns of them (`untold_notices`:
the training log, the Retrain dialog), and the record takes them for what they
may be: any digit of any split (`untold_learned`: "all", which every reader of
mnist_digits takes for learned), with why in
``training_data.mnist_digits_unknown`` (`untold_record`). No TensorFlow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple, TypeVar

from petloc_gui.core.digits_record import (
    NOT_RECORDED,
    RECORD_NAME,
    UNRECORDED_REASONS,
    WHOLE_SPLIT,
    Digit,
    DigitLookup,
    DigitsRecordError,
)
from petloc_gui.core.text import counted, visible

RecordT = TypeVar("RecordT", str, Path)  # a record: relative to the data folder (training), or a path (evaluate)
KeyT = TypeVar("KeyT")  # what a caller of `told_digits` names an image by
UNKNOWN_KEY = "mnist_digits_unknown"  # meta.json "training_data" key: the records that could not tell (`untold_record`)


class CanvasDigits(NamedTuple):
    """`canvas_digits`' answer."""

    digits: dict[str, Digit]  # relpath -> the digit its folder's record tells (still the bytes recorded)
    untold: dict[str, tuple[str, str]]  # relpath -> (its record, relative to the data folder; why it cannot tell)


def told_digits(images: Iterable[tuple[KeyT, Path, Callable[[Path], str | None]]]
                ) -> Iterator[tuple[KeyT, Digit | DigitsRecordError | None]]:
    """(key, what its folder's `petloc digits` record tells of the image) of each (key, image path, its
    ``sha256_of``: `DigitLookup.look_up`'s) of ``images``: its digit, None (no canvas), or the
    `DigitsRecordError` of a record that cannot tell; each record read once. The one walk of `canvas_digits`
    and `model.current_model_digits.seen_canvases`."""
    lookup = DigitLookup()
    for key, image, sha256_of in images:
        try:
            told: Digit | DigitsRecordError | None = lookup.look_up(image, sha256_of)
        except DigitsRecordError as exc:
            told = exc
        yield key, told


def canvas_digits(images: Iterable[tuple[str, Path, str | None]],
                  sha256_of: Callable[[Path], str | None] | None = None) -> CanvasDigits:
    """The digits of (relpath, image path, sha256 as read; None: unreadable) images, by their folders'
    `petloc digits` records, and the images whose record cannot tell (each record is read once).
    ``sha256_of``: each image's sha256 is asked of it instead (the tuples' not read), only where the image's
    folder has a record (`model.current_model_digits.lazy_sha256_of`: hashed when first asked)."""
    found = CanvasDigits({}, {})
    # hash as read: finds a renamed canvas
    for relpath, told in told_digits((relpath, image, sha256_of or {image: sha256}.get)
                                     for relpath, image, sha256 in images):
        if isinstance(told, DigitsRecordError):
            found.untold[relpath] = (str(PurePosixPath(relpath).parent / RECORD_NAME), told.reason)
        elif told is not None:
            found.digits[relpath] = told
    return found


def untold_learned(inherited: dict[str, frozenset[int] | None],
                   untold: dict[str, tuple[str, str]]) -> dict[str, frozenset[int] | None]:
    """``inherited`` (`core.digits_record.learned_digits` of the parent's line), and, when any training
    canvas's digit cannot be told, every split of `petloc digits` whole: the canvas may hold any digit."""
    from petloc_gui.core.digits import SPLITS

    return {**inherited, **{split: WHOLE_SPLIT for split in SPLITS}} if untold else inherited


def untold_by_record(untold: Iterable[tuple[RecordT, str]]) -> list[tuple[RecordT, str, int]]:
    """(record, its first reason: the record itself, or its first entry naming no digit; how many images)
    of each record, in the order first met, from (record, why) once per image whose digit it cannot tell.
    The one summary of them: training's (`untold_record`, `untold_notices`), `petloc evaluate`'s."""
    records: dict[RecordT, tuple[str, int]] = {}
    for record, why in untold:
        first, n = records.get(record, (why, 0))
        records[record] = (first, n + 1)
    return [(record, why, n) for record, (why, n) in records.items()]


def _training_records(untold: dict[str, tuple[str, str]]) -> list[tuple[str, str, int]]:
    return sorted(untold_by_record(untold.values()))


def untold_record(untold: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """meta.json's ``training_data.mnist_digits_unknown`` ({} when every digit was told): why its
    mnist_digits names every split whole, in `petloc evaluate --json`'s words (digits_records_unread)."""
    if not untold:
        return {}
    return {"n_images": len(untold), "recorded_as": "every digit of every split of petloc digits (any may be learned)",
            "records": [{"record": record, "problem": why, "n_images": n}
                        for record, why, n in _training_records(untold)]}


def untold_notices(untold: dict[str, tuple[str, str]], shown: int = 3) -> list[str]:
    """A warning for each record (the first ``shown``) that cannot tell the digits of training canvases:
    what the new model's meta.json then records, and how the record is made anew."""
    recorded_so = ("the new model's meta.json records that it may have learned every digit of petloc digits, and its "
                   "figures on any petloc digits canvas will be said to be optimistic")
    return untold_warnings(_training_records(untold), "training",
                           lambda how: f"{recorded_so} ({how}, and train again)",
                           "to record them anew, move it away, run the petloc digits command that made the folder "
                           "again, with the same --split, --count and --seed",
                           f"meta.json lists them: training_data.{UNKNOWN_KEY}", shown)


# how canvases copied without their folder's record (`UNRECORDED_REASONS`) have their digits told
TELL_COPIED = "to have them told, copy beside them the petloc-digits.json of the folder petloc digits wrote them to"
# how canvases the record beside them knows not (`NOT_RECORDED`) have theirs told: that record is not to be
# replaced (it tells its own canvases); `petloc digits` run again leaves canvases that are already
# what it would write as they are, and records them
TELL_MERGED = ("to have them told, keep them beside the petloc-digits.json of the folder petloc digits wrote them to, "
               "or run the petloc digits command that wrote them again with this folder as OUT (the same --split, "
               "--count and --seed), which records them here")


def tell_untold(why: str) -> str | None:
    """How canvases whose record beside them cannot tell their digit for ``why`` have it told, when that
    record is not theirs (`UNRECORDED_REASONS`, `NOT_RECORDED`); None when it is (it is made anew)."""
    if why in UNRECORDED_REASONS:
        return TELL_COPIED
    return TELL_MERGED if why == NOT_RECORDED else None


def untold_warnings(records: Sequence[tuple[object, str, int]], images: str, follows: Callable[[str], str],
                    anew: str, listed: str, shown: int = 3, name: Callable[[object], str] = visible) -> list[str]:
    """A warning for each of ``records`` (`untold_by_record`; the first ``shown``) that cannot tell which
    digit ``images`` ("training", "evaluated") images hold, saying ``follows(how)``: what follows, and how
    they are told: the record made ``anew``, or, of a record that is not the canvases' own, `tell_untold`'s
    way; then one for the rest, and where they are ``listed``. Each record is written as ``name`` gives it
    (`core.text.isolated` for a line printed with its names set apart, as `petloc evaluate`'s)."""
    notices = []
    for record, why, n in records[:shown]:
        which = (f"the one {images} image in its folder holds" if n == 1
                 else f"the {n} {images} images in its folder hold")
        notices.append(f"{name(record)}: {why}: which MNIST digit {which} cannot be told, "
                       f"so {follows(tell_untold(why) or anew)}")
    rest = records[shown:]
    if rest:
        notices.append(f"and {counted(len(rest), 'more petloc digits record')} that cannot tell the digits of "
                       f"{counted(sum(n for _, _, n in rest), images + ' image')} ({listed})")
    return notices
