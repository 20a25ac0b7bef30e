"""Decoded images kept for the rest of a training run (issue 8): once per run, within a byte budget."""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from PIL import Image

from petloc_gui.model import pipeline
from petloc_gui.model.memory_cache import MemoryCache


def test_kept_arrays_are_returned_again_read_only_until_the_budget_is_spent():
    cache = MemoryCache(budget_bytes=250)
    made = Counter()

    def make(key: str) -> np.ndarray:
        made[key] += 1
        return np.full(100, ord(key[0]), np.uint8)

    first = cache.get("a", lambda: make("a"))
    assert cache.get("a", lambda: make("a")) is first and made["a"] == 1
    with pytest.raises(ValueError):
        first[0] = 0  # shared by every later read
    cache.get("b", lambda: make("b"))
    cache.get("c", lambda: make("c"))  # 300 bytes would pass the budget: made, not kept
    cache.get("c", lambda: make("c"))
    assert made == {"a": 1, "b": 1, "c": 2}
    assert len(cache) == 2 and cache.used_bytes == 200


def test_parallel_readers_get_consistent_arrays_and_the_count_stays_right():
    cache = MemoryCache(budget_bytes=10_000)
    with ThreadPoolExecutor(8) as pool:
        arrays = list(pool.map(lambda k: cache.get(k % 10, lambda: np.full(100, k % 10, np.uint8)), range(400)))
    assert all(int(a[0]) == k % 10 for k, a in enumerate(arrays))
    assert len(cache) == 10 and cache.used_bytes == 1_000


def test_a_key_asked_for_by_several_threads_at_once_is_made_once_and_a_failed_make_is_tried_again():
    cache = MemoryCache()
    started, release = threading.Event(), threading.Event()
    made = Counter()

    def slow_make() -> np.ndarray:
        made["photo"] += 1
        started.set()
        release.wait(5)
        return np.ones(10, np.uint8)

    with ThreadPoolExecutor(4) as pool:
        first = pool.submit(cache.get, "photo", slow_make)
        started.wait(5)
        others = [pool.submit(cache.get, "photo", slow_make) for _ in range(3)]
        time.sleep(0.1)  # the others are waiting for the first make
        release.set()
        arrays = [first.result(5)] + [f.result(5) for f in others]
    assert made["photo"] == 1 and all(a is arrays[0] for a in arrays)

    def failing_make() -> np.ndarray:
        raise OSError("unreadable")

    with pytest.raises(OSError):
        cache.get("gone", failing_make)
    assert cache.get("gone", lambda: np.zeros(3, np.uint8)).shape == (3,)  # nothing left waiting or kept


def test_a_training_run_decodes_each_photo_once_for_training_and_once_for_validation(tmp_path, monkeypatch):
    paths = []
    for i in range(4):
        path = tmp_path / f"photo_{i}.png"
        Image.fromarray(np.full((40, 60, 3), 40 * i, np.uint8)).save(path)
        paths.append(str(path))
    decoded = Counter()
    real_bounded, real_prepare = pipeline.decode_bounded, pipeline.prepare_path

    def counting_bounded(path, max_side):
        decoded[("bounded", path)] += 1
        return real_bounded(path, max_side)

    def counting_prepare(path, size):
        decoded[("input", path)] += 1
        return real_prepare(path, size)

    monkeypatch.setattr(pipeline, "decode_bounded", counting_bounded)
    monkeypatch.setattr(pipeline, "prepare_path", counting_prepare)
    memory = MemoryCache()
    source = pipeline.ImageSource(paths, sizes=[(60, 40)] * 4, memory=memory)
    boxes = np.tile([[0.2, 0.2, 0.8, 0.8]], (4, 1)).astype(np.float32)
    dataset = pipeline.train_dataset(source, boxes, np.arange(4), "photo", (32, 32), batch_size=2, seed=0,
                                     max_side=64)
    for _ in dataset.take(8).as_numpy_iterator():  # four passes over the photos
        pass
    for _ in range(3):  # validation in three epochs, through another source of the same run
        list(pipeline.input_batches(pipeline.ImageSource(paths, memory=memory), (32, 32), 4).as_numpy_iterator())
    assert decoded == {**{("bounded", p): 1 for p in paths}, **{("input", p): 1 for p in paths}}
