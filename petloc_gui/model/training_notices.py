"""A training run's notices on its classes and its parent's line, sent before it trains (a "notice" event
each: `petloc train`'s stderr, the Retraining window's log). No TensorFlow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from petloc_gui.model.class_renames import renamed_notice, untold_renames_notice
from petloc_gui.model.collected_folder import incomplete_lineage_warning

if TYPE_CHECKING:
    from petloc_gui.model.bundle import LoadedBundle
    from petloc_gui.model.training import TrainConfig
    from petloc_gui.model.training_data import TrainingData


def class_notices(data: TrainingData, parent: LoadedBundle | None) -> list[str]:
    """The log's lines on a fine-tune's classes: the renames it was told of, or its warning that a new
    class may be one of the parent's renamed (`class_renames`)."""
    if parent is None:
        return []
    if data.renamed:
        return [renamed_notice(data.renamed)]
    on_boxes = {label for it in data.items for label, _ in it.sample.ground_truth}
    untold = untold_renames_notice(parent.class_names, set(data.class_names) - set(parent.class_names), on_boxes)
    return [untold] if untold else []


def lineage_notices(data: TrainingData, config: TrainConfig) -> list[str]:
    """The log's warning that the images the parent and its ancestors trained on are not all known, so
    validation may hold some (`collected_folder.incomplete_lineage_warning`, as `petloc train` and `petloc
    evaluate` word it); none when the caller told it already (``config.lineage_told``). Only `petloc train`
    said it, so the window's training child, whose log shows the run's notices, trained on unsaid."""
    why = data.lineage_incomplete
    if not why or why == config.lineage_told:
        return []
    return [f"warning: {incomplete_lineage_warning(why)}"]

