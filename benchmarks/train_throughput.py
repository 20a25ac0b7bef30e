"""Benchmark: training input pipeline throughput and memory (figures, not a timed test).

1. pets preset, fine-tuning phase (backbone unfrozen from the preset's block),
   batch 32: training images per second fed by the input pipeline, and fed one
   fixed in-memory batch over and over (the compute ceiling: same model, same
   train step, no input work). Ceiling, pipeline and cache-warm pipeline are
   measured ``--rounds`` times in turn (every other round in reverse order)
   and the best of each kept, each timed
   inside one fit after its first 16 steps (`images_per_second`: a training
   phase is one long fit; in about half the fits of a process the first steps,
   or without a batch callback the whole fit, run on one core's worth of time
   while two are free, whatever the input: cause not found, benchmarks/README.md).
   A probe before and after each measurement (`cores_available`: two threads
   hashing, without the GIL) shows whether the machine itself gave two cores;
   a measurement during which it did not is left out (printed, not counted;
   up to ``--rounds`` more rounds make up for them).
   ``pipeline_efficiency`` = pipeline / ceiling (target >= 0.85 on 2 cores; also
   printed round by round, each pipeline measurement over the ceiling measured
   next to it, with their median: the ratio of the bests moves with a run's one
   fastest ceiling, benchmarks/README.md seventh session),
   the pipeline as training runs it: after the first epoch the photos come from
   the run's memory of decoded images (`model.memory_cache`); also
   ``decoding_efficiency`` (every epoch decoding its JPEGs again: a dataset
   past that memory's budget) and ``cached_efficiency`` (the disk cache warm,
   ``--cache-images``), and the pipeline with its input threads at normal
   priority (``normal_priority``: the other arm of `model.input_threads`),
   printed round by round as pipeline / normal priority. Photos: the boxed Oxford pets of
   ../shared/data/oxford-pets-3breeds, or generated 500x375 JPEGs without it.
2. digits preset, batch 32: peak resident memory (VmHWM) of a process that
   collects the data, builds the input pipeline and runs a few training steps,
   on 1,000 and on 20,000 generated digit images, each in a fresh process.
   ``rss_ratio`` = 20k / 1k (target <= 1.3: memory must not grow with the data).

Also runs on the code before the streaming pipeline (``model.data``'s
load-everything generator), to record the "before" figures: point
PETLOC_BENCH_CODE at such a checkout. Usage:
    python benchmarks/train_throughput.py [--quick] [--steps N] [--rounds N]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# This checkout, or the one PETLOC_BENCH_CODE names (e.g. an export of older code, for "before").
sys.path.insert(0, os.environ.get("PETLOC_BENCH_CODE") or str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from cpu_time import TWO_CORES, cores_available, process_cpu_seconds

BATCH = 32


def streaming_pipeline_available() -> bool:
    try:
        import petloc_gui.model.training_data  # noqa: F401
    except ImportError:
        return False
    return True


def input_dataset(folder: Path, preset_name: str, cache_dir: Path | None = None, memory: bool = True):
    """``(tf.data training batches, class names)`` through whichever pipeline this checkout has.

    ``memory`` False: without the run's memory of decoded images (`MemoryCache`, where the code
    has it), so every epoch decodes again (or reads the disk cache).
    """
    from petloc_gui.model.presets import get_preset

    preset = get_preset(preset_name)
    if streaming_pipeline_available():
        from petloc_gui.model.image_cache import ImageCache
        from petloc_gui.model.training_data import TrainingData

        data = TrainingData.collect(folder, val_fraction=0.2)
        if not memory and hasattr(data, "memory"):
            from petloc_gui.model.memory_cache import MemoryCache

            data.memory = MemoryCache(budget_bytes=0)
        cache = ImageCache(cache_dir) if cache_dir is not None else None
        # the preset's zoom-out where the code has it (PETLOC_BENCH_CODE may be older)
        extra = {"zoom_out": preset.zoom_out} if getattr(preset, "zoom_out", 0.0) else {}
        dataset = data.train_dataset(preset.augmentation, preset.input_size, BATCH, seed=0, cache=cache, **extra)
        if getattr(preset, "box_head", None) == "centre":  # the targets of its training view's extra outputs
            from petloc_gui.model.training import with_heat_targets

            dataset = with_heat_targets(dataset)
        return dataset, data.class_names
    # Before: decode everything into memory, augment in one Python generator.
    import numpy as np

    from petloc_gui.model import data as old
    from petloc_gui.model.augment import AUGMENTERS

    samples, _, _ = old.collect_samples(folder)
    loaded = old.load_samples(samples, max_side=2 * max(preset.input_size))
    labels = [s.label for s in loaded.samples]
    names = sorted(set(labels))
    ids = np.array([names.index(x) for x in labels], np.int32)
    train_idx, _ = old.stratified_split(labels, 0.2, 0)
    generator = old.batches([loaded.images[i] for i in train_idx], loaded.boxes[train_idx], ids[train_idx],
                            preset.input_size, BATCH, AUGMENTERS[preset.augmentation], 0)
    return old.as_tf_dataset(generator, preset.input_size), names


def compiled_model(preset_name: str, n_classes: int):
    from petloc_gui.model import networks
    from petloc_gui.model.presets import default_backbone_weights, get_preset
    from petloc_gui.model.training_loop import compile_phase

    preset = get_preset(preset_name)
    weights = default_backbone_weights() if preset.name == "pets" else None
    model = networks.build_model(preset, n_classes, str(weights) if weights else None)
    networks.set_backbone_trainable(model, True, preset.finetune_from)
    # what training fits: a centre head's view with its heatmap and vote losses (where the code has it)
    fitted = networks.training_view(model) if hasattr(networks, "training_view") else model
    compile_phase(fitted, preset.finetune_learning_rate, 10_000, preset.box_loss_weight)
    return fitted


START_STEPS = 16  # steps of each fit left untimed: its start (see images_per_second)


def images_per_second(model, dataset, steps: int) -> tuple[float, float]:
    """``(images/s, cores busy)`` of ``steps`` training steps, timed inside one fit after its start.

    A training phase is one long fit; what it pays per step is the rate once the
    fit runs. The first steps of a fit are left out: in about half the fits of
    a process they run on one core's worth of time while two are free, for a
    few seconds or (without a batch callback) the whole fit, with any input,
    the fixed batch too (benchmarks/README.md, sixth session); timing whole
    short fits measured that instead of the pipeline.
    """
    import keras

    class Window(keras.callbacks.Callback):  # training's EpochMonitor has batch hooks too
        def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
            if batch + 1 == START_STEPS:
                self.cpu, self.started = process_cpu_seconds(), time.perf_counter()
            elif batch + 1 == START_STEPS + steps:
                self.wall = time.perf_counter() - self.started
                self.busy = (process_cpu_seconds() - self.cpu) / self.wall

    window = Window()
    model.fit(dataset, epochs=1, steps_per_epoch=START_STEPS + steps, verbose=0, callbacks=[window])
    gc.collect()  # fit leaves its input iterator in a reference cycle (ADR 0007): stop its threads
    return steps * BATCH / window.wall, window.busy


def photos_folder(tmp: Path) -> Path:
    from petloc_gui.core.paths import shared_dir

    shared = shared_dir()
    if shared is not None and (shared / "data" / "oxford-pets-3breeds").is_dir():
        return shared / "data" / "oxford-pets-3breeds"
    import numpy as np
    from PIL import Image

    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc

    folder = tmp / "photos"
    folder.mkdir()
    rng = np.random.default_rng(0)
    for i in range(200):
        path = folder / f"photo_{i:03d}.jpg"
        base = rng.integers(0, 255, (47, 63, 3), dtype=np.uint8)
        Image.fromarray(base).resize((500, 375), Image.BILINEAR).save(path, quality=90)
        annotation = new_annotation(path, 500, 375)
        annotation.objects.append(VocObject("cat" if i % 2 else "dog", Box(100, 80, 380, 300)))
        write_voc(annotation, path.with_suffix(".xml"))
    return folder


def throughput(steps: int, tmp: Path, rounds: int) -> dict:
    """Ceiling and the pipelines, measured ``rounds`` times in turn; the best of each.

    "pipeline": the training path as it runs by default: the first epoch decodes,
    later epochs take the run's memory of decoded images (measured warm: a
    training run spends all its epochs but one so); "decoding": without that
    memory, every epoch decoding its JPEGs again (a dataset past the memory
    budget); "cached": without it, reading the warm disk cache (--cache-images).
    Each figure is the best of its rounds; a measurement the machine itself did
    not give two cores to (`cores_available` before and after) is left out.
    """
    import tensorflow as tf

    folder = photos_folder(tmp)
    dataset, names = input_dataset(folder, "pets")
    model = compiled_model("pets", len(names))
    batches = iter(dataset)
    fixed = next(batches)
    del batches
    gc.collect()
    fixed_dataset = tf.data.Dataset.from_tensors(fixed).repeat()
    one_pass = 300 // BATCH + 2  # more than one pass over the 150-odd photos
    pipelines = {"pipeline": dataset}
    if priority_switch_available():
        # the same pipeline with its input threads at normal priority (`model.input_threads`), measured
        # right after it (every other round right before it)
        pipelines["normal_priority"] = dataset
    if streaming_pipeline_available():
        pipelines["decoding"], _ = input_dataset(folder, "pets", memory=False)
        # With --cache-images: later epochs read decoded, downscaled pixels instead of JPEGs.
        pipelines["cached"], _ = input_dataset(folder, "pets", tmp / "cache", memory=False)
        for warmed in (pipelines["pipeline"], pipelines["cached"]):  # the first pass fills memory / disk
            for _ in warmed.take(one_pass):
                pass
    datasets = {"ceiling": fixed_dataset, **pipelines}
    by_round: list[dict[str, float]] = []  # the kept images/s of each round, by name

    def kept(name: str) -> list[float]:
        return [measured[name] for measured in by_round if name in measured]

    left_out = {name: 0 for name in datasets}
    for r in range(2 * rounds):
        shown = []
        by_round.append({})
        # every other round in reverse order, so that no figure always follows the same one
        for name, source in list(datasets.items())[:: 1 if r % 2 == 0 else -1]:
            if len(kept(name)) >= rounds:
                continue
            before = cores_available()
            with input_thread_priority(normal=name == "normal_priority"):
                ips, busy = images_per_second(model, source, steps)
            machine = min(before, cores_available())
            if machine >= TWO_CORES:
                by_round[-1][name] = ips
            else:
                left_out[name] += 1
            shown.append(f"{name} {ips:.1f} images/s (cores busy {busy:.2f}, machine {machine:.2f}"
                         f"{'' if machine >= TWO_CORES else ': left out'})")
        if not shown:
            break
        print(f"round {r + 1}: " + ", ".join(shown), flush=True)
    missing = [name for name in datasets if not kept(name)]
    if missing:
        raise SystemExit(f"the machine never gave two cores through a measurement of {', '.join(missing)}; "
                         "run again when it is quieter")
    best = {name: max(kept(name)) for name in datasets}
    result = {"photos": str(folder), "ceiling_images_per_s": round(best["ceiling"], 2),
              "measurements_left_out": left_out}
    for name in pipelines:
        result[f"{name}_images_per_s"] = round(best[name], 2)
        result[f"{name}_efficiency"] = round(best[name] / best["ceiling"], 3)
        result[f"{name}_round_ratios"] = [round(v, 3) for v in round_ratios(by_round, name)]
    if "normal_priority" in pipelines:
        result["priority_round_ratios"] = [round(v, 3) for v in round_ratios(by_round, "pipeline", "normal_priority")]
    return result


def round_ratios(by_round: list[dict[str, float]], name: str, over: str = "ceiling") -> list[float]:
    """``name`` / ``over`` of each round that kept both, measured side by side: unlike the ratio of
    the bests, one unusually fast (or slow) measurement moves only its own round's ratio."""
    return [kept[name] / kept[over] for kept in by_round if name in kept and over in kept]


