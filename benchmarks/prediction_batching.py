"""The prediction worker's batches, before and after: a click's wait on big photos, throughput on small ones.

    .venv/bin/python benchmarks/prediction_batching.py [--before REV] [--rounds 1] [--small 300] [--big 14]
    PETLOC_BENCH_CODE=/tmp/old .venv/bin/python benchmarks/prediction_batching.py   # the code before: a checkout

Two codes (``--before REV``, checked out with ``git worktree``, or the checkout PETLOC_BENCH_CODE names, and
this checkout) each run the window's `PredictionService` with the real model factory in a fresh process,
one after the other, ``--rounds`` times, in two scenes:

- ``small``: the bundled digits model predicts ``--small`` 75x75 canvases (`petloc digits`'s) in the
  background, as a folder fills its review queue: images per second, and the calls' sizes (batching
  is what makes this fast);
- ``big``: the bundled pets model, ``--big`` photos of 6000x4000 (Oxford pets photos upscaled, as a
  camera's): while the folder's first background call runs, the user clicks a photo not predicted yet
  (the window asks for it, 4 ahead and 1 behind): seconds from the click to its prediction, and to
  its 5 neighbours'.

Each process warms the model up on one image first (TensorFlow's first call builds its graph), so
the figures are the steady state. Nothing is kept on disk between runs (the handle has no fingerprint).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = Path("/work/shared/data/oxford-pets-3breeds/images")
BIG = (6000, 4000)
sys.path.insert(0, str(ROOT / "benchmarks"))  # the photos and the code before: as predict_big_photos makes them
from predict_big_photos import before_code, make_photos  # noqa: E402

CHILD = r"""
import json, sys, time, threading
from pathlib import Path
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from petloc_gui.app.file_key import file_key
from petloc_gui.app.prediction_disk_cache import PredictionDiskCache
from petloc_gui.ui.main_thread_gc import MainThreadCollector
from petloc_gui.ui.models import model_handle
from petloc_gui.ui.models.prediction_service import PredictionService

scene, folder, model, cache = sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
images = sorted(p for p in folder.iterdir() if p.suffix in (".png", ".jpg"))
collector = MainThreadCollector(app)


class Recorded:
    # the real handle, warmed up, without a fingerprint (nothing kept on disk), its calls recorded
    def __init__(self, spec):
        self.real = model_handle.load_model_handle(spec)
        self.info = self.real.info
        self.real.predict_paths(images[:1])
        self.calls = []
        self.started = threading.Event()

    def predict_paths(self, paths):
        self.calls.append(len(paths))
        self.started.set()
        return self.real.predict_paths(paths)


handles = []
def factory(spec):
    handles.append(Recorded(spec))
    return handles[-1]

service = PredictionService(factory, disk=PredictionDiskCache(cache))
arrived = {}
service.predicted.connect(lambda path, version, result: arrived.setdefault(str(path), time.perf_counter()))
def wait(done, limit=900):
    start = time.perf_counter()
    while not done():
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - start > limit:
            raise SystemExit(f"{scene}: not done in {limit} s")

service.set_model(model)
wait(lambda: service.version() is not None)
handle = handles[-1]
if scene == "small":
    t = time.perf_counter()
    service.request_background([file_key(p) for p in images])
    wait(lambda: len(arrived) == len(images))
    seconds = time.perf_counter() - t
    out = {"images": len(images), "seconds": seconds, "per_second": len(images) / seconds,
           "calls": len(handle.calls), "largest_call": max(handle.calls)}
else:
    clicked, neighbours, rest = images[1], [images[0]] + images[2:6], images[6:]
    service.request_background([file_key(p) for p in rest])
    wait(handle.started.is_set)  # the folder's first call runs
    t = time.perf_counter()
    service.request([clicked] + neighbours[1:] + neighbours[:1])  # as the window: shown, 4 ahead, 1 behind
    wait(lambda: str(clicked) in arrived)
    shown = arrived[str(clicked)] - t
    wait(lambda: all(str(p) in arrived for p in neighbours))
    out = {"clicked_s": shown, "neighbours_s": max(arrived[str(p)] for p in neighbours) - t,
           "first_calls": handle.calls[:4]}
service.shutdown()
print(json.dumps(out))
"""


def make_small(folder: Path, count: int) -> None:
    from petloc_gui.core.digits import write_digits_dataset

    write_digits_dataset(folder, "test", count=count)


def run(code: Path, scene: str, folder: Path, model: str, keep: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "TF_CPP_MIN_LOG_LEVEL": "3", "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(dir=keep) as cache:
        done = subprocess.run([sys.executable, "-c", CHILD, scene, str(folder), model, cache], env=env, cwd=code,
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{scene} with {code} exited {done.returncode}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="HEAD", help="the code before: a git revision (default HEAD)")
    parser.add_argument("--rounds", type=int, default=1, help="before/after pairs to run (default 1)")
    parser.add_argument("--small", type=int, default=300, help="digit canvases (default 300)")
    parser.add_argument("--big", type=int, default=14, help="6000x4000 photos, at least 14 (default 14)")
    parser.add_argument("--photos", type=Path, default=PHOTOS, help="where the photos to upscale are")
    parser.add_argument("--scenes", default="small,big", help="which scenes to run (default small,big)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="petloc-batching-") as tmp:
        keep = Path(tmp)
        small, big = keep / "small", keep / "big"
        small.mkdir()
        big.mkdir()
        scenes = args.scenes.split(",")
        if "small" in scenes:
            make_small(small, args.small)
        if "big" in scenes:
            make_photos(big, max(14, args.big), args.photos, BIG, first=4)
        old = before_code(args.before, keep)
        try:
            print(f"before: {old}, after: {ROOT}")
            for i in range(args.rounds):
                for name, code in (("before", old), ("after", ROOT)):
                    line = f"round {i + 1} {name:>6}:"
                    if "small" in scenes:
                        fast = run(code, "small", small, "digits", keep)
                        line += (f" {args.small} digits {fast['per_second']:.0f} images/s ({fast['calls']} calls, "
                                 f"largest {fast['largest_call']});")
                    if "big" in scenes:
                        slow = run(code, "big", big, "pets", keep)
                        line += (f" 6000x4000 photo clicked during the folder's call: its prediction "
                                 f"{slow['clicked_s']:.2f} s, its 5 neighbours' {slow['neighbours_s']:.2f} s "
                                 f"(first calls {slow['first_calls']})")
                    print(line, flush=True)
        finally:
            if not os.environ.get("PETLOC_BENCH_CODE"):
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=False)


if __name__ == "__main__":
    main()
