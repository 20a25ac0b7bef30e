"""The Retrain dialog's cost per change of the validation fraction on big folders (the UI thread's).

    .venv/bin/python benchmarks/retrain_preview_cost.py [--sizes 5000 20000] [--repeat 5] [--work DIR]

Writes a folder of N 75x75 digit canvases with VOC boxes (classes 0-9; one in nine a model's unreviewed
pre-label), then, with the bundled digits model as the one to fine-tune:

- loader: `retrain_holdout_preview.holdout_preview_for` (the dialog runs it in a thread, once per opening);
- closure: the function it returns, called as the dialog calls it on each step of "Validation fraction"
  (fractions 0.20, 0.21, ... ; fine-tuning and training from scratch), median ms;
- dialog step: `RetrainDialog` (offscreen) with that preview, "Validation fraction" stepped (the closure,
  the held-out list refilled, the notes, then one pass of the event loop), median ms; and the same for
  ticking the pre-labels box; longest pass after: the longest single pass of the event loop in the 0.3 s
  after any step or tick (what was left to later passes), ms.

Run it from a checkout of any commit (PYTHONPATH at that checkout) to compare before and after; the folders
are written again each run unless ``--work`` holds them from an earlier one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PRELABEL_MARK = "petloc pre-label by petloc predict, model digits"
BASE_CANVASES = 1000  # real canvases; the rest are copies under other names (a split hashes names only)


def make_folder(folder: Path, n: int) -> Path:
    """``n`` canvases with their annotations in ``folder`` (kept when it already holds them)."""
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.digits_record import RECORD_NAME
    from petloc_gui.core.voc import read_voc, write_voc

    if folder.is_dir() and len(list(folder.glob("*.xml"))) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    base = folder.parent / f"{folder.name}-base"
    shutil.rmtree(base, ignore_errors=True)
    images = write_digits_dataset(base, "train", count=min(n, BASE_CANVASES), seed=0)
    (base / RECORD_NAME).unlink()  # copies under new names are in no record: no canvas is told by one
    for index, image in enumerate(images):
        if index % 9 == 4:
            annotation = read_voc(image.with_suffix(".xml"))
            annotation.prelabel = PRELABEL_MARK
            write_voc(annotation, image.with_suffix(".xml"))
    folder.mkdir(parents=True)
    for index in range(n):
        image = images[index % len(images)]
        name = f"c{index:05d}_{image.name}"
        shutil.copyfile(image, folder / name)
        xml = image.with_suffix(".xml").read_text(encoding="utf-8").replace(image.name, name)
        (folder / name).with_suffix(".xml").write_text(xml, encoding="utf-8")
    shutil.rmtree(base)
    return folder


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def measure(folder: Path, repeat: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from petloc_gui.ui.training.retrain_dialog import RetrainDialog
    from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    preview = holdout_preview_for(folder, parent_spec="digits")
    loader = time.perf_counter() - start
    assert preview is not None, "the preview could not read the folder"
    fractions = [round(0.20 + 0.01 * i, 2) for i in range(repeat)]
    figures: dict[str, float] = {"loader_s": loader}
    for fine_tune in (True, False):
        times = []
        for fraction in fractions:
            start = time.perf_counter()
            preview(fraction, fine_tune)
            times.append(time.perf_counter() - start)
        figures[f"closure_{'fine_tune' if fine_tune else 'scratch'}_ms"] = _median_ms(times)
    for fine_tune in (True, False):
        dialog = RetrainDialog(None, model_name="digits", data_name=str(folder), n_annotated=n_of(folder),
                               has_unsaved=False, holdout_loader=None)
        (dialog.from_current if fine_tune else dialog.from_scratch).setChecked(True)
        dialog._loaded(preview)  # as the loader's thread hands it over
        dialog.show()
        app.processEvents()
        steps, ticks, later = [], [], []
        for fraction in fractions:
            start = time.perf_counter()
            dialog.val_fraction.setValue(fraction + 0.01)  # a step: the dialog previews on valueChanged
            app.processEvents()  # the events it posted: the list's layout, the repaint
            steps.append(time.perf_counter() - start)
            later.append(_longest_pass(app))
        for _ in range(repeat):
            start = time.perf_counter()
            dialog.train_prelabels.toggle()
            app.processEvents()
            ticks.append(time.perf_counter() - start)
            later.append(_longest_pass(app))
        kind = "fine_tune" if fine_tune else "scratch"
        figures[f"dialog_step_{kind}_ms"] = _median_ms(steps)
        figures[f"dialog_tick_{kind}_ms"] = _median_ms(ticks)
        figures[f"longest_pass_after_{kind}_ms"] = max(later) * 1000
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    return figures


def _longest_pass(app, settle_s: float = 0.3) -> float:
    """The longest single pass of the event loop (seconds) over the next ``settle_s``: work the step left to
    later passes (a list laid out in batches) still freezes the window that long at a time."""
    longest, until = 0.0, time.perf_counter() + settle_s
    while time.perf_counter() < until:
        start = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - start)
    return longest


def n_of(folder: Path) -> int:
    return len(list(folder.glob("*.xml")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None, help="where the folders are written (kept)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="retrain_preview_"))
    try:
        for n in args.sizes:
            folder = make_folder(work / f"canvases{n}", n)
            figures = measure(folder, args.repeat)
            print(f"{n} images: " + ", ".join(f"{k} {v:.1f}" for k, v in figures.items()), flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
