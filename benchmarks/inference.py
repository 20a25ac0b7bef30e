"""Inference speed: ms per image at batch 1 and batch 32 on this machine's CPU.

Times two networks through each runtime path of `petloc_gui.model.runtime`:

- ours: the bundled pets model (`load_bundle("pets")`; if no bundle exists yet,
  the same architecture built by `networks.build_model`, said in the output);
- seed-1: the network of the seed notebook: Keras MobileNet v1 alpha 1.0 at
  256x256, random weights, Flatten, Dense softmax class head (37 classes) and
  Dense box head (4).

When the bundle has a crop-and-refine second stage (meta.json ``refine``), ours
counts both stages: the refiner network is timed through the same paths, and
an end-to-end row times the shipped runtime at batch 1,
``Predictor(bundle).predict_images([photo])`` (resize, first stage, crop
around its box, refiner on the crop (and its mirror image with flip TTA), merge), on a
500x375 random photo and on the bundle's validation photos (decoded first;
never its test photos) when ../shared is present, with the median of each step.

Warm-up calls first, then the median of many timed calls (up to --runs-b1 /
--runs-b32; a slow path stops after ~6 s once it has 5). The last line is
``speedup_vs_seed1=X.XX``: seed-1 batch-1 ms / ours batch-1 ms, both networks
through the path `make_runner` picks for ours (the same compiled path for both).
For a two-stage bundle "ours" is both networks as the Predictor calls them
(first stage + the refiner on the crop, or on the crop and its mirror image in
one call when the bundle uses flip TTA; step medians on the validation photos),
the refiner counted as many times per photo as the bundle calls it on those
photos on average (a conditional second pass, meta.json ``refine.repass_below``,
runs for a share of them);
the lines above it compare end-to-end times too (ours against the seed-1
network alone, and against the seed-1 network plus the resize of the photo
to its 256x256 input).

Usage: .venv/bin/python benchmarks/inference.py [--runs-b1 200] [--runs-b32 15] [--skip-xla]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

SEED1_CLASSES = 37
BIG_BATCH = 32


def pets_model():
    """(Keras model, description, loaded bundle or None) of the bundled pets model, or of a stand-in."""
    try:
        from petloc_gui.model.bundle import load_bundle

        bundle = load_bundle("pets")
        return bundle.model, "bundled pets model (resources/models/pets)", bundle
    except Exception as exc:  # noqa: BLE001 - no bundle yet: same architecture, untrained heads
        from petloc_gui.model.networks import build_model
        from petloc_gui.model.presets import PETS, default_backbone_weights

        model = build_model(PETS, 3, default_backbone_weights())
        return (model, f"STAND-IN: networks.build_model(PETS, 3 classes), no bundle ({type(exc).__name__}: {exc})",
                None)


def validation_photos(bundle) -> list[np.ndarray]:
    """The bundle's validation photos (meta.json ``splits``), decoded; [] without ../shared.
    Never its test photos: timing does not need them."""
    from petloc_gui.core.paths import shared_dir
    from petloc_gui.model.prepare import decode

    shared = shared_dir()
    if shared is None:
        print("inference: no ../shared here: the validation-photo figures are skipped "
              "(the end-to-end row times a random photo only)", file=sys.stderr, flush=True)
        return []
    root = shared / "data" / str(bundle.meta.get("training_data", {}).get("root_name", ""))
    if not root.is_dir():  # a self-trained bundle trained on a copy of the pets folder with pseudo-labels added
        root = shared / "data" / "oxford-pets-3breeds"
    names = bundle.meta.get("splits", {}).get("validation", [])
    if not root.is_dir() or not names:
        return []
    return [decode(root / name) for name in names]


def end_to_end_ms(bundle, runs: int) -> dict[str, object]:
    """ms per photo of the shipped two-stage prediction at batch 1, ``Predictor.predict_images([photo])``
    with the runners the Predictor picks for the bundle (its model.tflite and refine.tflite): resize,
    first stage, crop around its box, refiner on the crop and its mirror image, merge, `Prediction`.

    ``synthetic``: (median, fastest) on one 500x375 random photo (the figure of earlier runs);
    ``validation``: (median, fastest) over all calls on the bundle's validation photos, each
    photo ``max(5, runs // n)`` times, when ../shared is here (real photos, real crop sizes);
    ``steps``: medians of each step on the same photos (the random one without ../shared),
    and ``seed1_resize``: the same photos resized to the seed-1 network's 256x256 input.
    """
    from petloc_gui.model.inference import Predictor

    predictor = Predictor(bundle)
    runner, refiner = predictor._runner, predictor.refine.run if predictor.refine else None
    out: dict[str, object] = {"runners": f"{getattr(runner, 'name', runner)} + {getattr(refiner, 'name', refiner)}",
                              "threads": getattr(runner, "_threads", None)}
    photo = np.random.default_rng(1).integers(0, 255, (375, 500, 3), dtype=np.uint8)
    out["synthetic"] = timed_ms(lambda im: predictor.predict_images([im]), photo, runs)
    photos = validation_photos(bundle)
    if photos:
        each = max(5, runs // len(photos))
        times: list[float] = []
        for im in photos:
            for _ in range(2):
                predictor.predict_images([im])  # warm-up: a new input size of the crop
            for _ in range(each):
                start = time.perf_counter()
                predictor.predict_images([im])
                times.append(time.perf_counter() - start)
        out["validation"] = (float(np.median(times) * 1000), float(np.min(times) * 1000))
        out["validation_mean"] = float(np.mean(times) * 1000)  # photos refined twice count here
        out["n_photos"] = len(photos)
    out.update(step_ms(predictor, photos or [photo], max(5, runs // max(1, len(photos)))))
    return out


def step_ms(predictor, photos: list[np.ndarray], each: int) -> dict[str, object]:
    """Medians (ms) of each step of the two-stage prediction, as `Predictor.predict_raw` and
    `cascade.refine` do them, and of a resize of the same photos to seed-1's 256x256 input."""
    from petloc_gui.model import cascade
    from petloc_gui.model.prepare import network_inputs

    stage = predictor.refine
    width, height = stage.input_size
    crops = 2 if stage.flip else 1  # the crop, and its mirror image with flip TTA: one call
    steps: dict[str, list[float]] = {"resize": [], "first stage": [], "crop": [], "refiner": []}
    seed1_resize: list[float] = []
    for im in photos:
        for k in range(each + 1):  # the first round warms up
            t0 = time.perf_counter()
            x = network_inputs([im], predictor.input_size, parallel=True)
            t1 = time.perf_counter()
            _, boxes = predictor._runner(x)
            t2 = time.perf_counter()
            h, w = im.shape[:2]
            rect = cascade.crop_rect(np.clip(boxes[0], 0.0, 1.0) * np.array([w, h, w, h]), stage.margin)
            batch = np.empty((crops, height, width, 3), np.float32)
            batch[0] = cascade.cut(im, rect, stage.input_size, parallel=True)
            if stage.flip:
                cascade.cv2.flip(batch[0], 1, dst=batch[1])
            t3 = time.perf_counter()
            stage.run(batch)  # one pass; further passes are counted below by their share of photos
            t4 = time.perf_counter()
            network_inputs([im], (256, 256), parallel=True)
            t5 = time.perf_counter()
            if k:
                for name, (a, b) in zip(steps, [(t0, t1), (t1, t2), (t2, t3), (t3, t4)], strict=True):
                    steps[name].append(b - a)
                seed1_resize.append(t5 - t4)
    label = {"refiner": f"refiner ({'crop + mirror' if stage.flip else 'crop'}, one pass)"}
    return {"steps": {label.get(name, name): float(np.median(v) * 1000) for name, v in steps.items()},
            "seed1_resize": float(np.median(seed1_resize) * 1000),
            "passes_per_photo": passes_per_photo(predictor, photos)}


def passes_per_photo(predictor, photos: list[np.ndarray]) -> float:
    """Refiner passes per photo as the bundle runs them on ``photos`` (1 + the share refined again)."""
    from dataclasses import replace

    stage = predictor.refine
    calls: list[int] = []

    def counted(batch):
        calls.append(len(batch) // (2 if stage.flip else 1))
        return stage.run(batch)

    predictor.refine = replace(stage, run=counted)
    try:
        predictor.predict_raw(photos)
    finally:
        predictor.refine = stage
    return sum(calls) / max(1, len(photos))


def seed1_model(n_classes: int = SEED1_CLASSES):
    """The seed notebook's network: MobileNet a=1.0 at 256x256, Flatten, two Dense heads."""
    import keras

    inputs = keras.Input((256, 256, 3))
    backbone = keras.applications.MobileNet(alpha=1.0, include_top=False, input_shape=(256, 256, 3), weights=None)
    features = keras.layers.Flatten()(backbone(inputs))
    probs = keras.layers.Dense(n_classes, activation="softmax", name="class")(features)
    box = keras.layers.Dense(4, name="box")(features)
    return keras.Model(inputs, [probs, box], name="seed1"), "seed-1: MobileNet a=1.0 256x256, Flatten, Dense heads"


def timed_ms(call, batch: np.ndarray, runs: int, warmup: int = 3, budget_s: float = 6.0) -> tuple[float, float]:
    """(median, fastest) wall time of ``call(batch)`` in ms over ``runs`` calls, or fewer (at
    least 5) once ``budget_s`` is spent; the fastest shows what a quiet machine gives when
    other processes compete for the two cores."""
    for _ in range(warmup):
        call(batch)
    times: list[float] = []
    deadline = time.perf_counter() + budget_s
    while len(times) < runs and (len(times) < 5 or time.perf_counter() < deadline):
        start = time.perf_counter()
        call(batch)
        times.append(time.perf_counter() - start)
    return float(np.median(times) * 1000), float(np.min(times) * 1000)


def paths_for(model, skip_xla: bool, converted: dict):
    """(name, build-callable) of every runtime path to time; the TFLite one stores its
    flatbuffer in ``converted["tflite"]``."""
    from petloc_gui.model.export import output_roles, tflite_bytes
    from petloc_gui.model.runners import FunctionRunner, TfliteRunner

    probs_at, box_at = output_roles(model)

    def keras_predict():
        # What the seed notebooks do: model.predict on each batch.
        def run(batch):
            out = model.predict(batch, verbose=0)
            return out[probs_at], out[box_at]

        return run

    def tflite():
        converted["tflite"] = tflite_bytes(model)
        return TfliteRunner(converted["tflite"])

    paths = [("keras model.predict", keras_predict), ("tf.function", lambda: FunctionRunner(model))]
    if not skip_xla:
        paths.append(("tf.function+xla", lambda: FunctionRunner(model, jit_compile=True)))
    paths.append(("tflite-xnnpack", tflite))
    return paths


def measure(model, runs_b1: int, runs_b32: int, skip_xla: bool, converted: dict) -> dict[str, dict[str, float]]:
    """{path: {"build_s", "b1_ms", "b1_min_ms", "b32_ms_per_image", "b32_min_ms_per_image",
    "max_diff"}} for one model (medians unless "min")."""
    from petloc_gui.model.export import input_shape_of, output_roles

    shape = input_shape_of(model)
    rng = np.random.default_rng(0)
    big = rng.uniform(0, 255, (BIG_BATCH, *shape)).astype(np.float32)
    one = big[:1]
    probs_at, box_at = output_roles(model)
    ref = model(big[:4], training=False)
    ref = np.concatenate([np.asarray(ref[probs_at]), np.asarray(ref[box_at])], axis=1)
    results = {}
    for name, build in paths_for(model, skip_xla, converted):
        start = time.perf_counter()
        run = build()
        run(one)  # tracing / compiling / allocation is part of the start-up cost
        build_s = time.perf_counter() - start
        out = run(big[:4])
        got = np.concatenate([np.asarray(out[0]), np.asarray(out[1])], axis=1)
        b1, b1_min = timed_ms(run, one, runs_b1)
        b32, b32_min = timed_ms(run, big, runs_b32, warmup=1)
        results[name] = {
            "build_s": build_s,
            "b1_ms": b1,
            "b1_min_ms": b1_min,
            "b32_ms_per_image": b32 / BIG_BATCH,
            "b32_min_ms_per_image": b32_min / BIG_BATCH,
            "max_diff": float(np.max(np.abs(got - ref))),
        }
        print(f"  {name:20s} start {build_s:6.2f} s | b1 median {b1:7.2f} ms (min {b1_min:6.2f}) | "
              f"b32 median {b32 / BIG_BATCH:7.2f} ms/img (min {b32_min / BIG_BATCH:6.2f}) | "
              f"max|diff| vs Keras {results[name]['max_diff']:.1e}", flush=True)
    return results


def startup_with_converted(model, content: bytes) -> tuple[str, float]:
    """(runner name, seconds) for `make_runner` given a bundle's already converted model.tflite."""
    from petloc_gui.model.runtime import make_runner

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.tflite"
        path.write_bytes(content)
        start = time.perf_counter()
        runner = make_runner(model, tflite_path=path, cache=False)
        return runner.name, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs-b1", type=int, default=200)
    parser.add_argument("--runs-b32", type=int, default=15)
    parser.add_argument("--skip-xla", action="store_true", help="skip XLA (slow to compile, slow to run here)")
    args = parser.parse_args(argv)

    import tensorflow as tf

    print(f"TensorFlow {tf.__version__}, {os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.2f}")
    ours, ours_desc, bundle = pets_model()
    seed1, seed1_desc = seed1_model()
    print(f"ours: {ours_desc}; {ours.count_params():,} parameters")
    end_to_end = None
    if bundle is not None and bundle.refiner is not None:
        # First: the figure the targets are about, before the conversions below (seconds of full CPU each).
        end_to_end = end_to_end_ms(bundle, args.runs_b1)
        print(f"  end-to-end two-stage Predictor.predict_images([photo]) ({end_to_end['runners']}, "
              f"{end_to_end['threads']} interpreter threads), load {os.getloadavg()[0]:.2f}:")
        synthetic = end_to_end["synthetic"]
        print(f"    a 500x375 random photo: median {synthetic[0]:.2f} ms (min {synthetic[1]:.2f})")
        if "validation" in end_to_end:
            real = end_to_end["validation"]
            print(f"    the bundle's {end_to_end['n_photos']} validation photos: median {real[0]:.2f} ms "
                  f"(min {real[1]:.2f}, mean {end_to_end['validation_mean']:.2f})")
        print("    step medians: " + ", ".join(f"{k} {v:.2f} ms" for k, v in end_to_end["steps"].items()) +
              f"; load {os.getloadavg()[0]:.2f}", flush=True)
    converted: dict = {}
    ours_results = measure(ours, args.runs_b1, args.runs_b32, args.skip_xla, converted)
    chosen, startup_s = startup_with_converted(ours, converted["tflite"])
    print(f"  make_runner picks {chosen}; its start-up given the bundle's model.tflite "
          f"(checked against Keras): {startup_s:.2f} s")
    refine_results = None
    if bundle is not None and bundle.refiner is not None:
        print(f"second stage (refiner, {bundle.meta['refine']['input_size']} crop, flip TTA "
              f"{bundle.meta['refine'].get('flip_tta', False)}); {bundle.refiner.count_params():,} parameters")
        refine_converted: dict = {}
        refine_results = measure(bundle.refiner, args.runs_b1, args.runs_b32, args.skip_xla, refine_converted)
    print(f"{seed1_desc}; {seed1.count_params():,} parameters")
    seed1_results = measure(seed1, args.runs_b1, args.runs_b32, args.skip_xla, {})

    print(f"\nload average at the end: {os.getloadavg()[0]:.2f} (medians; 2 cores)")
    print("| path | ours b1 ms | ours b32 ms/img | seed-1 b1 ms | seed-1 b32 ms/img | b1 speedup |")
    print("|---|---|---|---|---|---|")
    for name in ours_results:
        o, s = ours_results[name], seed1_results[name]
        print(f"| {name} | {o['b1_ms']:.2f} | {o['b32_ms_per_image']:.2f} | {s['b1_ms']:.2f} | "
              f"{s['b32_ms_per_image']:.2f} | {s['b1_ms'] / o['b1_ms']:.2f}x |")
    best = ours_results[chosen]["b1_ms"]
    if refine_results is not None:
        print("| path | refiner b1 ms | refiner b32 ms/img |")
        print("|---|---|---|")
        for name, r in refine_results.items():
            print(f"| {name} | {r['b1_ms']:.2f} | {r['b32_ms_per_image']:.2f} |")
        print(f"\nfirst stage alone via {chosen}: {best:.2f} ms/image at batch 1")
    seed1_b1 = seed1_results[chosen]["b1_ms"]
    seed1_tf = seed1_results["tf.function"]["b1_ms"]
    if end_to_end is None:
        print(f"\nours via {chosen}: {best:.2f} ms/image at batch 1 (target <= 3 ms)")
        print(f"seed-1 via tf.function / ours via {chosen}: {seed1_tf / best:.2f}x")
        print(f"speedup_vs_seed1={seed1_b1 / best:.2f}")
        return 0
    # Per photo on real photos when there are some; the random photo otherwise.
    where = "the validation photos" if "validation" in end_to_end else "a 500x375 random photo"
    e2e = end_to_end.get("validation", end_to_end["synthetic"])[0]
    steps = end_to_end["steps"]
    refiner_step = next(name for name in steps if name.startswith("refiner"))
    passes = end_to_end["passes_per_photo"]
    networks = steps["first stage"] + steps[refiner_step] * passes
    seed1_e2e = end_to_end["seed1_resize"] + seed1_b1
    print(f"\nours end-to-end (Predictor.predict_images, batch 1, {where}): {e2e:.2f} ms per photo "
          f"(target <= 3 ms); a 500x375 random photo: {end_to_end['synthetic'][0]:.2f} ms")
    print(f"refiner passes per photo on {where} (the bundle's passes={bundle.meta['refine'].get('passes', 1)}, "
          f"repass_below={bundle.meta['refine'].get('repass_below', 1.0)}): {passes:.3f}")
    print(f"ours, networks only (first stage + {refiner_step} x {passes:.3f}, as the bundle runs them): "
          f"{networks:.2f} ms; seed-1 network via {chosen}: {seed1_b1:.2f} ms")
    print(f"seed-1 network / our end-to-end (the 2026-12-01 definition): {seed1_b1 / e2e:.2f}x")
    print(f"seed-1 end-to-end (resize to 256x256 {end_to_end['seed1_resize']:.2f} ms + network) / "
          f"our end-to-end: {seed1_e2e / e2e:.2f}x")
    print(f"seed-1 via tf.function / our networks via {chosen}: {seed1_tf / networks:.2f}x")
    print("speedup_vs_seed1 below: seed-1 network / our two stages' networks, batch 1, same runtime")
    print(f"speedup_vs_seed1={seed1_b1 / networks:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
