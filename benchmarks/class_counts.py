"""What the file list and the model layer cost the UI thread per question, at a folder's size.

    .venv/bin/python benchmarks/class_counts.py [--rows 20000] [--repeat 20]

The Images list of a folder of ROWS images (every row boxed, one of ten classes, a tenth of them
unreviewed pre-labels; no window, no disk) is asked what the new-classes bar asks at each refresh
(`box_counts` three ways) and the class list (`labels_in_use`), and is then given one chunk of the
opening scan (100 rows: their boxes, then their status). Then `label_source_for` of the bundled digits
model is asked twice, as the Retrain dialog opening and Start training ask it. Medians in ms.

Start training with an unsaved edit on a 20,000-image folder froze the window 545-589 ms; these were
among the parts that grew with the folder (run it with PYTHONPATH on another checkout to compare).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from petloc_gui.app.image_document import STATUS_ANNOTATED, STATUS_PRELABEL
from petloc_gui.core.boxes import Box
from petloc_gui.model.train_worker import label_source_for
from petloc_gui.ui.review.file_list import FileListModel

CHUNK = 100  # rows per chunk of the opening scan (`AnnotationScanner`)


def _ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    _app = QCoreApplication([])
    model = FileListModel([f"{i:05d}.png" for i in range(args.rows)], [True] * args.rows)
    for item in range(args.rows):
        model.set_prediction(item, str(item % 10), 0.9, Box(10, 10, 40, 40), emit=False)
    started = time.perf_counter()
    for item in range(args.rows):
        model.set_ground_truth(item, str(item % 10), Box(12, 12, 40, 40), False, emit=False)
        model.set_status(item, STATUS_PRELABEL if item % 10 == 0 else STATUS_ANNOTATED, emit=False)
    print(f"rows {args.rows}: filled in {(time.perf_counter() - started) * 1000:.0f} ms")

    def bar_refresh() -> None:
        model.box_counts()
        model.box_counts(reviewed_only=True)
        model.box_counts(every_box=True)

    print(f"new-classes bar refresh (box_counts x3): {_ms(bar_refresh, args.repeat):.3f} ms")
    print(f"labels_in_use: {_ms(model.labels_in_use, args.repeat):.3f} ms")

    def scan_chunk() -> None:
        for item in range(CHUNK):
            model.set_ground_truth(item, str(item % 10), Box(12, 12, 40, 40), False, emit=False)
            model.set_status(item, STATUS_ANNOTATED, emit=False)

    print(f"one scan chunk ({CHUNK} rows): {_ms(scan_chunk, args.repeat):.2f} ms")
    started = time.perf_counter()
    label_source_for("digits", "digits")
    first = (time.perf_counter() - started) * 1000
    print(f"label_source_for(digits): first {first:.1f} ms, "
          f"again {_ms(lambda: label_source_for('digits', 'digits'), args.repeat):.2f} ms")


if __name__ == "__main__":
    main()
