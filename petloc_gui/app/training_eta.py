"""Time left in a training run, counting what follows the batches (no Qt).

A run is: for each epoch, its training batches then a validation pass over
the held-out images; after the last epoch, the bundle is saved and both the
current and the new model are scored on the held-out images. The batches
alone are most of an epoch but not of the run's tail: on a small folder the
validation passes and the final scoring are a large share of the time.

Estimates (all measured during the run, nothing hard-coded per machine
except the fixed cost of saving and loading a model):

- a batch: the mean time between batch events, leaving out the first batch
  (graph building) and the validation gaps;
- a validation pass: the measured gap between an epoch's last batch and its
  "epoch" event; before the first one is measured, the per-image training
  cost times the number of validation images;
- the final scoring: ``SCORING_PASSES`` validation passes (old and new model)
  plus ``SCORING_FIXED_S`` (saving the new bundle, loading the old model).
"""

from __future__ import annotations

SCORING_PASSES = 2
SCORING_FIXED_S = 3.0


class TrainingEta:
    """Feed it the run's events with their times; ``remaining(now)`` says how long is left."""

    def __init__(self) -> None:
        self.epochs = 1
        self.steps = 1
        self.n_train = 0
        self.n_val = 0
        self._batch_time = 0.0
        self._batches_timed = 0
        self._last_mark: float | None = None  # last batch or epoch end
        self._last_batch_at: float | None = None
        self._done_batches = 0
        self._val_times: list[float] = []
        self._epochs_validated = 0
        self._done_at: float | None = None

    # -- events ------------------------------------------------------------------
    def start(self, epochs: int, steps: int, n_train: int | None = None, n_val: int | None = None) -> None:
        self.epochs, self.steps = max(1, int(epochs)), max(1, int(steps))
        self.n_train = int(n_train or 0)
        self.n_val = int(n_val or 0)

    def batch(self, epoch: int, step: int, steps: int, now: float) -> None:
        self.steps = max(1, int(steps))
        done = (max(1, int(epoch)) - 1) * self.steps + int(step)
        # Batch events may be throttled (not one per step): time per step progressed.
        if self._last_mark is not None and done > self._done_batches:  # the first batch is not timed
            self._batch_time += now - self._last_mark
            self._batches_timed += done - self._done_batches
        self._last_mark = self._last_batch_at = now
        self._done_batches = done

    def epoch_end(self, epoch: int, now: float) -> None:
        if self._last_batch_at is not None:
            self._val_times.append(max(0.0, now - self._last_batch_at))
        self._epochs_validated = max(self._epochs_validated, int(epoch))
        self._last_mark = now

    def done(self, now: float) -> None:
        """Training ended; the bundle is saved and both models are scored now."""
        self._done_at = now

    # -- estimates -----------------------------------------------------------------
    def seconds_per_batch(self) -> float | None:
        return self._batch_time / self._batches_timed if self._batches_timed else None

    def validation_seconds(self) -> float | None:
        """One validation pass: measured, else estimated from the training pace."""
        if self._val_times:
            return sum(self._val_times) / len(self._val_times)
        per_batch = self.seconds_per_batch()
        if per_batch is None:
            return None
        if not self.n_train:
            return 0.0
        return per_batch * self.steps / self.n_train * self.n_val

    def scoring_seconds(self) -> float | None:
        validation = self.validation_seconds()
        return None if validation is None else SCORING_PASSES * validation + SCORING_FIXED_S

    def remaining(self, now: float) -> float | None:
        """Seconds left (None while unknown), counting down between events."""
        scoring = self.scoring_seconds()
        if scoring is None:
            return None
        if self._done_at is not None:
            return max(0.0, scoring - (now - self._done_at))
        per_batch = self.seconds_per_batch() or 0.0
        validation = self.validation_seconds() or 0.0
        batches_left = max(0, self.epochs * self.steps - self._done_batches)
        validations_left = max(0, self.epochs - self._epochs_validated)
        total = batches_left * per_batch + validations_left * validation + scoring
        # The activity under way since the last event (a batch, a validation pass) is part of ``total``.
        since = now - self._last_mark if self._last_mark is not None else 0.0
        return max(0.0, total - since)
