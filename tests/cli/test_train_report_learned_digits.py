"""`petloc train`'s closing lines say meta.json ``metrics_learned_digits`` (`model.training_digits`): each of its
sentences a warning under the figures; a bundle whose meta.json cannot be read then is said, never a failed run."""

from __future__ import annotations

from petloc_gui.cli.train_report import TrainReporter

SENTENCE = ("3 of these 4 images hold MNIST digits that the model it was fine-tuned from, or one that model descends "
            "from, learned, or chose its epoch with, on other canvases (the digits of petloc digits --split train), so "
            "these figures on them are optimistic.")
DONE = {"event": "done", "bundle": "/x/b", "metrics_accepted_boxes": None,
        "metrics": {"split": "validation", "n_images": 4, "accuracy": 1.0, "mean_iou": 0.9}}


def _closing(capsys, learned_digits, done=DONE):
    reporter = TrainReporter(learned_digits=learned_digits)
    reporter({"event": "start", "n_train": 8, "n_val": 4, "epochs": 1, "class_names": ["a"], "skipped": []})
    reporter(done)
    lines = capsys.readouterr().err.splitlines()
    return reporter, lines[lines.index("best epoch on validation, 4 images: accuracy 1.000  mean_iou 0.900"):]


def test_each_sentence_of_the_record_is_a_warning_under_the_figures(capsys):
    asked = []
    record = {"n_scored": 4, "parent": 3, "own": 0, "untold": 0, "hedges": [SENTENCE]}
    reporter, lines = _closing(capsys, lambda bundle: asked.append(bundle) or record)
    assert asked == ["/x/b"] and reporter.digits == record
    assert lines[1] == f"petloc: warning: {SENTENCE[:-1]} (meta.json metrics_learned_digits)"
    assert lines[2] == "bundle written to /x/b"


def test_nothing_to_say_says_nothing(capsys):
    _, lines = _closing(capsys, lambda bundle: None)
    assert lines[1] == "bundle written to /x/b" and len(lines) == 2


def test_a_worker_that_writes_no_bundle_looks_at_none(capsys):
    asked = []
    _, lines = _closing(capsys, asked.append, {**DONE, "bundle": None})
    assert asked == [] and "MNIST" not in "\n".join(lines)


def test_a_meta_json_that_cannot_be_read_is_said_and_the_run_stands(capsys):
    def unreadable(bundle):
        raise PermissionError(13, "Permission denied", f"{bundle}/meta.json")

    reporter, lines = _closing(capsys, unreadable)
    assert reporter.digits is None
    assert lines[1] == ("petloc: warning: whether these figures are on MNIST digits a model learned on other canvases "
                        "could not be told, and meta.json metrics_learned_digits was not written: [Errno 13] "
                        "Permission denied: '/x/b/meta.json'")
    assert lines[2] == "bundle written to /x/b"
