"""The Retrain dialog's preview of the `petloc digits` records that cannot tell which MNIST digit a training
canvas holds, and the run's warnings about them (`model.canvas_digits`). No Qt, no TensorFlow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def untold_digits(samples: list[Any], hashes: dict[Path, str | None] | None = None) -> dict[str, tuple[str, str]]:
    """``{relpath: (record, why)}`` of ``samples`` whose `petloc digits` record cannot tell their digit, by the
    rule the run tells them by (`model.canvas_digits.canvas_digits`, each image's bytes as read): read by its
    name alone, a canvas overwritten under its recorded name with another's picture was taken for the digit its
    entry names, so the dialog neither counted nor warned of it while the run did. ``hashes``: by image, the
    sha256 of those hashed already; one not there is hashed and added
    (`model.current_model_digits.lazy_sha256_of`), only in a folder holding a record (elsewhere the bytes tell
    nothing, `core.digits_record.DigitLookup`: a folder of photos is not read): the preview's walks share them,
    each canvas read once. {} when the records cannot be looked at (a preview says nothing then)."""
    from petloc_gui.model.canvas_digits import canvas_digits
    from petloc_gui.model.current_model_digits import lazy_sha256_of

    try:
        sha256_of = lazy_sha256_of({} if hashes is None else hashes)
        return canvas_digits(((s.relpath, Path(s.image_path), None) for s in samples), sha256_of).untold
    except Exception:  # noqa: BLE001 - a preview must never break the dialog
        return {}


def trained_untold_notes(untold: dict[str, tuple[str, str]], validation: set[str]) -> tuple[str, ...]:
    """The run's warnings (`model.canvas_digits.untold_notices`) on those of ``untold`` it trains on."""
    from petloc_gui.model.canvas_digits import untold_notices

    return tuple(untold_notices({r: why for r, why in untold.items() if r not in validation}))
