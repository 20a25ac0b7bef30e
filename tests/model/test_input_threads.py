"""The input pipeline's threads give way to the train step; no other thread is lowered (issue 8)."""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from petloc_gui.model import input_threads
from petloc_gui.model.pipeline import ImageSource, input_batches, train_dataset

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a nice value per thread is Linux's")

BOX = (0.25, 0.25, 0.75, 0.75)


def _images(folder: Path, count: int = 6) -> list[str]:
    paths = []
    for k in range(count):
        image = np.full((80 + 10 * k, 100, 3), 30, np.uint8)
        image[20:60, 25:75] = 220
        path = folder / f"image_{k}.png"
        Image.fromarray(image).save(path)
        paths.append(str(path))
    return paths


def _nice_of_threads() -> dict[int, int]:
    """The nice value of each thread of this process (field 19 of /proc/self/task/TID/stat)."""
    values = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue  # the thread ended meanwhile
        values[int(task.name)] = int(stat.rsplit(")", 1)[1].split()[16])
    return values


def _lowering_permitted() -> bool:
    """Whether this machine lets a thread lower its own priority (a sandbox may refuse)."""
    got = []

    def lower() -> None:
        input_threads.give_way_to_training()
        got.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=lower)
    thread.start()
    thread.join()
    return got[0] > os.getpriority(os.PRIO_PROCESS, os.getpid())


class _Recording(ImageSource):
    """Records the thread and its nice value wherever the pipeline reads pixels."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__(paths)
        self.readers: list[tuple[int, int]] = []

    def _made(self, path, kind, make):
        thread_id = threading.get_native_id()
        self.readers.append((thread_id, os.getpriority(os.PRIO_PROCESS, thread_id)))
        return super()._made(path, kind, make)


@pytest.fixture(scope="module")
def tensorflow_running(tmp_path_factory):
    """TensorFlow's shared thread pools started (a matmul, a pipeline at normal priority) before any
    test takes its snapshot of the threads, so that the snapshot holds them."""
    import tensorflow as tf

    tf.linalg.matmul(tf.ones((64, 64)), tf.ones((64, 64))).numpy()
    with input_threads.increment_set_to(None):
        for _ in input_batches(ImageSource(_images(tmp_path_factory.mktemp("warm"), 2)), (64, 64), batch_size=2):
            pass


@pytest.mark.parametrize("stream", ["photo", "digits", "none", "validation"])
def test_each_stream_reads_in_threads_lowered_below_the_process_and_lowers_no_other_thread(
        tmp_path, stream, tensorflow_running):
    process_nice = os.getpriority(os.PRIO_PROCESS, os.getpid())
    if not _lowering_permitted() and process_nice < input_threads.LOWEST_PRIORITY:
        pytest.skip("this machine does not let a thread lower its priority")
    source = _Recording(_images(tmp_path))
    before = _nice_of_threads()  # the main thread, TensorFlow's shared pools, OpenCV's workers
    if stream == "validation":
        dataset = input_batches(source, (64, 64), batch_size=3)
    else:
        dataset = train_dataset(source, np.array([BOX] * 6), np.arange(6), stream, (64, 64), batch_size=3, seed=1,
                                max_side=128)
    batches = iter(dataset)
    for _ in range(2):
        next(batches)
    del batches
    gc.collect()  # the iterator and its threads go

    expected = min(input_threads.LOWEST_PRIORITY, process_nice + input_threads.INPUT_THREAD_NICE_INCREMENT)
    assert source.readers and {nice for _, nice in source.readers} == {expected}
    readers = {thread_id for thread_id, _ in source.readers}
    assert os.getpid() not in readers and not readers & set(before)  # never the main thread nor a shared one
    now = _nice_of_threads()
    assert all(now.get(tid, nice) == nice for tid, nice in before.items())  # the others kept their priority
    for _ in range(100):  # the lowered threads end with the iterator (joined: gone from /proc a moment later)
        if not readers & set(_nice_of_threads()):
            break
        time.sleep(0.02)
    assert not readers & set(_nice_of_threads())


def test_no_thread_outlives_a_training_run_lowered(tmp_path):
    """In a fresh process (nothing started yet, as in `petloc train`): photo-sized JPEGs through the
    photo stream, then every thread left (TensorFlow's, OpenCV's workers) at the process's priority."""
    import subprocess

    script = f"""
import gc, os, sys
from pathlib import Path
import numpy as np
from PIL import Image
from petloc_gui.model.pipeline import ImageSource, train_dataset
paths = []
for k in range(4):
    path = Path({str(tmp_path)!r}) / f"photo_{{k}}.jpg"
    Image.fromarray(np.random.default_rng(k).integers(0, 255, (375, 500, 3), np.uint8)).save(path)
    paths.append(str(path))
batches = iter(train_dataset(ImageSource(paths), np.array([[0.2, 0.2, 0.8, 0.8]] * 4), np.arange(4), "photo",
                             (224, 224), batch_size=2, seed=0, max_side=448))
for _ in range(4):
    next(batches)
del batches
gc.collect()
process = os.getpriority(os.PRIO_PROCESS, os.getpid())
lowered = []
for task in Path("/proc/self/task").iterdir():
    try:
        nice = int((task / "stat").read_text().rsplit(")", 1)[1].split()[16])
    except OSError:
        continue
    if nice != process:
        lowered.append((task.name, (task / "comm").read_text().strip(), nice))
print("lowered", lowered)
sys.exit(1 if lowered else 0)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=240,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_no_increment_leaves_the_input_threads_as_they_are_and_the_setting_is_restored(tmp_path):
    source = _Recording(_images(tmp_path, 3))
    kept = input_threads.INPUT_THREAD_NICE_INCREMENT
    with input_threads.increment_set_to(None):
        for _ in input_batches(source, (64, 64), batch_size=3):
            pass
    assert kept == input_threads.INPUT_THREAD_NICE_INCREMENT
    assert {nice for _, nice in source.readers} == {os.getpriority(os.PRIO_PROCESS, os.getpid())}


def test_the_main_thread_is_never_lowered():
    before = os.getpriority(os.PRIO_PROCESS, os.getpid())
    input_threads.give_way_to_training()
    assert os.getpriority(os.PRIO_PROCESS, os.getpid()) == before
