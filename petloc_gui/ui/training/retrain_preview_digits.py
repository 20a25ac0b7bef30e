"""The Retrain dialog's preview of the `petloc digits` records that cannot tell which MNIST digit a training
canvas holds, and the run's warnings about them (`model.canvas_digits`). No Qt, no TensorFlow.
"""

from __future__ import annotations

from typing import Any


def untold_digits(samples: list[Any]) -> dict[str, tuple[str, str]]:
    """``{relpath: (record, why)}`` of ``samples`` whose `petloc digits` record cannot tell their digit
    (`model.canvas_digits`); {} when the records cannot be looked at (a preview says nothing then)."""
    from petloc_gui.model.canvas_digits import canvas_digits

    try:
        return canvas_digits((s.relpath, s.image_path, None) for s in samples).untold
    except Exception:  # noqa: BLE001 - a preview must never break the dialog
        return {}


def trained_untold_notes(untold: dict[str, tuple[str, str]], validation: set[str]) -> tuple[str, ...]:
    """The run's warnings (`model.canvas_digits.untold_notices`) on those of ``untold`` it trains on."""
    from petloc_gui.model.canvas_digits import untold_notices

    return tuple(untold_notices({r: why for r, why in untold.items() if r not in validation}))
