"""The review queue's cost per user action on big folders: a step, a prediction arriving, N.

    .venv/bin/python benchmarks/review_queue_cost.py [--sizes 5000 20000] [--repeat 15]

Builds the window's file list (`FileListModel`, shown in a QTableView, offscreen) for N images, 6 in 7
annotated and all predicted, in review-queue order ("Sort: review queue"), and times, as medians in ms:

- step: what visiting an image does to its row (its annotation read again, nothing new), then the
  re-rank the 250 ms timer would run (`update_ranks`);
- prediction: one image's prediction arriving (a new box, so its place in the queue changes), then
  that re-rank, which moves its row in the list (one layout change; the timer batches bursts);
- N: "next to review" as `ReviewSession.next_to_review` does it (`listed_queue.next_to_review`: the queue
  read down to the first image left to review that the list shows), 100 images visited;
- first queue: the ranking built from every row the first time it is needed (review order chosen, or
  N pressed in name order); afterwards it is kept row by row (0 when the code re-sorts each time).

Run it from a checkout of any commit (PYTHONPATH at that checkout) to compare before and after: on a
commit without ``ui/review/listed_queue`` it times N the way that commit's session did (the list's
``next_to_review``, or, older still, queue entries of every row, then a scan of them all).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _model(n: int):
    from petloc_gui.core.boxes import Box
    from petloc_gui.ui.review.file_list import FileListModel

    model = FileListModel([f"img_{i:05d}.jpg" for i in range(n)], [i % 7 != 0 for i in range(n)])
    for i in range(n):
        if i % 7:
            label, box = "cat" if i % 2 else "dog", Box(10, 10, 60, 50)
            model.set_ground_truth(i, label, box, False, emit=False, objects=[(label, box)])
        model.set_prediction(i, "cat", 0.5 + (i % 50) / 100, Box(12 + i % 9, 10, 60, 52), emit=False)
    return model


def _next_to_review(model, visited: set[int]):
    """N as the session asks it (`ReviewSession.next_to_review`), on this commit or an older one."""
    try:
        from petloc_gui.ui.review import listed_queue
    except ImportError:  # a commit from before N walked the rows the list shows
        return _older_next_to_review(model, visited)
    return listed_queue.next_to_review(model, visited, None, lambda: "", lambda _text, _ms: None)


def _older_next_to_review(model, skip: set[int]):
    """N as the sessions of commits without `listed_queue` asked it (the queue alone, the list's filters aside)."""
    from petloc_gui.app import review_queue

    model.update_ranks()
    if hasattr(model, "next_to_review"):
        return model.next_to_review(skip)
    return review_queue.next_to_review(model.queue_entries(), model.ranks, skip)


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def measure(n: int, repeat: int) -> dict[str, float]:
    from PySide6.QtWidgets import QTableView

    from petloc_gui.core.boxes import Box

    model = _model(n)
    view = QTableView()
    view.setModel(model)
    view.resize(420, 700)
    view.show()
    started = time.perf_counter()
    model.set_review_order(True)
    first_queue = time.perf_counter() - started
    rng = random.Random(0)
    rows = [rng.randrange(n) for _ in range(repeat)]
    step, arrive, press = [], [], []
    for row in rows:
        view.setCurrentIndex(model.index(max(0, model.view_row(row)), 0))
        started = time.perf_counter()
        model.set_ground_truth(row, model.gt_name[row], model.gt_box[row], model.verified[row],
                               objects=list(model.gt_objects[row]))
        model.set_status(row, model.status[row])
        model.update_ranks()
        step.append(time.perf_counter() - started)
    for k, row in enumerate(rows):
        started = time.perf_counter()
        model.set_prediction(row, "cat", 0.31 + k / 1000, Box(40 + k % 7, 30, 90, 80), emit=False)
        model.update_ranks()
        arrive.append(time.perf_counter() - started)
    visited = set(rng.sample(range(n), 100))
    for _ in rows:
        started = time.perf_counter()
        _next_to_review(model, visited)
        press.append(time.perf_counter() - started)
    view.close()
    return {"step": _median_ms(step), "prediction": _median_ms(arrive), "N": _median_ms(press),
            "first queue": first_queue * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the views need one
    import petloc_gui

    print(f"code: {os.path.dirname(petloc_gui.__file__)}")
    for n in args.sizes:
        figures = measure(n, args.repeat)
        print(f"n={n}: " + "; ".join(f"{name} {ms:.3f} ms" for name, ms in figures.items()), flush=True)


if __name__ == "__main__":
    main()