def priority_switch_available() -> bool:
    """Whether this checkout's input threads give way to the train step (`model.input_threads`)."""
    try:
        from petloc_gui.model.input_threads import increment_set_to  # noqa: F401
    except ImportError:
        return False
    return True


def input_thread_priority(normal: bool):
    """``normal``: the input threads started inside keep the process's priority (the other arm of
    `model.input_threads`' decision); otherwise as the checkout runs them."""
    if not normal or not priority_switch_available():
        return contextlib.nullcontext()
    from petloc_gui.model.input_threads import increment_set_to

    return increment_set_to(None)


def rss_child(folder: Path, steps: int) -> None:
    """In a fresh process: data + pipeline + a few training steps; print peak RSS (MiB)."""
    started = time.perf_counter()
    dataset, names = input_dataset(folder, "digits")
    model = compiled_model("digits", len(names))
    model.fit(dataset, epochs=1, steps_per_epoch=steps, verbose=0)
    print(json.dumps({"peak_rss_mib": round(_status_mib("VmHWM"), 1),
                      "rss_after_steps_mib": round(_status_mib("VmRSS"), 1),
                      "seconds": round(time.perf_counter() - started, 1)}))


def _status_mib(field: str) -> float:
    """A memory figure of this process from /proc (VmHWM: peak RSS since exec; ru_maxrss would
    include the RSS of the parent it was forked from). Falls back to ru_maxrss elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def digits_folder(tmp: Path, count: int, source: Path) -> Path:
    """``count`` digit images: the 1,000 generated ones, copied under new names as often as needed."""
    folder = tmp / f"digits_{count}"
    folder.mkdir()
    images = sorted(source.glob("*.png"))
    for i in range(count):
        image = images[i % len(images)]
        shutil.copy(image, folder / f"d{i:05d}.png")
        shutil.copy(image.with_suffix(".xml"), folder / f"d{i:05d}.xml")
    return folder


def memory(steps: int, tmp: Path) -> dict:
    from petloc_gui.core.digits import write_digits_dataset

    source = tmp / "digits_source"
    write_digits_dataset(source, "train", count=1000, seed=0)
    result = {}
    for count in (1_000, 20_000):
        folder = digits_folder(tmp, count, source)
        proc = subprocess.run([sys.executable, __file__, "--rss-child", str(folder), "--steps", str(steps)],
                              capture_output=True, text=True, env=os.environ.copy())
        if proc.returncode != 0:
            raise SystemExit(f"memory run on {count} images failed:\n{proc.stderr[-3000:]}")
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        result[count] = figures
        print(f"digits, {count:,} images: peak RSS {figures['peak_rss_mib']} MiB, "
              f"RSS after the steps {figures['rss_after_steps_mib']} MiB ({figures['seconds']} s)", flush=True)
        shutil.rmtree(folder)
    result["rss_ratio"] = round(result[20_000]["peak_rss_mib"] / result[1_000]["peak_rss_mib"], 3)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer steps (under ~15 minutes on 2 cores)")
    parser.add_argument("--steps", type=int, default=None, help="timed training steps per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each figure, the best kept")
    parser.add_argument("--rss-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    steps = args.steps or (12 if args.quick else 40)
    if args.rss_child:
        rss_child(args.rss_child, steps)
        return 0
    pipeline = ("streaming tf.data (model.pipeline)" if streaming_pipeline_available()
                else "generator (model.data, before)")
    print(f"pipeline: {pipeline}; {steps} timed steps of {BATCH}; cpus: {os.cpu_count()}; "
          f"load average: {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="petloc-bench-") as tmp:
        speed = throughput(steps, Path(tmp), args.rounds)
        print(f"pets: compute ceiling {speed['ceiling_images_per_s']} images/s, "
              f"pipeline {speed['pipeline_images_per_s']} images/s ({speed['photos']}); measurements left out "
              f"(the machine on one core): {speed['measurements_left_out']}", flush=True)
        ratios = speed["pipeline_round_ratios"]
        print(f"pets pipeline / ceiling round by round: {' '.join(f'{r:.3f}' for r in ratios)} "
              f"(median {statistics.median(ratios) if ratios else float('nan'):.3f})", flush=True)
        if speed.get("priority_round_ratios"):
            gains = speed["priority_round_ratios"]
            print(f"pets pipeline / the same at normal input-thread priority, round by round ({len(gains)} rounds "
                  f"measured both): {' '.join(f'{r:.3f}' for r in gains)} (median {statistics.median(gains):.3f}; "
                  f"normal priority best {speed['normal_priority_images_per_s']} images/s)", flush=True)
        if "decoding_images_per_s" in speed:
            print(f"pets decoding every epoch (no memory of decoded images): {speed['decoding_images_per_s']} "
                  f"images/s, decoding_efficiency={speed['decoding_efficiency']}", flush=True)
            print(f"pets with the decoded-image cache (--cache-images, warm; no memory): "
                  f"{speed['cached_images_per_s']} images/s, cached_efficiency={speed['cached_efficiency']}",
                  flush=True)
        rss = memory(max(5, steps // 2), Path(tmp))
    print(f"pipeline_efficiency={speed['pipeline_efficiency']}")
    print(f"rss_ratio={rss['rss_ratio']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
