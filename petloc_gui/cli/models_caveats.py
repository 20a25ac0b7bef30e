"""What `petloc models` says of a row whose figures are its run's own (meta.json ``metrics``) beyond them: the
records `petloc train` keeps beside them of the images they are on that hold boxes a person accepted unchanged
from a model (``metrics_accepted_boxes``, `cli.models_accepted`) and of those that are `petloc digits` canvases
of MNIST digits a model learned on other canvases (``metrics_learned_digits``, `model.training_digits`). Each
is carried by its row (--json) and said in lines after the table."""

from __future__ import annotations

from typing import Any

from petloc_gui.app.model_metrics import LEARNED_DIGITS_KEY, accepted_record, hedges_in, learned_digits_record
from petloc_gui.cli.models_accepted import KEY as ACCEPTED_KEY


def with_caveats(row: dict[str, Any], meta: Any, figures: Any, problems: list[str] | None = None) -> None:
    """``row`` carries meta.json's (``meta``) records of its figures' (``figures``) images, each when there is
    one (`app.model_metrics.accepted_record`, `learned_digits_record`: only of a run's own figures)."""
    for key, record in ((ACCEPTED_KEY, accepted_record(meta, figures, problems)),
                        (LEARNED_DIGITS_KEY, learned_digits_record(meta, figures, problems))):
        if record is not None:
            row[key] = record


def learned_digits_lines(rows: list[dict[str, Any]]) -> list[str]:
    """One line per sentence of each row's ``metrics_learned_digits`` record, after the table, in `petloc
    train`'s words: "digits/<id>: 3 of these 3 images hold MNIST digits that the model it was fine-tuned
    from, ... so these figures on them are optimistic"."""
    lines = []
    for row in rows:
        lines += [f"{row['name']}: {hedge.removesuffix('.')}" for hedge in hedges_in(row.get(LEARNED_DIGITS_KEY))]
    return lines
