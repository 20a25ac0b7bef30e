"""UI-thread time of opening a big folder: `open_dataset` and the list's fill from the prediction cache.

Opening (or reloading) a folder indexes it on the UI thread (`core.dataset.open_dataset`), and the
list's rows are then filled from the predictions kept on disk (`ui.review.cache_fill.CacheFill`).
For each size this prints, in ms:

- ``open_dataset_ms``: the index, best of ``--repeats`` (it runs on the UI thread as a whole);
- ``session_ms``: the folder's `ReviewSession` made in a window, as `open_folder` makes it after the
  index (list rows, names, shared annotation files, the watchers), best of ``--repeats``, Python's
  garbage collection running as it comes (each made on a new index, after a full collection);
- ``cache_fill_longest_ms``: the longest time the event loop did not run while the cache filled the
  rows (a 2 ms heartbeat timer's longest gap), best of ``--repeats``; ``cache_fill_total_ms`` the
  time from the fill's start to every row filled.

Images are zero-byte files named .jpg (nothing is decoded), six in seven with an annotation file.
Run it on two checkouts (before / after) on the same machine:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/open_ui_time.py [--sizes 5000 20000]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from petloc_gui.app.file_key import file_key
from petloc_gui.app.prediction_disk_cache import ModelFingerprint, PredictionDiskCache, StoredPrediction
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.review.cache_fill import CacheFill
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.ui.review.image_keys import ImageKeys
from petloc_gui.ui.review.review_session import ReviewSession, SessionParts

FINGERPRINT = ModelFingerprint("/bench/model", "files-1")


class _Info:
    version_id = "bench-1"


class _Handle:
    """A model that never predicts: every image has its prediction kept on disk."""

    info = _Info()
    fingerprint = FINGERPRINT

    def predict_paths(self, paths):
        raise AssertionError(f"asked to predict {len(paths)} images that were all kept")


def _build(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"img_{n:05d}.jpg").write_bytes(b"")
        if n % 7:
            (folder / f"img_{n:05d}.xml").write_bytes(b"")


def _keep_predictions(cache_dir: Path, paths: list[Path]) -> None:
    disk = PredictionDiskCache(cache_dir)
    for n, path in enumerate(paths):
        disk.put(FINGERPRINT, file_key(path), StoredPrediction("cat" if n % 2 else "dog", 0.9, Box(1, 2, 30, 40)))
    disk.save()


def _wait(app: QApplication, done, timeout_s: float = 60.0) -> None:
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.001)


def _fill_once(app: QApplication, dataset, cache_dir: Path) -> tuple[float, float]:
    """(longest event-loop gap, total) in ms of one fill of a new list from a new run's disk cache."""
    service = PredictionService(lambda spec: _Handle(), disk=PredictionDiskCache(cache_dir))
    try:
        service.set_model("bench")
        _wait(app, lambda: service.version() is not None)
        paths = [item.image_path for item in dataset.items]
        model = FileListModel([path.name for path in paths], [item.has_annotation for item in dataset.items])
        row_of = {str(path): row for row, path in enumerate(paths)}
        keys = ImageKeys()
        filled = [0]

        def arrived(path: str, result, emit: bool) -> None:
            model.set_prediction(row_of[path], result.label, float(result.confidence), result.box, emit=False)
            filled[0] += 1

        fill = CacheFill(model, row_of, service, keys, arrived, lambda: False)
        read: list[object] = []
        keys.when_known(paths, read.append)  # the keys read first, as the window has them by then
        _wait(app, lambda: bool(read))
        gaps = [0.0]
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps[0] = max(gaps[0], now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(2)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        start = time.perf_counter()
        last[0] = start
        fill.request(paths)
        _wait(app, lambda: filled[0] >= len(paths))
        total = time.perf_counter() - start
        beat()
        heartbeat.stop()
        keys.stop()
        return gaps[0] * 1000, total * 1000
    finally:
        service.shutdown()


def _session_once(app: QApplication, window, folder: Path) -> float:
    """Seconds `ReviewSession`'s construction took for ``folder`` in ``window`` (closed after), on a new
    index of it as `open_folder` has (one used before has its items' paths made Paths already)."""
    dataset = open_dataset(folder)
    parts = SessionParts(window.edits, window.images, window.panel, window.predictions, window.file_dock,
                         window.labels)
    gc.collect()
    start = time.perf_counter()
    session = ReviewSession(dataset, parts, window)
    took = time.perf_counter() - start
    session.close()
    app.processEvents()
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    with tempfile.TemporaryDirectory(prefix="petloc-bench-") as tmp:
        window = MainWindow(model_factory=lambda spec: _Handle(), settings=Settings(str(Path(tmp) / "settings.ini")))
        for size in args.sizes:
            folder = Path(tmp) / f"images{size}"
            _build(folder, size)
            best = float("inf")
            for _ in range(args.repeats):
                start = time.perf_counter()
                dataset = open_dataset(folder)
                best = min(best, time.perf_counter() - start)
            cache_dir = Path(tmp) / f"cache{size}"
            _keep_predictions(cache_dir, [item.image_path for item in dataset.items])
            fills = [_fill_once(app, dataset, cache_dir) for _ in range(args.repeats)]
            longest, total = min(fills)
            session = min(_session_once(app, window, folder) for _ in range(args.repeats))
            print(f"images={size} open_dataset_ms={best * 1000:.0f} session_ms={session * 1000:.0f} "
                  f"cache_fill_longest_ms={longest:.0f} cache_fill_total_ms={total:.0f}", flush=True)
        window.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
