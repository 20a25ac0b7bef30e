"""The input pipeline's threads give way to the train step (issue 8).

On a machine with few cores the train step keeps every core busy with its
own threads, and each parallel op waits for its slowest thread: input work
(reading, cropping, resizing, colour jitter) that takes a core from one of
them stalls the whole step. At a low scheduling priority (nice 10) the input
threads run mostly in the gaps the train step leaves (its threads waiting on
each other, the Python loop between steps) and still get the cores whenever
the prefetched batches run out, because the train step then sleeps waiting
for them: the input never starves. Not the lowest priority (19): that also
yields almost all of a core to any other busy process (a second training, a
build), and the train step then waits on its input.

Measured on the 2-core machine (benchmarks/input_priority.py, pets
fine-tuning, each arm beside the others in every round; benchmarks/README.md,
ninth session; ADR 0007): images per second over the same pipeline at normal
priority, median of the paired rounds, nice 19: 1.087 (36 rounds), 1.095
(12); nice 10: 1.118 quiet, 1.057 with another training running (nice 19
there: 0.961); nice 5: 1.082 and 1.088.

Only on Linux, where a nice value belongs to each thread (``setpriority``
with a thread id; elsewhere that id would name a process), and only from the
Python work of the pipeline's own ``tf.numpy_function`` calls, which run in
its private thread pool (`pipeline._options`): TensorFlow's shared pools run
the train step itself and must keep their priority. A thread is never given a
higher priority than it has, and the main thread is left alone.
"""

from __future__ import annotations

import os
import sys
import threading

# The nice value input threads drop to; None leaves them as they are (the benchmark's other arm).
INPUT_THREAD_NICE: int | None = 10


def give_way_to_training() -> None:
    """Lower this input thread's scheduling priority to `INPUT_THREAD_NICE` (once: a cheap check after)."""
    nice = INPUT_THREAD_NICE
    if nice is None or not sys.platform.startswith("linux") or threading.current_thread() is threading.main_thread():
        return
    thread_id = threading.get_native_id()
    try:
        if os.getpriority(os.PRIO_PROCESS, thread_id) < nice:
            os.setpriority(os.PRIO_PROCESS, thread_id, nice)
    except OSError:
        pass  # not permitted here (a sandbox): the thread keeps its priority, training is only slower
