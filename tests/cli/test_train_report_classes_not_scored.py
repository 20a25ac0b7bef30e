"""`petloc train`'s closing lines name the classes the kept epoch's figures were measured on no image of
(hunt_fh 2: a fine-tune's new class had per_class count 0 and the summary gave no sign of it)."""

from __future__ import annotations

from petloc_gui.cli.train_report import TrainReporter, not_scored_line

REPORT = "validation (report part: did not choose the epoch)"


def _metrics(counts):
    return {"split": REPORT, "n_images": sum(counts.values()), "accuracy": 0.6, "mean_iou": 0.7,
            "class_names": list(counts), "per_class": {name: {"count": n} for name, n in counts.items()}}


def test_the_closing_lines_name_the_classes_with_no_report_image(capsys):
    reporter = TrainReporter()
    reporter({"event": "start", "n_train": 30, "n_val": 10, "epochs": 1, "class_names": ["a", "b", "star"],
              "skipped": []})
    reporter({"event": "done", "bundle": "/x/b", "metrics": _metrics({"a": 2, "b": 3, "star": 0})})
    err = capsys.readouterr().err
    assert ("No image of the class star is among the 5 images these figures are on: they say nothing of how the "
            "model does on it.") in err
    assert err.index("best epoch on validation") < err.index("No image of the class star")


def test_nothing_is_said_when_every_class_has_an_image_or_there_are_no_figures():
    assert not_scored_line(_metrics({"a": 2, "b": 3})) == ""
    assert not_scored_line({"n_images": 0, "split": "none (no readable validation images)"}) == ""
