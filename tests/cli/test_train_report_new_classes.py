"""`petloc train`'s sentence on the classes with no scored image marks those the fine-tune's parent lacks
"(new)" and names them first, as the Retraining window does (the start event's parent_class_names)."""

from __future__ import annotations

from petloc_gui.cli.train_report import TrainReporter

from .test_train_report_classes_not_scored import _metrics


def _closing(capsys, start_extra, counts):
    reporter = TrainReporter()
    reporter({"event": "start", "n_train": 30, "n_val": 10, "epochs": 1, "class_names": list(counts), "skipped": [],
              **start_extra})
    reporter({"event": "done", "bundle": "/x/b", "metrics": _metrics(counts)})
    return capsys.readouterr().err


def test_a_class_the_parent_lacks_is_marked_new_and_named_first(capsys):
    err = _closing(capsys, {"parent_class_names": ["a", "b"], "renamed_from_parent": {}},
                   {"a": 2, "b": 0, "star": 0})
    assert "No image of 2 of the 3 classes (star (new), b) is among the 2 images" in err


def test_a_class_renamed_from_one_of_the_parent_s_is_not_new(capsys):
    err = _closing(capsys, {"parent_class_names": ["a", "american_bulldog"],
                            "renamed_from_parent": {"bulldog": "american_bulldog"}}, {"a": 2, "bulldog": 0})
    assert "No image of the class bulldog is among" in err and "(new)" not in err


def test_a_model_trained_from_scratch_has_no_new_class(capsys):
    err = _closing(capsys, {"parent_class_names": None}, {"a": 2, "star": 0})
    assert "No image of the class star is among" in err and "(new)" not in err
