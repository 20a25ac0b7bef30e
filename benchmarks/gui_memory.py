"""GUI memory over a long pass: RSS and the live objects each image visited may leave behind.

    .venv/bin/python benchmarks/gui_memory.py [--count 3000] [--every 500] [--folder EXISTING_FOLDER]

Opens a generated folder of COUNT small images (benchmarks/gui_latency.py's, 85% annotated) in
the window offscreen with a stand-in model, waits for every prediction, then presses D through
it under a running event loop (decodes, prefetches and prediction requests as in real use),
printing every EVERY images: RSS, and how many background workers, parsed annotation documents
and undo stacks are alive. A window that gives back what it no longer needs stays flat.
PETLOC_BENCH_CODE=PATH runs the petloc_gui of another checkout (a before/after comparison).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, os.environ.get("PETLOC_BENCH_CODE") or str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def live(kind: type) -> int:
    return sum(1 for obj in gc.get_objects() if isinstance(obj, kind))


def press_d(app, window, steps: int, pause_ms: int = 5) -> None:
    """``steps`` presses of D, each once the event loop has run ``pause_ms`` (a fast reader)."""
    from PySide6.QtCore import QTimer

    left = [steps]

    def tick() -> None:
        if left[0] == 0:
            QTimer.singleShot(200, app.quit)  # the last decodes and their callbacks land
            return
        left[0] -= 1
        window.step_image(1)
        QTimer.singleShot(pause_ms, tick)

    QTimer.singleShot(0, tick)
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    os.environ["PETLOC_DATA_DIR"] = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()

    importlib.import_module("petloc_gui")  # before gui_latency, which puts this checkout first on the path
    from gui_latency import fake_factory, make_folder
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setApplicationName("petloc")
    app = QApplication([])
    from petloc_gui.app.image_document import ImageDocument
    from petloc_gui.ui import background
    from petloc_gui.ui.main_window import MainWindow

    folder = args.folder
    if folder is None:
        folder = Path(tempfile.mkdtemp()) / "memory"
        folder.mkdir()
        make_folder(folder, args.count)
    window = MainWindow(model_factory=fake_factory())
    window.resize(1400, 900)
    window.show()
    window.open_folder(folder, model="fake")
    rows = window.session.model
    started = time.perf_counter()
    while any(box is None and not error for box, error in zip(rows.pred_box, rows.pred_errors, strict=True)):
        app.processEvents()
        time.sleep(0.005)
    print(f"code: {sys.modules['petloc_gui'].__file__}")
    print(f"{len(window.dataset.items)} images, all predicted in {time.perf_counter() - started:.1f} s")
    print(f"{'images':>7} {'RSS MB':>8} {'workers':>8} {'documents':>10} {'undo stacks':>12} {'s':>6}")
    started, visited = time.perf_counter(), 0
    total = len(window.dataset.items) - 1
    while True:
        gc.collect()
        print(f"{visited:>7} {rss_mb():>8.1f} {live(background.Worker):>8} {live(ImageDocument):>10} "
              f"{len(window.edits.undo_group.stacks()):>12} {time.perf_counter() - started:>6.1f}", flush=True)
        if visited >= total:
            break
        steps = min(args.every, total - visited)
        press_d(app, window, steps)
        visited += steps
    window.guard.confirm_leave = lambda reload=False: True
    window.close()


if __name__ == "__main__":
    main()
