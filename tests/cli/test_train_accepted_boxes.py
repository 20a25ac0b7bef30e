"""`petloc train`'s closing figures say which scored validation images hold boxes a person accepted unchanged
from a model, and give the figures on the person-drawn ones beside, as `petloc evaluate` does (ADR 0013).

Before, a fine-tune (--init-from) scored validation images whose boxes were accepted from its parent as if a
person had drawn them: the closing line and meta.json ``metrics`` said nothing of it.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from petloc_gui.cli.train_report import TrainReporter
from petloc_gui.core.voc import read_voc, write_voc
from tests.cli.helpers import run_cli

pytestmark = pytest.mark.slow

PARENT_MARK = "model digits"  # the bundled digits model, as the window names it (it records no version id)
KEY = "metrics_accepted_boxes"


def _accept(image, model=PARENT_MARK, label=None):
    """The image's boxes as if accepted unchanged from ``model`` (what a save in the window writes);
    ``label``: the label the model proposed, when a person changed it since."""
    xml = image.with_suffix(".xml")
    annotation = read_voc(xml)
    annotation.objects = [dataclasses.replace(o, proposed_by=model, proposed_box=o.box, proposed_label=label)
                          for o in annotation.objects]
    write_voc(annotation, xml)


def _digits_and_report(tmp_path):
    """20 digit canvases and the validation images the closing figures will be on (the report part)."""
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.training_data import TrainingData

    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=20, seed=0)
    split = TrainingData.collect(data, "default", [], 0.25, 0, parent_meta=read_meta("digits"))
    _, report = split.validation_parts()
    assert len(report) >= 3  # some to accept, some a person's
    return data, sorted(it.relpath for it in report)


def _train(capsys, data, out):
    code, stdout, err = run_cli(capsys, "train", data, "--preset", "digits", "--init-from", "digits", "--epochs", "1",
                                "--batch-size", "8", "--val-fraction", "0.25", "--out", out)
    assert code == 0, err
    bundle = Path(stdout.strip().splitlines()[-1])
    return err, json.loads((bundle / "meta.json").read_text()), bundle


def test_validation_boxes_accepted_from_the_parent_are_said_and_the_person_figures_given(tmp_path, capsys):
    from petloc_gui.model.comparison import score_model
    from petloc_gui.model.data import collect_samples

    data, report = _digits_and_report(tmp_path)
    accepted, person = report[:2], report[2:]
    for relpath in accepted:
        _accept(data / relpath)

    err, meta, bundle = _train(capsys, data, tmp_path / "out")

    n = len(report)
    assert meta["metrics"]["n_images"] == n  # the headline figures: every image, as before
    record = meta[KEY]
    assert record["n_scored"] == n and record["n_images"] == 2
    assert record["from"] == {PARENT_MARK: 2} and record["relation"] == {PARENT_MARK: "parent"}
    assert (record["parent"], record["own"]) == (2, 0)
    drawn = record["person_drawn"]
    assert (drawn["n_images"], drawn["n_labelled"]) == (len(person), len(person))
    # the figures on the person's images alone: what the bundle scores there
    samples = [s for s in collect_samples(data)[0] if s.relpath in person]
    scores = score_model(bundle, samples)
    assert drawn["mean_iou"] == pytest.approx(scores["mean_iou"], abs=1e-3)
    assert drawn["accuracy"] == pytest.approx(scores["accuracy"])
    sentence = (f"2 of the {n} scored validation images have boxes accepted unchanged from model digits, which the "
                f"new model was fine-tuned from: its figures on them flatter it; the figures on the {len(person)} "
                "images whose boxes a person drew are given apart")
    assert record["warning"] == sentence
    lines = err.splitlines()
    closing = next(i for i, line in enumerate(lines) if line.startswith("best epoch on "))
    assert lines[closing + 1].startswith(f"on the {len(person)} of these {n} images whose boxes a person drew: "
                                         f"accuracy {drawn['accuracy']:.3f}  mean_iou {drawn['mean_iou']:.3f}")
    assert lines[closing + 2] == f"petloc: warning: {sentence} (the line above; meta.json metrics_accepted_boxes)"


def test_without_accepted_boxes_nothing_is_said_of_them_but_the_parents_digits_are(tmp_path, capsys, monkeypatch):
    from petloc_gui.model import bundle_write

    data, report = _digits_and_report(tmp_path)
    # what the run sends the CLI, and each meta.json it writes (the bundle's, once)
    events, written = [], []
    heard, write = TrainReporter.__call__, bundle_write.write_meta
    monkeypatch.setattr(TrainReporter, "__call__", lambda self, event: events.append(event) or heard(self, event))
    monkeypatch.setattr(bundle_write, "write_meta", lambda folder, meta: written.append(meta) or write(folder, meta))
    err, meta, _ = _train(capsys, data, tmp_path / "out")
    assert meta[KEY] is None and meta["metrics"]["n_images"]
    assert "accepted unchanged" not in err and "a person drew" not in err and "metrics_accepted_boxes" not in err
    # `petloc digits --split train`: every canvas the figures are on holds a digit the bundled parent learned (or
    # chose its epoch with), in the retrain comparison's words (model.training_digits; before: nothing said)
    n = len(report)
    assert meta["metrics"]["n_images"] == n
    sentence = (f"{n} of these {n} images hold MNIST digits that the model it was fine-tuned from, or one that model "
                "descends from, learned, or chose its epoch with, on other canvases (the digits of petloc digits "
                "--split train), so these figures on them are optimistic")
    assert meta["metrics_learned_digits"] == {"n_scored": n, "parent": n, "own": 0, "untold": 0,
                                              "hedges": [f"{sentence}."]}
    lines = err.splitlines()
    closing = next(i for i, line in enumerate(lines) if line.startswith("best epoch on "))
    assert lines[closing + 1] == f"petloc: warning: {sentence} (meta.json metrics_learned_digits)"
    # made by the run, before its bundle: written with it, once (before, rewritten by the CLI after it), and sent in
    # the "done" event, which the CLI (and the Retraining window) says it from
    assert [w["metrics_learned_digits"] for w in written] == [meta["metrics_learned_digits"]]
    (done,) = [event for event in events if event.get("event") == "done"]
    assert done["metrics_learned_digits"] == meta["metrics_learned_digits"]


def _closing(capsys, record):
    reporter = TrainReporter()
    reporter({"event": "start", "n_train": 8, "n_val": 4, "epochs": 1, "class_names": ["a"], "skipped": []})
    reporter({"event": "done", "bundle": "/x/b", KEY: record,
              "metrics": {"split": "validation", "n_images": 4, "accuracy": 1.0, "mean_iou": 0.9}})
    lines = capsys.readouterr().err.splitlines()
    return lines[lines.index("best epoch on validation, 4 images: accuracy 1.000  mean_iou 0.900"):]


def test_relabelled_boxes_only_give_accuracy_on_a_persons_labels(capsys):
    lines = _closing(capsys, {"n_scored": 4, "n_images": 4, "warning": "all 4 scored validation images have ...",
                              "person_drawn": {"n_images": 0, "n_labelled": 1, "accuracy": 0.0, "mean_iou": None}})
    assert lines[1] == ("on the 1 of these 4 images whose labels a person gave (none with boxes a person drew): "
                        "accuracy 0.000")
    assert lines[2] == ("petloc: warning: all 4 scored validation images have ... (the line above; meta.json "
                        "metrics_accepted_boxes)")


def test_every_box_and_label_a_models_gives_the_warning_alone(capsys):
    lines = _closing(capsys, {"n_scored": 4, "n_images": 4, "warning": "all 4 ...; no image scored has only boxes "
                              "a person drew, so no figure here is against a person's boxes", "person_drawn": None})
    assert lines[1] == ("petloc: warning: all 4 ...; no image scored has only boxes a person drew, so no figure here "
                        "is against a person's boxes")
    assert lines[2] == "bundle written to /x/b"
