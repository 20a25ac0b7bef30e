"""Benchmark: CPU cost per image of the pets training input pipeline alone (no training).

Iterates the streaming pipeline (`TrainingData.train_dataset`, pets preset,
batch 32) on the boxed photos of ../shared/data/oxford-pets-3breeds three
ways: from the run's memory of decoded photos (as training reads after its
first epoch), decoding the JPEGs every epoch, and from the disk cache warm;
prints images/s (wall), the process CPU time per image (user + sys,
"core-ms/image") and the part of it spent in `augment.render_crop` (the
crop's resize and colour transform). CPU time per image
moves far less with the machine's load than images/s, so it compares two
versions of the input code on a shared machine (run them alternately).
Usage:
    python benchmarks/input_cost.py [--batches N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, os.environ.get("PETLOC_BENCH_CODE") or str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from cpu_time import process_cpu_seconds

BATCH = 32


def main(argv: list[str] | None = None) -> int:
    from petloc_gui.core.paths import shared_dir
    from petloc_gui.model.image_cache import ImageCache
    from petloc_gui.model.presets import PETS
    from petloc_gui.model.training_data import TrainingData

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=20, help="timed batches per measurement")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None or not (shared / "data" / "oxford-pets-3breeds").is_dir():
        raise SystemExit("../shared/data/oxford-pets-3breeds is needed (or set PETLOC_SHARED_DIR)")
    data = TrainingData.collect(shared / "data" / "oxford-pets-3breeds", val_fraction=0.2)
    # the pets preset's zoom-out where the code has it (PETLOC_BENCH_CODE may be older)
    extra = {"zoom_out": PETS.zoom_out} if getattr(PETS, "zoom_out", 0.0) else {}
    render = _RenderClock()
    # The prefetching iterator may still be writing cache entries when the folder is removed.
    with tempfile.TemporaryDirectory(prefix="petloc-input-cost-", ignore_cleanup_errors=True) as tmp:
        # "memory": as a training run reads after its first epoch (`MemoryCache`, where the code has it);
        # the other two without it: every epoch decoding the JPEGs again, or reading the disk cache
        for name in ("memory", "decoding JPEGs", "disk cache warm"):
            if hasattr(data, "memory"):
                from petloc_gui.model.memory_cache import MemoryCache

                data.memory = MemoryCache() if name == "memory" else MemoryCache(budget_bytes=0)
            cache = ImageCache(tmp) if name == "disk cache warm" else None
            batches = iter(data.train_dataset(PETS.augmentation, PETS.input_size, BATCH, seed=0, cache=cache, **extra))
            for _ in range(4 if name == "decoding JPEGs" else 8):  # warm up (fill the memory / disk cache)
                next(batches)
            cpu, wall, rendering = process_cpu_seconds(), time.perf_counter(), render.seconds
            for _ in range(args.batches):
                next(batches)
            cpu, wall = process_cpu_seconds() - cpu, time.perf_counter() - wall
            n = args.batches * BATCH
            share = (f", of which augment.render_crop {1000 * (render.seconds - rendering) / n:.2f}"
                     if render.installed else "")
            print(f"{name}: {n / wall:.1f} images/s, {1000 * cpu / n:.2f} core-ms/image{share} "
                  f"(load average {os.getloadavg()[0]:.1f})", flush=True)
            batches = None
    return 0


class _RenderClock:
    """Thread CPU time spent in `augment.render_crop` (the crop's area resize and colour transform;
    where the code has it), so the pixel work can be told from the rest of the input's cost. Its
    prefetched batches run ahead of the timed ones: the share is close, not exact."""

    def __init__(self) -> None:
        self.seconds = 0.0
        from petloc_gui.model import augment

        self.installed = hasattr(augment, "render_crop")
        if not self.installed:
            return
        original = augment.render_crop

        def timed(*args, **kwargs):
            started = time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.thread_time() - started

        augment.render_crop = timed


if __name__ == "__main__":
    sys.exit(main())
