"""Benchmark: the pets training pipeline with its input threads at lower priorities or at normal priority.

The A/B behind `model.input_threads` (issue 8, ninth session): the same
pipeline (pets preset, fine-tuning phase, batch 32, memory of decoded photos
warm) feeds the same compiled model with its input threads lowered by each
of ``--levels`` nice levels below the process ("nice10" for the product's
increment, the default) and left at normal priority ("normal"), beside
the fixed-batch compute ceiling, ``--rounds`` times in turn (the order
reversed every other round, so neither arm always follows the ceiling).
Each measurement is ``--steps`` steps timed inside one fit after its first
16 (`train_throughput.images_per_second`). Prints every round, then per arm
the median images/s and its ratio over the ceiling of its round, and the
paired ratio of each nice level over normal round by round: on this shared machine a
ceiling moves by up to 1.5x between rounds, so only figures measured side by
side compare. Usage:
    python benchmarks/input_priority.py [--steps 60] [--rounds 12] [--levels 19,10,5]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parent))

import train_throughput as throughput

from petloc_gui.model import input_threads


def main(argv: list[str] | None = None) -> int:
    import tempfile

    import tensorflow as tf

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60, help="timed training steps per measurement")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--levels", default=str(input_threads.INPUT_THREAD_NICE_INCREMENT or 10),
                        help="nice levels below the process to measure, comma-separated, each 1-19 "
                             "(default: the product's INPUT_THREAD_NICE_INCREMENT)")
    args = parser.parse_args(argv)
    levels = list(dict.fromkeys(int(v) for v in args.levels.split(",")))
    if not all(1 <= level <= input_threads.LOWEST_PRIORITY for level in levels):
        parser.error(f"each of --levels must be 1-{input_threads.LOWEST_PRIORITY}, got {args.levels}")
    with tempfile.TemporaryDirectory(prefix="petloc-priority-") as tmp:
        dataset, names = throughput.input_dataset(throughput.photos_folder(Path(tmp)), "pets")
        model = throughput.compiled_model("pets", len(names))
        batches = iter(dataset)
        fixed = next(batches)
        for _ in range(12):  # the rest of the first pass: the memory of decoded photos warm
            next(batches)
        del batches
        gc.collect()
        # how many levels each arm's input threads drop (None: normal priority); the ceiling has none
        arms = {"ceiling": None, "normal": None, **{f"nice{level}": level for level in levels}}
        fixed_batches = tf.data.Dataset.from_tensors(fixed).repeat()
        by_round: list[dict[str, float]] = []  # images/s of each arm, round by round
        process_nice = os.getpriority(os.PRIO_PROCESS, os.getpid())
        print(f"{args.steps} timed steps of {throughput.BATCH}, {args.rounds} rounds; cpus: {os.cpu_count()}; "
              f"load average {os.getloadavg()[0]:.1f}; process at nice {process_nice}, so the arms' input threads "
              f"at nice " + ", ".join(f"{min(input_threads.LOWEST_PRIORITY, process_nice + v)}" for v in levels),
              flush=True)
        for r in range(args.rounds):
            shown = []
            by_round.append({})
            for name in list(arms) if r % 2 == 0 else list(arms)[::-1]:
                with input_threads.increment_set_to(arms[name]):
                    ips, busy = throughput.images_per_second(model, fixed_batches if name == "ceiling" else dataset,
                                                             args.steps)
                by_round[-1][name] = ips
                shown.append(f"{name} {ips:.1f} images/s (cores busy {busy:.2f})")
            print(f"round {r + 1}: " + ", ".join(shown), flush=True)
    for name in list(arms)[1:]:
        ratios = throughput.round_ratios(by_round, name)
        print(f"{name}: median {statistics.median(kept[name] for kept in by_round):.1f} images/s; over the "
              f"ceiling of its round {' '.join(f'{v:.3f}' for v in ratios)} (median {statistics.median(ratios):.3f})",
              flush=True)
    for name in list(arms)[2:]:
        paired = throughput.round_ratios(by_round, name, over="normal")
        print(f"{name} / normal round by round: {' '.join(f'{v:.3f}' for v in paired)}; median "
              f"{statistics.median(paired):.3f}, {name} faster in {sum(v > 1 for v in paired)} of {len(paired)}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
