"""The Retraining window's log names the images the run leaves out, grouped as `petloc train` says them:
the worker's start event lists them (``skipped``: path and reason), but the window never showed it, so
neither the pre-labels a run leaves out (their model did not know one of its classes) nor an unreadable
image was mentioned."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_progress import RetrainProgress
from tests.cli.helpers import write_annotated
from tests.ui.test_retrain_unaware_prelabels import _stars

START = {"event": "start", "epochs": 2, "steps_per_epoch": 1, "n_train": 9, "n_val": 3,
         "val_images": ["a.png", "b.png", "c.png"], "selection_images": ["b.png"], "report_images": ["a.png", "c.png"]}


def _logged(qtbot, skipped) -> list[str]:
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(2)
    progress.on_event({**START, "skipped": skipped})
    return progress.log.toPlainText().splitlines()


def test_the_log_names_the_images_the_run_skips_grouped_by_reason(qtbot, tmp_path):
    from petloc_gui.model.training_data import TrainingData

    folder = _stars(tmp_path)
    (folder / "broken.png").write_bytes(b"not an image")
    write_annotated(folder, "broken", 40, 30, [("circle", (5, 5, 20, 20))])
    (folder / "broken.png").write_bytes(b"not an image")
    for stem in ("bare1", "bare2"):
        (folder / f"{stem}.png").write_bytes((folder / "circle0.png").read_bytes())  # no annotation
    run = TrainingData.collect(folder, val_fraction=0.2, seed=0)
    lines = _logged(qtbot, [[p, r] for p, r in run.skipped])  # as model.training's start event sends them
    left_out = [line for line in lines if "photo-three" in line]
    assert len(left_out) == 1, "one line for the model's pre-labels, not one per file"
    assert left_out[0].startswith("[petloc] 2 images left out (star_a.png, star_b.png), each an unreviewed "
                                  "pre-label of model photo-three, which did not know the class star of this run")
    assert any(line.startswith(f"[petloc] skipped {folder / 'broken.png'}: ") for line in lines)
    assert "[petloc] 2 images without an annotation not used" in lines
    assert lines.index(left_out[0]) < lines.index("[petloc] 3 validation images: 1 choose the epoch (the curves' "
                                                  "and epoch lines' val. figures), 2 report the figures (the table "
                                                  "at the end)")


def test_images_sharing_an_annotation_file_are_one_line(qtbot):
    reason = "shares its annotation file a.xml with a.jpg"
    lines = _logged(qtbot, [["/d/a.png", reason], ["/d/a.gif", reason]])
    shared = [line for line in lines if "another image's" in line]
    assert len(shared) == 1 and shared[0].startswith("[petloc] left out 2 images whose annotation file is another "
                                                     "image's, e.g. /d/a.png")


def test_nothing_skipped_no_line(qtbot):
    assert not any("skipped" in line or "left out" in line for line in _logged(qtbot, []))
