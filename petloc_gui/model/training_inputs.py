"""What a training run reads and validates on: its input pipeline, validation sets, report figures.

`training.train` builds these around the model: the training batches (one
input pipeline per worker under a strategy), the decoded-image cache, the
validation images an epoch is chosen or reported on, and the figures a new
model is shown with (on the validation images that did not choose its
epoch). Moved from `training` unchanged (it was at its 400-line limit).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from petloc_gui.core.paths import user_cache_dir
from petloc_gui.model.presets import Preset
from petloc_gui.model.training_data import TrainingData
from petloc_gui.model.untyped import Dataset, Strategy

if TYPE_CHECKING:
    from petloc_gui.model.image_cache import ImageCache
    from petloc_gui.model.training_data import Item
    from petloc_gui.model.training_loop import EpochMonitor, ValidationSet


def image_cache_or_none(emit: Callable[[dict], None]) -> ImageCache | None:
    """The decoded-image cache; None (said in a "notice" event) when its folder cannot be made:
    the cache only saves time, so the run goes on without it."""
    from petloc_gui.model.image_cache import ImageCache

    folder = user_cache_dir() / "decoded-images"
    try:
        return ImageCache(folder)
    except OSError as exc:
        emit({"event": "notice", "message": f"the decoded-image cache {folder} cannot be used "
                                            f"({exc.strerror or exc}): training without it"})
        return None


def with_heat_targets(dataset: Dataset) -> Dataset:
    """``(x, (class ids, box))`` batches -> the box also as the target of a centre head's heatmap and
    votes (`networks.training_view`'s extra outputs)."""
    return dataset.map(lambda x, y: (x, (y[0], y[1], y[1], y[1])))


def train_input(data: TrainingData, preset: Preset, batch_size: int, seed: int, cache: ImageCache | None,
                 strategy: Strategy, distribute: str | None, heat_target: bool = False) -> Dataset:
    """The training dataset; under a strategy, one input pipeline per worker reading its own file shard.

    ``heat_target``: the box as the target of the centre head's heatmap and box votes too.
    """
    from petloc_gui.model.pipeline import Shard

    def targets(dataset: Dataset) -> Dataset:
        return with_heat_targets(dataset) if heat_target else dataset

    if distribute is None:
        return targets(data.train_dataset(preset.augmentation, preset.input_size, batch_size, seed, cache,
                                          zoom_out=preset.zoom_out))

    def per_worker(context: Any) -> Dataset:  # a tf.distribute.InputContext
        return targets(data.train_dataset(preset.augmentation, preset.input_size,
                                          context.get_per_replica_batch_size(batch_size), seed, cache,
                                          Shard(context.num_input_pipelines, context.input_pipeline_id),
                                          preset.zoom_out))

    return strategy.distribute_datasets_from_function(per_worker)


def validation_set(data: TrainingData, preset: Preset, cache: ImageCache | None,
                    items: Sequence[Item]) -> ValidationSet | None:
    from petloc_gui.model.training_loop import ValidationSet

    if not items:
        return None
    return ValidationSet(
        batches=lambda: data.validation_batches(preset.input_size, 32, cache, items).as_numpy_iterator(),
        label_ids=data.label_ids(items),
        boxes=[it.sample.box for it in items],
        sizes=[it.size for it in items],
        targets=data.boxes(items),
        objects=[it.sample.ground_truth for it in items],  # the figures: best-gt over every object
    )


REPORT_SPLIT = "validation (report part: did not choose the epoch)"
SELECTION_ONLY = "selection set (these images chose the epoch; there were no other held-out images)"


def report_metrics(monitor: EpochMonitor, data: TrainingData, preset: Preset, cache: ImageCache | None,
                    report: Sequence[Item], selection_metrics: dict[str, Any]) -> dict[str, Any]:
    """The figures a new model is shown with: on validation images that did not choose its epoch. Never a
    loss (meta.json "metrics"; the selection's stays in "selection_metrics"): figures on the selection set
    kept it, and a run without validation images wrote "loss": null, where the others have no such key."""
    if not report:
        chosen = {k: v for k, v in selection_metrics.items() if k != "loss"}
        return {**chosen, "split": SELECTION_ONLY} if chosen.get("n_images") else chosen
    metrics = monitor.validate(validation_set(data, preset, cache, report))
    if metrics is None:  # none of the report images could be read
        return {"split": REPORT_SPLIT, "n_images": 0}
    return {"split": REPORT_SPLIT, **{k: v for k, v in metrics.items() if k != "loss"}}
