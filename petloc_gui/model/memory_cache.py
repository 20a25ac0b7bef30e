"""Decoded training images kept in memory for the rest of a training run, up to a byte budget.

Over a training run every image is read once per epoch (the pets recipe: 150
epochs), and decoding a JPEG costs several times the augmentation of its
pixels (benchmarks/README.md, issue 8). Kept after the first epoch, a
dataset that fits the budget is decoded once per run; a larger one keeps
the images it read first and decodes the rest each time, so memory stays
bounded whatever the dataset size. Nothing is evicted: with epochs in random
order, evicting would not raise the hit rate, only churn allocations.

A run works from the images as they were when first read: a photo edited or
deleted during training keeps its first pixels until the run ends (the labels
and boxes were read when the data was collected, too).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

import numpy as np

# 256 MiB: ~550 pets photos at the training bound (448 px), ~15,000 digit canvases; it keeps
# rss_ratio (benchmarks/train_throughput.py) under its target of 1.3 even when full.
DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024


class MemoryCache:
    """``get(key, make)``: the array kept for ``key``, made by ``make()`` (and kept while the budget lasts)."""

    def __init__(self, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
        self.budget_bytes = int(budget_bytes)
        self.used_bytes = 0
        self._arrays: dict[Hashable, np.ndarray] = {}
        self._lock = threading.Lock()  # the input pipeline reads from several threads

    def __len__(self) -> int:
        return len(self._arrays)

    def get(self, key: Hashable, make: Callable[[], np.ndarray]) -> np.ndarray:
        with self._lock:
            kept = self._arrays.get(key)
        if kept is not None:
            return kept
        array = make()  # outside the lock: decodes run in parallel
        with self._lock:
            if key not in self._arrays and self.used_bytes + array.nbytes <= self.budget_bytes:
                array.setflags(write=False)  # shared by every later read: nobody may change it
                self._arrays[key] = array
                self.used_bytes += array.nbytes
        return array
