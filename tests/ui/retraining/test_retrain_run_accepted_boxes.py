"""The Retraining window says what `petloc train` says of the run's scored validation images that hold boxes a
person accepted unchanged from a model (the "done" event's ``metrics_accepted_boxes``, ADR 0013): the figures on
the images whose boxes a person drew, and the warning, under the figures, in the command's words. Before, it
showed the comparison's note alone."""

from __future__ import annotations

import pytest

from petloc_gui.cli.train_report import accepted_warning, person_lines
from petloc_gui.ui.training.retrain_progress import RetrainProgress

FIGURES = {"accuracy": 0.9, "mean_iou": 0.7, "iou_ge_50": 0.8, "n_images": 10}
RECORD = {
    "n_scored": 10, "n_images": 4, "from": {"model digits": 4}, "relation": {"model digits": "parent"},
    "own": 0, "parent": 4,
    "warning": "4 of the 10 scored validation images hold boxes accepted unchanged from model digits, the model "
               "the new model was fine-tuned from: its figures there measure agreement with it",
    "person_drawn": {"n_images": 6, "n_labelled": 6, "accuracy": 0.833, "mean_iou": 0.612, "iou_ge_50": 0.667,
                     "iou_ge_75": 0.333},
}


def _finished(qtbot, record, first_model=False, digits=None) -> RetrainProgress:
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(1, first_model=first_model)
    progress.on_event({"event": "start", "epochs": 1, "steps_per_epoch": 1, "n_train": 30, "n_val": 20,
                       "selection_images": [f"s{i}.png" for i in range(10)],
                       "report_images": [f"r{i}.png" for i in range(10)]})
    progress.on_event({"event": "done", "bundle": "/s/.staging-x", "metrics": FIGURES,
                       "metrics_accepted_boxes": record, "metrics_learned_digits": digits})
    progress.on_event({"event": "comparison", "old": FIGURES, "new": FIGURES, "note": "Compared."})
    if first_model:
        progress.show_first_model(FIGURES)
    else:
        progress.show_result(FIGURES, FIGURES, "Compared.")
    return progress


@pytest.mark.parametrize("first_model", [False, True])
def test_the_run_s_person_drawn_figures_and_warning_are_shown_under_its_figures(qtbot, first_model):
    progress = _finished(qtbot, RECORD, first_model)
    shown = progress.comparison.run_accepted
    assert shown.isVisibleTo(progress)
    assert shown.text().splitlines() == [*person_lines(RECORD), accepted_warning(RECORD)]  # petloc train's words
    assert shown.text().startswith("on the 6 of these 10 images whose boxes a person drew: accuracy 0.833  "
                                   "mean_iou 0.612")
    assert "warning: 4 of the 10 scored validation images hold boxes accepted unchanged" in shown.text()


def test_nothing_is_said_when_the_run_records_none(qtbot):
    progress = _finished(qtbot, None)
    assert progress.comparison.run_accepted.text() == ""
    assert not progress.comparison.run_accepted.isVisibleTo(progress)


def test_a_new_run_does_not_show_the_last_run_s_words(qtbot):
    progress = _finished(qtbot, RECORD)
    progress.begin(1)
    assert not progress.comparison.run_accepted.isVisibleTo(progress)
    progress.on_event({"event": "done", "bundle": "/s/.staging-y", "metrics": FIGURES,
                       "metrics_accepted_boxes": None})
    progress.show_result(FIGURES, FIGURES)
    assert progress.comparison.run_accepted.text() == ""


DIGITS = {"n_scored": 10, "parent": 10, "own": 0, "untold": 0,
          "hedges": ["10 of these 10 images hold MNIST digits that the model it was fine-tuned from, or one that model "
                     "descends from, learned, or chose its epoch with, on other canvases (the digits of petloc digits "
                     "--split train), so these figures on them are optimistic."]}


@pytest.mark.parametrize("record", [None, RECORD])
def test_the_run_s_warning_on_canvases_of_learned_digits_is_shown_as_petloc_train_says_it(qtbot, record):
    """The "done" event's ``metrics_learned_digits`` (`model.training_digits`): before, the window said nothing."""
    progress = _finished(qtbot, record, digits=DIGITS)
    shown = progress.comparison.run_accepted
    assert shown.isVisibleTo(progress)
    said = ("warning: 10 of these 10 images hold MNIST digits that the model it was fine-tuned from, or one that model "
            "descends from, learned, or chose its epoch with, on other canvases (the digits of petloc digits --split "
            "train), so these figures on them are optimistic (meta.json metrics_learned_digits)")
    accepted = [*person_lines(RECORD), accepted_warning(RECORD)] if record else []
    assert shown.text().splitlines() == [*accepted, said]  # under the accepted boxes' lines, as petloc train


def test_a_right_to_left_model_name_is_set_apart_not_shown_as_escapes(qtbot):
    # the warning sets the model's name apart (core.accepted_boxes: isolated): the window keeps those isolates,
    # where `visible` had shown them as "\u2068…\u2069" text
    from petloc_gui.core.accepted_boxes import accepted_sentences
    from petloc_gui.core.text import isolated

    hebrew = "\u05de\u05d5\u05d3\u05dc"
    name = f"model {hebrew}"
    (warning,) = accepted_sentences([frozenset({hebrew})] * 4 + [frozenset()] * 6, 10, {hebrew: "parent"}, "new")
    record = {**RECORD, "from": {name: 4}, "relation": {name: "parent"}, "warning": warning}
    progress = _finished(qtbot, record)
    shown = progress.comparison.run_accepted.text()
    assert "\\u2068" not in shown and "\\u2069" not in shown
    assert isolated(hebrew) in shown, shown
