"""The experiment drivers' one way to keep a training run's last epoch instead of its best.

`training_loop.EpochMonitor` keeps the epoch that scores best on the validation
part that chooses it and stops after ``patience`` epochs without a better one.
`keep_last_epoch` makes every epoch replace the kept one for the rest of the
process, so the last epoch is kept and nothing stops early (the first stage's
`train` and the refiner's `train_refiner` both keep their epoch this way).
"""

from __future__ import annotations

import math
from typing import Any


def keep_last_epoch() -> None:
    from petloc_gui.model import training_loop

    keep = training_loop.EpochMonitor._validate_and_keep
    if getattr(keep, "keeps_last", False):
        return

    def keep_every_epoch(self: Any, epoch: int, event: dict) -> None:  # the latest epoch scores best
        self.best_score = -math.inf
        keep(self, epoch, event)

    keep_every_epoch.keeps_last = True  # type: ignore[attr-defined]
    training_loop.EpochMonitor._validate_and_keep = keep_every_epoch  # type: ignore[method-assign]
