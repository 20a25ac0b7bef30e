"""Benchmark: one GUI retraining round, and how long the UI event loop stalls meanwhile.

Copies the 236 boxed Oxford pets photos (../shared/data/oxford-pets-3breeds) to a
temporary folder, fine-tunes the bundled pets model for a few epochs through
the GUI path (RetrainController -> QProcess -> train_worker), and measures a
10 ms QTimer in the UI process: the largest gap between two ticks is the worst
stall a user would feel. Targets: a round under 3 minutes on 2 cores, stall
under 100 ms.

    .venv/bin/python benchmarks/retrain.py [--epochs 3] [--model pets]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

# Runs from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from petloc_gui.core.paths import shared_dir
from petloc_gui.ui.training.retrain_controller import install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions

TARGET_SECONDS = 180
TARGET_STALL_MS = 100


class BenchWindow(QMainWindow):
    """The few main-window attributes retraining uses."""

    def __init__(self, folder: Path, spec: str) -> None:
        super().__init__()
        self.model_menu = self.menuBar().addMenu("Model")
        self.dataset = None
        self.folder, self.spec = folder, spec

    def current_folder(self) -> Path:
        return self.folder

    def current_model_spec(self) -> str:
        return self.spec

    def set_model(self, spec: str) -> None:
        self.spec = spec

    def has_unsaved(self) -> bool:
        return False

    def save_all(self) -> bool:
        return True


class StallMeter:
    """A 10 ms QTimer in the UI thread; the gaps between its ticks are what a user feels."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.stamps: list[float] = []
        self._clock = QElapsedTimer()
        self._t0 = time.monotonic()
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._t0 = time.monotonic()
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def elapsed(self) -> float:
        return time.monotonic() - self._t0

    def _tick(self) -> None:
        self.gaps.append(float(self._clock.restart()))
        self.stamps.append(self.elapsed())

    def max_gap(self) -> float:
        return max(self.gaps[1:], default=0.0)

    def percentile(self, q: float) -> float:
        values = sorted(self.gaps[1:])
        return values[min(len(values) - 1, int(len(values) * q / 100))] if values else 0.0

    def worst(self, n: int) -> list[tuple[float, float]]:
        return sorted(zip(self.gaps[1:], self.stamps[1:], strict=True), reverse=True)[:n]


def copy_boxed_photos(source: Path, target: Path) -> int:
    """Copy the oxford layout, keeping only images that have a box file."""
    xmls = sorted((source / "annotations" / "xmls").glob("*.xml"))
    (target / "annotations" / "xmls").mkdir(parents=True)
    (target / "images").mkdir()
    for xml in xmls:
        image = source / "images" / f"{xml.stem}.jpg"
        if image.is_file():
            shutil.copy2(xml, target / "annotations" / "xmls" / xml.name)
            shutil.copy2(image, target / "images" / image.name)
    for name in ("list.txt", "trainval.txt", "test.txt"):
        if (source / "annotations" / name).is_file():
            shutil.copy2(source / "annotations" / name, target / "annotations" / name)
    return len(list((target / "images").iterdir()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--model", default="pets", help="model to fine-tune from")
    parser.add_argument("--verbose", action="store_true", help="list the worst stalls and when they happened")
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds of idle control measurement")
    args = parser.parse_args()
    shared = shared_dir()
    source = shared / "data" / "oxford-pets-3breeds" if shared else None
    if source is None or not source.is_dir():
        print("retrain: skipped (../shared/data/oxford-pets-3breeds is absent)")
        return 0
    from_current = True
    try:
        from petloc_gui.model.bundle import resolve_model

        resolve_model(args.model)
    except Exception as exc:  # noqa: BLE001 - without the bundled model, measure a run from scratch
        print(f"retrain: model {args.model!r} is not available ({exc}); training from scratch instead")
        from_current = False

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="petloc-bench-retrain-") as tmp:
        tmp_path = Path(tmp)
        os.environ["PETLOC_DATA_DIR"] = str(tmp_path / "userdata")  # never touch the user's versions
        n_images = copy_boxed_photos(source, tmp_path / "pets")
        window = BenchWindow(tmp_path / "pets", args.model if from_current else "pets")
        controller = install_retraining(window)

        # Control: the same ticker with no training, so machine load is not blamed on us.
        idle = StallMeter()
        idle.start()
        pause = QEventLoop()
        QTimer.singleShot(int(args.baseline * 1000), pause.quit)
        pause.exec()
        idle.stop()

        meter = StallMeter()
        timeline: list[tuple[float, str]] = []
        controller.message.connect(lambda text: timeline.append((meter.elapsed(), text)))
        loop = QEventLoop()
        outcomes = []
        controller.run_finished.connect(lambda outcome: (outcomes.append(outcome), loop.quit()))
        cpu_before = time.process_time()
        meter.start()
        if not controller.start(RetrainOptions(from_current=from_current, epochs=args.epochs, save_first=False)):
            print("retrain: could not start")
            return 1
        QTimer.singleShot(15 * 60 * 1000, loop.quit)
        loop.exec()
        meter.stop()
        ui_cpu = time.process_time() - cpu_before
        elapsed = meter.elapsed()
        outcome = outcomes[0] if outcomes else None
        ok = outcome is not None and outcome.exit_code == 0 and controller.new_version is not None
        if args.verbose:
            for gap, at in meter.worst(8):
                print(f"retrain:   stall {gap:.0f} ms ending at {at:.2f} s")
            for at, text in timeline:
                print(f"retrain:   {at:7.2f} s  {text}")
        origin = repr(args.model) if from_current else "scratch (ImageNet backbone)"
        print(f"retrain: {n_images} boxed photos, {args.epochs} epochs from {origin}: "
              f"{elapsed:.1f} s for the round (target < {TARGET_SECONDS} s), "
              f"worst UI stall {meter.max_gap():.0f} ms over {len(meter.gaps)} ticks (target < {TARGET_STALL_MS} ms), "
              f"99th percentile {meter.percentile(99):.0f} ms; UI process CPU {ui_cpu:.1f} s")
        print(f"retrain: control, {args.baseline:.0f} s with no training: worst stall {idle.max_gap():.0f} ms, "
              f"99th percentile {idle.percentile(99):.0f} ms; load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores")
        if not ok:
            print("retrain: the run failed: " + (outcome.describe() if outcome else "timed out"))
            controller.shutdown()
            return 1
        version = controller.new_version
        print(f"retrain: new version {version.id}, validation metrics {version.metrics}")
        comparison = controller._comparison or {}
        if comparison:
            print(f"retrain: old model on the same images {comparison.get('old')}, new {comparison.get('new')}")
            if comparison.get("note"):
                print(f"retrain: note: {comparison['note']}")
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
