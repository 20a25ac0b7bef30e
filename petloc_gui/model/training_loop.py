"""The Keras callback that drives `training.train`: events, cancellation, validation, early stopping."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import keras
import numpy as np

from petloc_gui.core.metrics import evaluate_objects
from petloc_gui.model.inference import Predictor
from petloc_gui.model.losses import box_loss, heat_loss, vote_loss
from petloc_gui.model.networks import heat_grid
from petloc_gui.model.untyped import KerasModel

BATCH_EVENT_INTERVAL = 0.1  # seconds: at most ~10 batch events per second
# The centre head's heatmap cross-entropy beside the class loss (1.0) and the box loss (Preset.box_loss_weight).
HEAT_LOSS_WEIGHT = 1.0
VALIDATION_SPLIT = "validation (selection: chose the best epoch)"
# No figures for the kept (last) epoch: the run held no image out to choose it, or held some out and could
# read none of them. Two texts, so meta.json says which (they read the same before).
NONE_HELD_OUT_SPLIT = "none (no validation images held out)"
NONE_READABLE_SPLIT = "none (no readable validation images)"


@dataclass
class ValidationSet:
    """The validation images: a factory of ordered ``(uint8 inputs, ok)`` batches and their truth."""

    batches: Callable[[], Any]  # -> iterable of (N x H x W x 3 uint8, N bool ok)
    label_ids: np.ndarray  # N
    boxes: list[tuple[float, float, float, float]]  # pixels of each displayed image
    sizes: list[tuple[int, int]]  # (width, height) of each displayed image
    targets: np.ndarray  # N x 4 normalised boxes (the box loss target)
    # (label, box in pixels) of every object of each image (`data.Sample.ground_truth`): the figures match
    # a prediction against them by the best-gt rule, as `petloc evaluate` does; None: the one object of
    # ``label_ids`` and ``boxes`` (the first, which the loss learns) per image
    objects: Sequence[Sequence[tuple[str, Any]]] | None = None

    def __len__(self) -> int:
        return len(self.label_ids)


def compile_phase(model: KerasModel, learning_rate: float, decay_steps: int, box_loss_weight: float,
                  weight_ema: float = 0.0) -> None:
    """Compile for one training phase: Adam on a cosine decay over its steps, class + weighted box loss.

    A centre head's `networks.training_view` has two more outputs (heatmap, cells' box
    votes): they get `losses.heat_loss` and `losses.vote_loss` against the box.
    ``weight_ema`` > 0: Adam also keeps an exponential moving average of the weights
    (that momentum per step), which `EpochMonitor` validates and keeps (`averaged_weights`).
    Keras averages the trainable variables only: BatchNorm statistics that still train
    follow the raw weights (the digits CNN's did; benchmarks/README.md, runs DE and EMA-CV,
    where the average lost and no preset uses it).
    """
    schedule = keras.optimizers.schedules.CosineDecay(learning_rate, max(1, decay_steps), alpha=0.05)
    loss: list[Any] = [keras.losses.SparseCategoricalCrossentropy(), box_loss]
    weights = [1.0, box_loss_weight]
    heat = heat_grid(model) if len(model.outputs) > 2 else None
    if heat is not None:
        loss += [heat_loss(*heat), vote_loss(*heat)]
        weights += [HEAT_LOSS_WEIGHT, box_loss_weight]
    optimizer = keras.optimizers.Adam(schedule, use_ema=weight_ema > 0, ema_momentum=weight_ema or 0.99)
    model.compile(optimizer=optimizer, loss=loss, loss_weights=weights)


@contextmanager
def averaged_weights(optimizer: Any) -> Iterator[None]:
    """Inside: the trained variables hold the optimizer's moving average of them (where it
    keeps one, `compile_phase`'s ``weight_ema``); after: the raw weights training goes on from.

    At the end of each ``fit`` Keras itself puts the average into the model
    (``finalize_variable_values``), so a later phase (a new `compile_phase`)
    starts from the previous phase's average, not its raw weights.
    """
    if not getattr(optimizer, "use_ema", False) or not getattr(optimizer, "_model_variables_moving_average", None):
        yield  # no average kept, or not built yet (no step taken)
        return
    averages = optimizer._model_variables_moving_average
    variables = list(optimizer._trainable_variables)
    raw = [v.numpy() for v in variables]
    for variable, average in zip(variables, averages, strict=True):
        variable.assign(average)
    try:
        yield
    finally:
        for variable, value in zip(variables, raw, strict=True):
            variable.assign(value)


def _finite(value: Any) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


class EpochMonitor(keras.callbacks.Callback):
    """Emits batch/epoch events, polls ``stop``, validates per image, keeps the best weights.

    The best epoch maximises ``val_accuracy + val_mean_iou`` (ties: lower
    validation loss); training stops after ``patience`` epochs without a
    better one. Without a validation set the last epoch is kept.
    """

    def __init__(self, model: KerasModel, class_names: Sequence[str], validation: ValidationSet | None,
                 box_weight: float, epochs: int, steps: int, patience: int,
                 emit: Callable[[dict], None], stop: Callable[[], bool], stop_before_batches: bool = True) -> None:
        super().__init__()
        self._model = model
        self.names = list(class_names)
        self.predictor = Predictor.from_model(model, self.names)
        self.validation = validation if validation is not None and len(validation) else None
        self.box_weight = box_weight
        self.epochs = epochs
        self.steps = steps
        self.patience = max(1, patience)
        self.emit = emit
        self.stop = stop
        # False when each stop() is a collective (multi-worker): then only after batches, once each
        self.stop_before_batches = stop_before_batches
        self.cancelled = False
        self.finished = False
        self.epochs_run = 0
        self.best_epoch: int | None = None
        self.best_score = -math.inf
        self.best_weights: list[np.ndarray] | None = None
        self.best_metrics: dict[str, Any] = {}
        self._wait = 0
        self._last_event = 0.0
        self._epoch_started = time.monotonic()

    def _halt(self) -> None:
        self._model.stop_training = True
        self.finished = True

    def on_train_batch_begin(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        if self.stop_before_batches and self.stop():
            self.cancelled = True
            self._halt()

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._epoch_started = time.monotonic()
        self._epoch = epoch

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        if self.stop():
            self.cancelled = True
            self._halt()
            return
        now = time.monotonic()
        if now - self._last_event >= BATCH_EVENT_INTERVAL or batch + 1 == self.steps:
            self._last_event = now
            self.emit({"event": "batch", "epoch": self._epoch + 1, "epochs": self.epochs, "step": batch + 1,
                       "steps": self.steps, "loss": _finite((logs or {}).get("loss"))})

    def validate(self, images: ValidationSet | None = None) -> dict[str, Any] | None:
        """Per-image metrics and the loss on the validation images, or ``images`` (inference preparation).

        The loss is on the first object of each image (what training learns), the figures by the best-gt
        rule over all its objects (``ValidationSet.objects``), as `petloc evaluate` gives them.
        None when none of the images could be read.
        """
        val = images if images is not None else self.validation
        if val is None:
            raise ValueError("no validation images: pass `images`, or build the loop with validation images")
        probs_parts, boxes_parts, ok_parts = [], [], []
        for inputs, ok in val.batches():
            probs, boxes = self.predictor.predict_inputs(np.asarray(inputs, np.float32))
            probs_parts.append(probs)
            boxes_parts.append(boxes)
            ok_parts.append(np.asarray(ok, bool))
        keep = np.concatenate(ok_parts)  # unreadable images are left out of the figures
        if not keep.any():
            return None
        probs = np.concatenate(probs_parts)[keep]
        boxes = np.concatenate(boxes_parts)[keep].astype(np.float32)
        labels = val.label_ids[keep]
        picked = probs[np.arange(len(probs)), labels]
        class_loss = float(-np.log(np.clip(picked, 1e-7, 1.0)).mean())
        b_loss = float(np.mean(keras.ops.convert_to_numpy(box_loss(val.targets[keep], boxes))))
        sizes = [s for s, k in zip(val.sizes, keep, strict=False) if k]
        predictions = self.predictor.to_predictions(probs, boxes, sizes)
        truth = val.objects if val.objects is not None else [
            [(self.names[i], box)] for i, box in zip(val.label_ids, val.boxes, strict=False)]
        metrics = evaluate_objects([objects for objects, k in zip(truth, keep, strict=False) if k],
                                   [p.label for p in predictions], [p.box for p in predictions], self.names)
        metrics["loss"] = class_loss + self.box_weight * b_loss
        return metrics

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        if self.cancelled:
            return
        self.epochs_run = epoch + 1
        logs = logs or {}
        event: dict[str, Any] = {"event": "epoch", "epoch": epoch + 1, "epochs": self.epochs,
                                 "loss": _finite(logs.get("loss")), "val_loss": None, "val_accuracy": None,
                                 "val_mean_iou": None, "val_iou_ge_50": None}
        # with a moving average of the weights (`compile_phase`), that average is validated and kept
        with averaged_weights(getattr(self.model, "optimizer", None)):
            self._validate_and_keep(epoch, event)
        event["best_epoch"] = self.best_epoch
        event["seconds"] = round(time.monotonic() - self._epoch_started, 2)
        self.emit(event)
        if self._wait >= self.patience or epoch + 1 >= self.epochs:
            self._halt()

    def _validate_and_keep(self, epoch: int, event: dict[str, Any]) -> None:
        """Validate the model as it stands, fill ``event``'s figures, keep its weights if best."""
        metrics = self.validate() if self.validation is not None else None
        if metrics is not None:
            event.update(val_loss=_finite(metrics["loss"]), val_accuracy=metrics["accuracy"],
                         val_mean_iou=metrics["mean_iou"], val_iou_ge_50=metrics["iou_ge_50"])
            score = metrics["accuracy"] + metrics["mean_iou"] - 1e-3 * (event["val_loss"] or 0.0)
            split = VALIDATION_SPLIT
        else:
            metrics = {"n_images": 0}
            score = float(epoch)  # no validation: the latest epoch wins
            split = NONE_HELD_OUT_SPLIT if self.validation is None else NONE_READABLE_SPLIT
        if score > self.best_score:
            self.best_score = score
            self.best_epoch = epoch + 1
            self.best_weights = self._model.get_weights()
            self.best_metrics = {"split": split, **{k: v for k, v in metrics.items() if k != "loss"},
                                 "loss": _finite(metrics.get("loss"))}
            self._wait = 0
        else:
            self._wait += 1

    def restore_best(self) -> dict[str, Any]:
        """Put the best epoch's weights back; return its validation metrics."""
        if self.best_weights is not None:
            self._model.set_weights(self.best_weights)
        return dict(self.best_metrics)
