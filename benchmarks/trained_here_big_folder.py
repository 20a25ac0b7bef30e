"""The window's trained-here check (`model.trained_here`) on a big folder of phone-size photos.

    .venv/bin/python benchmarks/trained_here_big_folder.py make DIR [--count 2500]
    .venv/bin/python benchmarks/trained_here_big_folder.py measure DIR [--meta-without-sizes] [--steps 30]

``make`` writes COUNT JPEGs of about 2-3 MB each (pets photos upscaled to 4000x3000 with a sensor's grain and
re-encoded at quality 92, as a phone's are; each file made
unique by a comment segment of its own length, so every one has its own size and sha256) and, among them, 20 of the
pets model's training photos under other names, byte for byte (the check must find those). Mind the disk: 2,500
photos are about 6.5 GB; delete DIR afterwards.

``measure`` opens DIR in the real window (offscreen) with a stand-in predictor whose model is the bundled pets
model's folder (its meta.json is what the check reads; no TensorFlow runs, so only the check competes with the
display) and reports: the time from opening to the check's answer and the process CPU time meanwhile (nothing else
done); then the time to show the next image (step, then wait for the decoded picture) while the same check runs
again from nothing, and with no check running; each on photos evicted from the page cache first (posix_fadvise
DONTNEED on this folder's files only), as a first look at a folder is. ``--meta-without-sizes``: the pets
meta.json with its images' sizes taken out (an older model's record), in a temporary bundle folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PETS = Path("/work/shared/data/oxford-pets-3breeds")  # the pets model's training folder (../shared)
COPIED_TRAINING_PHOTOS = 20


def make(folder: Path, count: int) -> None:
    import numpy as np
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    meta = json.loads((ROOT / "resources/models/pets/meta.json").read_text(encoding="utf-8"))
    train = sorted(meta["splits"]["train"])
    sources = sorted((PETS / "images").glob("*.jpg"))[:40]
    bases = []
    for source in sources:  # the expensive part: 40 encodes; the rest are copies made unique
        with Image.open(source) as image:
            big = np.asarray(image.convert("RGB").resize((4000, 3000), Image.Resampling.BICUBIC), np.int16)
        grain = np.random.default_rng(len(bases)).normal(0, 4 + len(bases) % 3, big.shape)
        path = folder / "base.jpg"
        Image.fromarray(np.clip(big + grain, 0, 255).astype(np.uint8)).save(path, quality=92)
        bases.append(path.read_bytes())
    (folder / "base.jpg").unlink()
    rng = random.Random(0)
    for i in range(count - COPIED_TRAINING_PHOTOS):
        data = bases[i % len(bases)]
        comment = f"photo {i} ".encode() + bytes(rng.randrange(256) for _ in range(rng.randrange(16, 4000)))
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment  # a JPEG COM segment
        (folder / f"IMG_{i:05d}.jpg").write_bytes(data[:2] + segment + data[2:])
    for n, relpath in enumerate(train[:COPIED_TRAINING_PHOTOS]):
        shutil.copyfile(PETS / relpath, folder / f"IMG_{count - COPIED_TRAINING_PHOTOS + n:05d}.jpg")
    total = sum(p.stat().st_size for p in folder.glob("*.jpg"))
    print(f"wrote {count} photos, {total / 1e9:.2f} GB, in {folder}")


def evict(folder: Path) -> None:
    """This folder's files out of the page cache (none other's): read from disk again, as on a first look."""
    for path in folder.iterdir():
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def model_folder(without_sizes: bool) -> Path:
    bundled = ROOT / "resources/models/pets"
    if not without_sizes:
        return bundled
    folder = Path(tempfile.mkdtemp()) / "pets-older"
    folder.mkdir()
    meta = json.loads((bundled / "meta.json").read_text(encoding="utf-8"))
    for entry in meta.get("images", {}).values():
        entry.pop("size", None)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def stand_in(model: Path):
    from petloc_gui.core.boxes import Box
    from petloc_gui.ui.model_info import ModelInfo

    class Prediction:
        def __init__(self) -> None:
            self.label, self.confidence, self.box = "cat", 0.5, Box(10, 10, 60, 50)

    class Handle:
        info = ModelInfo(str(model), "pets", model, "pets-1", ("Abyssinian", "Bengal", "american_bulldog"), {})

        def predict_paths(self, paths):
            return [Prediction() for _ in paths]

    return lambda spec: Handle()


def steps(app, window, count: int, pause_s: float) -> list[float]:
    """ms from "next image" to its decoded picture shown, ``count`` times, a person's ``pause_s`` between."""
    times = []
    for _ in range(count):
        until = time.perf_counter() + pause_s
        while time.perf_counter() < until:
            app.processEvents()
            time.sleep(0.005)
        started = time.perf_counter()
        window.step_image(1)
        while window.session.loading is not None:
            app.processEvents()
            time.sleep(0.001)
        times.append((time.perf_counter() - started) * 1000)
    return times


