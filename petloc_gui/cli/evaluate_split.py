"""Which images `petloc evaluate` scores (``--split all|validation``) and how its report names them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from petloc_gui.cli.output import CommandError, error, info
from petloc_gui.core.text import counted

SPLIT_DESCRIPTION = "all annotated images in DATA"
VALIDATION_DESCRIPTION = "validation images listed in the model's meta.json"
REPORT_DESCRIPTION = "validation images that did not choose the model's epoch (meta.json validation_parts.report)"
SELECTION_DESCRIPTION = "validation images listed in the model's meta.json, which chose its epoch (selection set)"


def select_items(dataset, meta: dict[str, Any], split: str) -> tuple[list, str]:
    """The items to evaluate and how the report describes them.

    `validation` keeps the images the model's meta.json lists as held out
    (paths relative to the dataset root). With `all`, images the model
    trained on are counted and warned about (`trained_on_count`).
    """
    items = list(dataset.items)
    if split == "validation":
        listed = (meta.get("validation_split") or {}).get("images") or []
        if not listed:
            raise CommandError("this model's meta.json lists no validation images; use --split all")
        # the part that did not choose the epoch, as `petloc models` and the window report the model's
        # figures: the images that chose it flatter it (an older model records no parts: all of them)
        recorded = meta.get("validation_parts")
        parts: dict[str, Any] = recorded if isinstance(recorded, dict) else {}
        report = [str(p) for p in parts.get("report") or []]
        description = VALIDATION_DESCRIPTION
        if report:
            chose = len(set(listed) - set(report))
            if chose:
                info(f"petloc: evaluating the {counted(len(report), 'validation image')} that did not choose "
                     f"the model's epoch; the other {chose} chose it (meta.json validation_parts)")
            listed, description = report, REPORT_DESCRIPTION
        elif parts.get("selection"):
            description = SELECTION_DESCRIPTION
        from petloc_gui.model.data import relpath_in  # no TensorFlow

        wanted = set(listed)
        root = Path(dataset.root)  # as listed: a dataset of symbolic links keeps the paths training saw
        chosen = [item for item in items if relpath_in(Path(item.image_path), root) in wanted]
        kind = ("validation images that did not choose its epoch" if description == REPORT_DESCRIPTION
                else "validation images")
        if not chosen:
            which = (f"none of the model's {len(wanted)} {kind} is" if len(wanted) > 1
                     else f"the model's one {kind.replace('images', 'image', 1)} is not")
            raise CommandError(f"{which} in {dataset.root}")
        if len(chosen) < len(wanted):
            missing = len(wanted) - len(chosen)
            are = "is" if missing == 1 else "are"
            error(f"{missing} of the model's {kind} {are} not in {dataset.root}")
        return chosen, description
    return items, SPLIT_DESCRIPTION
