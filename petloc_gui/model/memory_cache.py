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
    """``get(key, make)``: the array kept for ``key``, made by ``make()`` (and kept while the budget lasts).

    A key asked for by several threads at once is made once: the others wait for that array
    (parallel batches of the first epoch often hold the same photo; without this each decoded it).
    """

    def __init__(self, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
        self.budget_bytes = int(budget_bytes)
        self.used_bytes = 0
        self._arrays: dict[Hashable, np.ndarray] = {}
        self._making: dict[Hashable, _Making] = {}  # keys being made now, by another thread
        self._lock = threading.Lock()  # the input pipeline reads from several threads

    def __len__(self) -> int:
        return len(self._arrays)

    def get(self, key: Hashable, make: Callable[[], np.ndarray]) -> np.ndarray:
        with self._lock:
            kept = self._arrays.get(key)
            if kept is not None:
                return kept
            making = self._making.get(key)
            if making is None:
                making = self._making[key] = _Making()
                maker = True
            else:
                maker = False
        if not maker:
            making.done.wait()
            # the maker's array; if its make() failed, this thread tries (and raises its own error)
            return making.array if making.array is not None else make()
        try:
            array = make()  # outside the lock: decodes of different keys run in parallel
            array.setflags(write=False)  # shared by every later read: nobody may change it
            making.array = array
        finally:
            with self._lock:
                del self._making[key]
                if making.array is not None and self.used_bytes + making.array.nbytes <= self.budget_bytes:
                    self._arrays[key] = making.array
                    self.used_bytes += making.array.nbytes
            making.done.set()
        return array


class _Making:
    """One key being made: its array once made (None if making failed), and the event waiters wait on."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.array: np.ndarray | None = None
