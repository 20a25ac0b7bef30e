"""The warning on images whose boxes a person accepted unchanged from a model sets a Hebrew model name apart
(U+2068 … U+2069), in `petloc evaluate`'s line and in `petloc train`'s (the sentence the run records).

Before: the model was put in raw (`visible`), and in a terminal that lays out bidi text a Hebrew model name took
the line's direction and moved the counts and the colon around it.
"""

from __future__ import annotations

from petloc_gui.cli.train_report import TrainReporter
from petloc_gui.core.accepted_boxes import OTHER, accepted_sentences
from petloc_gui.model.training_accepted import KEY
from tests.cli.helpers import assert_clean_errors, run_cli
from tests.cli.test_evaluate_accepted_boxes import MODEL_BOX, _image

FSI, PDI = "\u2068", "\u2069"
HEBREW_MODEL = "model דגם (other-7)"


def test_evaluate_s_warning_sets_the_model_apart(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    _image(folder, "other", MODEL_BOX, HEBREW_MODEL)
    code, _out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle)
    assert code == 0, err
    assert [line for line in assert_clean_errors(err) if line.startswith("petloc: warning: ")] == [
        f"petloc: warning: the scored image has boxes accepted unchanged from {FSI}{HEBREW_MODEL}{PDI}: figures on it "
        "measure agreement with that model's boxes, not a person's; no image scored has only boxes a person drew, "
        "so no figure here is against a person's boxes"]


def test_train_s_warning_keeps_the_model_set_apart(capsys):
    (sentence,) = accepted_sentences([frozenset({HEBREW_MODEL})] * 4, 4, {HEBREW_MODEL: OTHER}, "the model trained",
                                     "scored validation images")
    reporter = TrainReporter()
    reporter({"event": "start", "n_train": 8, "n_val": 4, "epochs": 1, "class_names": ["a"], "skipped": []})
    reporter({"event": "done", "bundle": "/x/b", KEY: {"n_scored": 4, "n_images": 4, "warning": sentence,
                                                       "person_drawn": None},
              "metrics": {"split": "validation", "n_images": 4, "accuracy": 1.0, "mean_iou": 0.9}})
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("petloc: warning: ")]
    assert warnings == [f"petloc: warning: all 4 scored validation images have boxes accepted unchanged from "
                        f"{FSI}{HEBREW_MODEL}{PDI}: figures on them measure agreement with that model's boxes, not "
                        "a person's"]


def test_an_english_model_s_sentence_is_as_it_was():
    assert accepted_sentences([frozenset({"model tiny (t-1)"})], 2, {}, "the model evaluated") == [
        "1 of the 2 scored images has boxes accepted unchanged from model tiny (t-1): figures on it measure agreement "
        "with that model's boxes, not a person's"]
