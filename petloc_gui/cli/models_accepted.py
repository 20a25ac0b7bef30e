"""`petloc models`' word on figures whose images hold boxes a person accepted unchanged from a model: a
fine-tune's scored validation images often do (a folder corrected from its parent's predictions), and its
figures there measure agreement with that model (ADR 0013). `petloc train` records it beside meta.json
``metrics`` (`model.training_accepted`: ``metrics_accepted_boxes``); a row whose figures are those carries
the record (--json) and the table is followed by one line on it."""

from __future__ import annotations

from typing import Any

from petloc_gui.app.model_metrics import ACCEPTED_KEY as KEY


def accepted_lines(rows: list[dict[str, Any]]) -> list[str]:
    """One line per row carrying a record (`app.model_metrics.accepted_record`), after the table:
    "digits/<id>: 4 of 10 scored images hold boxes accepted from a model; on the 6 of these 10 images whose
    boxes a person drew: accuracy 0.833  mean_iou 0.613 ...", the person-drawn figures in `petloc train`'s
    words (`cli.train_report.person_lines`), so each count is said and accuracy is named on the images it
    is on (those whose labels a person gave, some with a model's box relabelled: before, "person-drawn ...
    accuracy 0.000" on 0 person-drawn images)."""
    from petloc_gui.cli.train_report import person_lines

    lines = []
    for row in rows:
        record = row.get(KEY)
        if not isinstance(record, dict):
            continue
        n, scored = _count(record.get("n_images")), _count(record.get("n_scored"))
        head = f"{row['name']}: {n} of {scored if scored else '?'} scored images hold boxes accepted from a model"
        person = person_lines(record)
        if not person:  # every one holds a model's box and label: no figure is a person's
            lines.append(f"{head}: none has a box or label a person gave")
            continue
        lines.append(f"{head}; {person[0]}")
    return lines


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def figure_text(value: Any) -> str:
    """A figure as `petloc models` shows it in its table: as the window shows it
    (app.model_metrics.metrics_text: 3 decimals of the recorded value); "-" when there is none (on
    images no person drew a box of: no IoU)."""
    return "-" if not isinstance(value, (int, float)) or isinstance(value, bool) else f"{value:.3f}"
