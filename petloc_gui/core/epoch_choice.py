"""Which of a model's validation images chose something in its training, read from its meta.json.

Training holds images out and splits them in two (`model.splits`): the *selection* part chooses the
epoch, the *report* part only reports (meta.json ``validation_parts``). A two-stage bundle
(meta.json ``refine``) also chose its second stage's epoch and variant: on the photos its
``refine.selection`` names, or, where it records no selection (an empty list is a record that it
chose on no photo), on every validation photo of its first stage. The bundled pets model is such a
bundle (its refiner's ``validation_variants`` are on all 41 of them), and so is a retrain that
carried a refiner before the record existed; read as they are, none of their validation photos is a
report photo for the cascade. An older model records no parts: all of its validation images chose
its epoch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# How `model.refine_training` and a carried refiner record the photos that chose the refiner's epoch
# and variant (meta.json refine.selection.part).
REFINER_SELECTION_PART = "selection part"
REFINER_ALL_VALIDATION = "every validation photo of its first stage"


def _paths(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def validation_images(meta: dict[str, Any]) -> list[str]:
    """The validation images the model's meta.json lists (paths relative to the data root)."""
    split = meta.get("validation_split")
    return _paths(split.get("images")) if isinstance(split, dict) else []


def refiner_choosers(meta: dict[str, Any]) -> set[str] | None:
    """The photos that chose the second stage's epoch and variant; None: no second stage.

    ``refine.selection.images`` where recorded, else every validation image (nothing says otherwise)."""
    refine = meta.get("refine")
    if not isinstance(refine, dict) or not refine:
        return None
    selection = refine.get("selection")
    if isinstance(selection, dict) and isinstance(selection.get("images"), list):
        return set(_paths(selection["images"]))
    return set(validation_images(meta))


@dataclass(frozen=True)
class ValidationParts:
    """A model's validation images by what they chose."""

    report: list[str]  # chose nothing: the model's figures belong on these
    chose: list[str]  # chose the epoch, or the second stage's epoch and variant
    recorded: bool  # meta.json records validation_parts (an older model does not: all chose its epoch)
    refiner_took: int  # report-part images that chose the second stage (so are not in ``report``)


def validation_parts(meta: dict[str, Any]) -> ValidationParts:
    """The parts of the validation images of the model of ``meta`` (its meta.json)."""
    listed = validation_images(meta)
    recorded = meta.get("validation_parts")
    parts: dict[str, Any] = recorded if isinstance(recorded, dict) else {}
    refiner = refiner_choosers(meta) or set()
    report_part = _paths(parts.get("report"))
    report = [p for p in report_part if p not in refiner]
    kept = set(report)
    chose = [p for p in listed if p not in kept]
    return ValidationParts(report, chose, bool(parts), len(report_part) - len(report))
