"""The input pipeline's threads give way to the train step (issue 8).

On a machine with few cores the train step keeps every core busy with its
own threads, and each parallel op waits for its slowest thread: input work
(reading, cropping, resizing, colour jitter) that takes a core from one of
them stalls the whole step for more than its own CPU time. At a lower
scheduling priority the input threads run mostly in the gaps the train step
leaves (its threads waiting on each other, the Python loop between steps),
and get the cores when the prefetched batches run out, because the train
step then sleeps waiting for them. How much faster, and why 10 levels and
not the lowest priority: ADR 0007, ninth-session amendment.

The priority is lowered relative to the process's own (its main thread's
nice value + `INPUT_THREAD_NICE_INCREMENT`, at most 19): the GUI's training
child already runs at nice 10 (`train_worker`), and its train step should
still come first there.

Only on Linux, where a nice value belongs to each thread (``setpriority``
with a thread id; elsewhere that id would name a process), and only from the
Python work of the pipeline's ``tf.numpy_function`` calls: they run in
threads the dataset's iterator owns (its private thread pool,
`pipeline._options`, keeps that so whatever TensorFlow's defaults), which end
with the iterator, while the threads of the train step keep their priority.
A thread is never given a higher priority than it has, and the main thread is
left alone. Threads an input thread starts inherit its priority: OpenCV starts its worker pool on
its first parallel call (a photo-sized area resize is one), and had that been
an input thread's, its workers would stay lowered for the rest of the
process, whoever calls OpenCV later. So the pipeline starts them first, from
the thread that builds it (`start_opencv_workers`).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator

# How many nice levels input threads drop below the process; None leaves them as they are.
INPUT_THREAD_NICE_INCREMENT: int | None = 10
LOWEST_PRIORITY = 19  # the highest nice value Linux has


def give_way_to_training() -> None:
    """Lower this input thread's priority `INPUT_THREAD_NICE_INCREMENT` below the process's
    (once: a cheap check after)."""
    increment = INPUT_THREAD_NICE_INCREMENT
    if increment is None or not sys.platform.startswith("linux"):
        return
    thread_id, process_id = threading.get_native_id(), os.getpid()
    if thread_id == process_id:  # the main thread (on Linux its thread id is the process id)
        return
    try:
        target = min(LOWEST_PRIORITY, os.getpriority(os.PRIO_PROCESS, process_id) + increment)
        if os.getpriority(os.PRIO_PROCESS, thread_id) < target:
            os.setpriority(os.PRIO_PROCESS, thread_id, target)
    except OSError:
        pass  # not permitted here (a sandbox): the thread keeps its priority, training is only slower


def start_opencv_workers() -> None:
    """Start OpenCV's worker threads now, at this thread's priority, if they are not running yet
    (OpenCV starts them on its first parallel call: this area resize of a photo-sized image is one;
    later calls reuse them, so it costs ~1 ms once)."""
    import cv2
    import numpy as np

    cv2.resize(np.zeros((375, 500, 3), np.uint8), (448, 336), interpolation=cv2.INTER_AREA)


@contextlib.contextmanager
def increment_set_to(increment: int | None) -> Iterator[None]:
    """Input threads started inside drop ``increment`` levels (None: not at all); for benchmarks
    that measure the pipeline both ways in one process (each iterator starts its own threads)."""
    global INPUT_THREAD_NICE_INCREMENT
    kept = INPUT_THREAD_NICE_INCREMENT
    INPUT_THREAD_NICE_INCREMENT = increment
    try:
        yield
    finally:
        INPUT_THREAD_NICE_INCREMENT = kept
