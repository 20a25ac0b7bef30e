"""Reopening a folder: time until every row of the window has a prediction, with and without the
predictions kept on disk (`app.prediction_disk_cache`).

    .venv/bin/python benchmarks/prediction_reopen.py [--count 2000] [--model pets|digits] [--folder DIR]
    PETLOC_BENCH_CODE=/tmp/old .venv/bin/python benchmarks/prediction_reopen.py   # another checkout's code

Each run is a fresh process (as a person quitting and starting petloc-gui again) that opens the
folder with the real model and waits until every row has a prediction or an error. Three runs
share one cache folder: the cache turned off (PETLOC_NO_PREDICTION_CACHE=1: what every reopen did
before the cache), the first run with it (nothing kept yet), and a reopen. Each prints the time
from opening the folder to the shown image's prediction, to the model loaded and to all rows
predicted, and how many images the model ran on. Since the kept predictions are shown while the
model loads (`PredictionService.serves_early`), a reopen has every row before the model.
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
sys.path.insert(0, str(ROOT))
CODE = Path(os.environ.get("PETLOC_BENCH_CODE") or ROOT)  # the petloc_gui the windows run (the code before: a checkout)

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
QCoreApplication.setApplicationName("petloc")
app = QApplication([])
from petloc_gui.ui.main_window import MainWindow
from petloc_gui.ui.models import model_handle
ran = [0]
def factory(spec):
    handle = model_handle.load_model_handle(spec)
    predict = handle.predict_paths
    def counted(paths):
        ran[0] += len(paths)
        return predict(paths)
    handle.predict_paths = counted
    return handle
window = MainWindow(model_factory=factory)
window.resize(1400, 900)
window.show()
app.processEvents()
t = time.perf_counter()
window.open_folder(sys.argv[1], model=sys.argv[2])
rows = window.session.model
loaded = shown = None
def look():
    global loaded, shown
    if loaded is None and window.current_model_info() is not None:
        loaded = time.perf_counter() - t
    if shown is None and window.panel._prediction is not None:
        shown = time.perf_counter() - t
look()
while any(b is None and not e for b, e in zip(rows.pred_box, rows.pred_errors, strict=True)):
    app.processEvents()
    look()
    time.sleep(0.005)
    if time.perf_counter() - t > 1800:
        raise SystemExit("predictions did not finish in 30 min")
done = time.perf_counter() - t
while loaded is None or shown is None:  # every row had its prediction before the model loaded
    app.processEvents()
    look()
    time.sleep(0.005)
    if time.perf_counter() - t > 1800:
        raise SystemExit("the model did not load in 30 min")
window.guard.confirm_leave = lambda reload=False: True
window.close()
window.shutdown()
print(json.dumps({"rows": len(rows.names), "shown_s": shown, "model_loaded_s": loaded, "all_predicted_s": done,
                  "model_ran_on": ran[0]}))
"""


def run(folder: Path, model: str, cache: Path, off: bool) -> dict:
    env = dict(os.environ, PETLOC_CACHE_DIR=str(cache), PETLOC_DATA_DIR=tempfile.mkdtemp(),
               XDG_CONFIG_HOME=tempfile.mkdtemp(), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(CODE))
    if off:
        env["PETLOC_NO_PREDICTION_CACHE"] = "1"
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), model], env=env, cwd=CODE,
                         capture_output=True, text=True, check=True, timeout=2000)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--model", default="pets")
    parser.add_argument("--folder", type=Path, help="an existing folder instead of COUNT generated images")
    args = parser.parse_args()
    folder = args.folder
    if folder is None:
        from benchmarks.gui_latency import make_folder

        folder = Path(tempfile.mkdtemp()) / "reopen"
        folder.mkdir()
        make_folder(folder, args.count)
    cache = Path(tempfile.mkdtemp()) / "cache"
    for name, off in (("cache off (every reopen before)", True), ("first run, cache empty", False),
                      ("reopen with the cache", False)):
        figures = run(folder, args.model, cache, off)
        shown = figures.get("shown_s")
        print(f"{name:32s} rows {figures['rows']:5d}  shown image predicted {shown:5.2f} s"
              f"  model loaded {figures['model_loaded_s']:5.2f} s"
              f"  all predicted {figures['all_predicted_s']:6.2f} s  model ran on {figures['model_ran_on']} images",
              flush=True)


if __name__ == "__main__":
    main()
