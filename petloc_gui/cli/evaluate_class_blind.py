"""`petloc evaluate`'s figures with the class ignored (``KEY`` in --json, one line of the table).

The README gives the bundled digits model's mean IoU as "0.930 (0.946 ignoring the class)" and says its
figures are re-measured with `petloc evaluate --json`, which gave the best-gt figure alone: 0.946 was only
in meta.json (``metrics.ignoring_class``). Each photo's box is scored against the object it overlaps most,
whatever its class (`core.metrics.class_blind_figures`), the rule that figure was recorded by.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from petloc_gui.cli.output import finite

KEY = "ignoring_class"  # as the bundled digits meta.json names the same figures


def class_blind_report(evaluated: Sequence[tuple[Any, Sequence[tuple[str, Any]], Any]]) -> dict[str, float | None]:
    """{mean_iou, median_iou, iou_ge_50, iou_ge_75} of the ``evaluated`` (image, objects, prediction) with
    the class ignored, each rounded as --json's figures are (None: none can be computed)."""
    from petloc_gui.core.metrics import class_blind_figures

    figures = class_blind_figures([objects for _, objects, _ in evaluated], [p.box for _, _, p in evaluated])
    return {key: finite(value) for key, value in figures.items()}


def class_blind_line(report: dict[str, Any], num: Callable[[Any], str]) -> list[str]:
    """The table's line of those figures (none where the report has none); ``num`` writes a figure."""
    figures = report.get(KEY)
    if not isinstance(figures, dict):
        return []
    return [f"ignoring the class: mean IoU {num(figures['mean_iou'])}   median {num(figures['median_iou'])}   "
            f"IoU>=0.5 {num(figures['iou_ge_50'])}   IoU>=0.75 {num(figures['iou_ge_75'])}"]
