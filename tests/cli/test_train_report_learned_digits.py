"""`petloc train`'s closing lines say the "done" event's ``metrics_learned_digits`` (`model.training_digits`, the
record the run wrote into meta.json with the bundle): each of its sentences a warning under the figures.

Before, the CLI made the record itself once the bundle was written and wrote meta.json a second time; a bundle
the window's Retrain wrote had none, and its log said nothing."""

from __future__ import annotations

from petloc_gui.cli.train_report import TrainReporter, learned_digits_lines, learned_digits_of

SENTENCE = ("3 of these 4 images hold MNIST digits that the model it was fine-tuned from, or one that model descends "
            "from, learned, or chose its epoch with, on other canvases (the digits of petloc digits --split train), so "
            "these figures on them are optimistic.")
RECORD = {"n_scored": 4, "parent": 3, "own": 0, "untold": 0, "hedges": [SENTENCE]}
DONE = {"event": "done", "bundle": "/x/b", "metrics_accepted_boxes": None, "metrics_learned_digits": RECORD,
        "metrics": {"split": "validation", "n_images": 4, "accuracy": 1.0, "mean_iou": 0.9}}
WARNING = f"warning: {SENTENCE[:-1]} (meta.json metrics_learned_digits)"


def _closing(capsys, done):
    reporter = TrainReporter()
    reporter({"event": "start", "n_train": 8, "n_val": 4, "epochs": 1, "class_names": ["a"], "skipped": []})
    reporter(done)
    lines = capsys.readouterr().err.splitlines()
    return reporter, lines[lines.index("best epoch on validation, 4 images: accuracy 1.000  mean_iou 0.900"):]


def test_each_sentence_of_the_event_s_record_is_a_warning_under_the_figures(capsys):
    reporter, lines = _closing(capsys, DONE)
    assert reporter.digits == RECORD
    assert lines[1] == f"petloc: {WARNING}"
    assert lines[2] == "bundle written to /x/b"


def test_nothing_to_say_says_nothing(capsys):
    for record in (None, {"n_scored": 4, "hedges": []}, {"hedges": [3]}, "3 of them"):  # null, or not a record
        reporter, lines = _closing(capsys, {**DONE, "metrics_learned_digits": record})
        assert reporter.digits is None and lines[1:] == ["bundle written to /x/b"]


def test_a_worker_that_writes_no_bundle_says_it_of_the_same_figures(capsys):
    _, lines = _closing(capsys, {**DONE, "bundle": None, "chief": False})
    assert lines[1:] == [f"petloc: {WARNING}", "this worker is done; the chief worker writes the bundle"]


def test_the_window_s_lines_are_the_command_s():
    assert learned_digits_lines(learned_digits_of(DONE)) == [WARNING]
    assert learned_digits_lines(None) == []
