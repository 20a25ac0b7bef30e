"""CPU time of this process: the benchmarks' measure of work, which moves far less with a
shared machine's load than wall time does; and how many cores the machine gives it now."""

from __future__ import annotations

import os
import resource
import time


def process_cpu_seconds() -> float:
    """User + system CPU seconds of this process, all its threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# cores_available at or above this: every core the probe can use ran it (two, or one on a one-core machine)
TWO_CORES = 0.9 * min(2, os.cpu_count() or 1)


def cores_available(seconds: float = 0.2) -> float:
    """How many cores the machine gives this process now: two threads hash for ``seconds`` each
    (hashlib releases the GIL on large buffers); their CPU time over the wall time."""
    import hashlib
    import threading

    block = bytes(1 << 20)
    used = [0.0, 0.0]

    def spin(k: int) -> None:
        start, end = time.thread_time(), time.perf_counter() + seconds
        while time.perf_counter() < end:
            hashlib.sha256(block).digest()
        used[k] = time.thread_time() - start

    threads = [threading.Thread(target=spin, args=(k,)) for k in range(2)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(used) / (time.perf_counter() - started)
