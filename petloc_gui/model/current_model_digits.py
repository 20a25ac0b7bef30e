"""Which canvases of a folder hold MNIST digits a model has seen: was tested on, learned, or chose its epoch with.

The bundled demo is 200 canvases of the MNIST test digits the bundled digits model's 1,000-digit test figure is
measured on: other bytes than its test images, so no image hash holds them out of a retrain, and a retrain on them
trains on that model's test digits (`petloc evaluate` of the new model then counts them: n_learned_digits). The
Retrain dialog says so before the run, by the rule `petloc evaluate` counts n_learned_digits with: each canvas's
digit by its folder's `petloc digits` record, looked up by its bytes (`core.digits_record.DigitLookup`, the canvas
hashed here where it was not yet, as a run records the digits it learns), matched
(`core.digits_record.learned`) against the digits the model and the models up its line learned or chose their
epoch with (`model.training_record.lineage_of`), and here against the digits its published test figure is on
(`digits_tested_on`). Digit identity is said, not held out: holding them out would leave the demo nothing to train
on. `seen_canvases` is the one walk of both counts (`cli.evaluate_digits.learned_digit_count` asks it with no
tested digits), so the dialog and `petloc evaluate` cannot count one folder apart. Canvases whose record cannot
tell their digit are not counted but returned (`SeenCanvases.untold`): `petloc evaluate` warns of them, the
dialog by its own read of the training canvases' bytes, as the run's (`ui.training.retrain_preview_digits`). No
Qt, no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

TESTED = "tested"  # `seen_canvases`: a canvas of a digit the model's published test figure is on
LEARNED = "learned"  # ... one the model, or a model up its line, learned or chose its epoch with


class SeenDigits(NamedTuple):
    """The MNIST digits a model has seen (``{split: indices}``, None: the whole split, as
    `core.digits_record.learned_digits` gives them)."""

    learned: dict[str, frozenset[int] | None]  # learned or chose its epoch with, it or a model up its line
    tested: dict[str, frozenset[int] | None]  # its published test figure is on them


def digits_tested_on(meta: Mapping[str, Any]) -> dict[str, frozenset[int] | None]:
    """The MNIST digits the published test figure of the model of ``meta`` is on: the whole --split test of
    `petloc digits` when its meta.json ``test_split`` is by the digits split rule (ADR 0002: the bundled digits
    model's 1,000 held-out test digits, 100 per class, which is the whole split); {} otherwise (a test list of
    images is held out by its bytes)."""
    from petloc_gui.core.digits import SPLIT_DESCRIPTION
    from petloc_gui.core.digits_record import WHOLE_SPLIT

    test_split = meta.get("test_split")
    if isinstance(test_split, dict) and test_split.get("split_rule") == SPLIT_DESCRIPTION:
        return {"test": WHOLE_SPLIT}
    return {}


def seen_digits_of(spec: str) -> SeenDigits:
    """`SeenDigits` of the model ``spec`` (a bundled name or a bundle's folder): its line walked as `petloc
    evaluate` walks it. Raises `BundleError` when its meta.json cannot be read."""
    from petloc_gui.model.bundle import read_meta, resolve_model
    from petloc_gui.model.training_record import lineage_of

    meta = read_meta(spec)
    return SeenDigits(lineage_of(meta, located=resolve_model(spec)).digits, digits_tested_on(meta))


def lazy_sha256_of(hashes: dict[Path, str | None]) -> Callable[[Path], str | None]:
    """A `core.digits_record.DigitLookup.look_up` ``sha256_of`` over ``hashes`` (the sha256 of images already
    hashed; None: unreadable, its name's entry tells): an image not there is hashed when first asked, and added.
    `look_up` asks only of an image whose folder has a record, so a folder of photos is not read; the walks of
    one preview share ``hashes``, so each canvas is read once (`seen_canvases`,
    `ui.training.retrain_preview_digits.untold_digits`)."""
    from petloc_gui.model.bundle import sha256_or_none

    def sha256_of(image: Path) -> str | None:
        if image not in hashes:
            hashes[image] = sha256_or_none(image)  # None: unreadable now
        return hashes[image]

    return sha256_of


class SeenCanvases(NamedTuple):
    """`seen_canvases`' answer."""

    seen: dict[Path, tuple[str, str]]  # image -> (TESTED or LEARNED, its petloc digits split), in the order given
    # (its folder's record, why it cannot tell) once per image whose digit that record cannot tell: it may hold
    # a digit of ``seen`` (`core.digits_record.DigitLookup.look_up`)
    untold: list[tuple[Path, str]]


def seen_canvases(images: Iterable[Path], seen: SeenDigits, hashes: dict[Path, str | None]) -> SeenCanvases:
    """Those of ``images`` that hold a digit of ``seen`` by their folder's record (each record read once), and
    those whose record cannot tell. ``hashes``: the sha256 of images already hashed (None: unreadable, its
    name's entry tells); an image of a folder with a record that is not there is hashed and added, as `petloc
    train` records the digits a run learns by their bytes (a canvas copied under another name holds its digit
    still; one replaced under a canvas's name no longer holds the digit its name's entry says). A digit both
    tested and learned is `TESTED` (the published figure it would skew). Nothing is looked up when ``seen``
    holds no digit."""
    from petloc_gui.core.digits_record import DigitsRecordError, learned
    from petloc_gui.model.canvas_digits import told_digits

    sha256_of = lazy_sha256_of(hashes)
    found = SeenCanvases({}, [])
    if not seen.learned and not seen.tested:
        return found
    # not named as a canvas of petloc digits and no canvas recorded: None; so named: untold
    for image, told in told_digits((image, image, sha256_of) for image in images):
        if isinstance(told, DigitsRecordError):
            found.untold.append((Path(told.path or image.parent), told.reason))
        elif told is not None and learned(told, seen.tested):
            found.seen[image] = (TESTED, told[0])
        elif told is not None and learned(told, seen.learned):
            found.seen[image] = (LEARNED, told[0])
    return found