def said(times: list[float]) -> str:
    times = sorted(times)
    return (f"median {statistics.median(times):.0f} ms, p90 {times[int(0.9 * (len(times) - 1))]:.0f} ms, "
            f"max {times[-1]:.0f} ms ({len(times)} steps)")


def answered(app, watch, started: float) -> float:
    """Seconds from ``started`` to the check's answer (events processed meanwhile)."""
    while watch.found is None or watch.found.pending:
        app.processEvents()
        time.sleep(0.005)
        if time.perf_counter() - started > 1800:
            raise SystemExit("no answer in 30 min")
    return time.perf_counter() - started


def measure(folder: Path, without_sizes: bool, count: int, pause_s: float) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    os.environ["PETLOC_DATA_DIR"] = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    QCoreApplication.setApplicationName("petloc")
    app = QApplication.instance() or QApplication([])
    from petloc_gui.ui.main_window import MainWindow

    model = model_folder(without_sizes)
    images = sorted(folder.glob("*.jpg"))
    print(f"{len(images)} photos, {sum(p.stat().st_size for p in images) / 1e9:.2f} GB; model {model}")
    evict(folder)
    window = MainWindow(model_factory=stand_in(model))
    window.resize(1400, 900)
    window.show()
    watch = window.trained_here
    # 1. the check alone: opened, nothing else done until its answer
    cpu0, started = time.process_time(), time.perf_counter()
    window.open_folder(folder, model=str(model))
    check_s = answered(app, watch, started)
    cpu_s = time.process_time() - cpu0
    found = watch.found
    print(f"check on opening: answer after {check_s:.2f} s, process CPU meanwhile {cpu_s:.2f} s; found {found.count} "
          f"of {found.images} (complete={found.complete}, unchecked={getattr(found, 'unchecked', 0)})")
    print(f"model label: {window.model_status.text()}")
    # 2. stepping while it runs: the same check again from nothing (no hashes kept, photos off the page cache)
    evict(folder)
    watch._memo = {}
    ended: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ended or (watch.found is not None and not watch.found.pending
                                            and ended.append(time.perf_counter())))
    started = time.perf_counter()
    watch._loaded(watch._models.info)  # as a model load starts it
    timer.start(5)
    during = steps(app, window, count, pause_s)
    stepped_s = time.perf_counter() - started
    answered(app, watch, started)
    timer.stop()
    end_s = (ended[0] if ended else time.perf_counter()) - started
    print(f"next image while the check runs ({end_s:.1f} s of the {stepped_s:.1f} s of steps): {said(during)}")
    # 3. no check: photos further on, off the page cache
    evict(folder)
    window.show_row(len(images) // 2)
    while window.session.loading is not None:
        app.processEvents()
        time.sleep(0.001)
    print(f"next image, no check running: {said(steps(app, window, count, pause_s))}")
    window.guard.confirm_leave = lambda reload=False: True
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("make", "measure"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=2500)
    parser.add_argument("--meta-without-sizes", action="store_true")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--pause", type=float, default=0.3, help="seconds a person looks at each image")
    args = parser.parse_args()
    if args.what == "make":
        make(args.folder, args.count)
    else:
        measure(args.folder, args.meta_without_sizes, args.steps, args.pause)


if __name__ == "__main__":
    main()
