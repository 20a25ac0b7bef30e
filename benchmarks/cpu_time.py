"""CPU time of this process: the benchmarks' measure of work, which moves far less with a
shared machine's load than wall time does."""

from __future__ import annotations

import resource


def process_cpu_seconds() -> float:
    """User + system CPU seconds of this process, all its threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
