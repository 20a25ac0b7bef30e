"""Every caution figures can carry has its short form wherever a line has little room (the status line's compact
model label, Model → Versions), whatever its sentence's words. The short forms were read back from the sentence with
patterns of its words (`short_caution`, the status line's label pattern): a caution reworded in `model_metrics` (the
accepted-boxes mark's "boxes accepted from a model" said otherwise) matched none, and the line fell back to its whole
text, the sentence where "15/16 accepted" belonged. Now each caution is built with its short form (`cautions`)."""

from __future__ import annotations

import pytest

from petloc_gui.app import model_metrics
from petloc_gui.app.model_metrics import ACCEPTED_KEY, basis_text, cautions, figures_said, metrics_text
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.model_label_fit import fitted_text, least_width, loaded_line

NAME = "pets 20261205T100740Z-b9ae34"
BASIS = {"n_validation": 20, "images": "images neither model trained on", "hedges": ["a note"]}
FIGURES = {"accuracy": 0.938, "mean_iou": 0.839}
# a record for each caution the figures can carry, and one carrying them all (a version's basis and meta.json's
# accepted record together: `headline_metrics` puts them with the figures)
RECORDS = {
    "of the validation images": ({**FIGURES, "n_images": 24, "basis": {**BASIS, "n_validation": 30, "hedges": []}},
                                 "on 24 of 30 validation images", []),
    "hedged": ({**FIGURES, "n_images": 24, "basis": {"hedges": ["a note"]}}, "on 24 validation images", ["optimistic"]),
    "accepted": ({**FIGURES, "n_images": 24, ACCEPTED_KEY: {"n_images": 3, "n_scored": 24}}, "on 24 validation images",
                 ["3/24 accepted"]),
    "too few": ({**FIGURES, "n_images": 12}, "on 12 validation images", ["too few to compare"]),
    "every one": ({**FIGURES, "n_images": 12, "basis": BASIS, ACCEPTED_KEY: {"n_images": 3, "n_scored": 12}},
                  "on 12 of 20 validation images", ["optimistic", "3/12 accepted", "too few to compare"]),
}
# the short line the status line and Versions show for each, as the user reads it
LEAST = {case: " · ".join(["acc 0.938 · IoU 0.839 " + where, *shorts]) for case, (_, where, shorts) in RECORDS.items()}


@pytest.fixture
def metrics(qapp):
    from PySide6.QtWidgets import QLabel

    return QLabel().fontMetrics()


def _least_label(record: dict, metrics) -> str | None:
    """The status line's least form of ``record``'s figures (after the name, in its brackets), the label's line as
    the model controller sends it (`loaded_line`)."""
    label = loaded_line(ModelInfo(spec="pets", name=NAME, path=None, version_id="v", metrics=record))
    assert label == f"Model: {NAME} ({metrics_text(record, 'validation')})"
    shown = fitted_text(label, metrics, least_width(label, metrics))
    return None if shown is None else shown[len("Model: pets…b9ae34 ("):-1]


def test_every_caution_a_record_can_carry_is_there():
    assert len(cautions(RECORDS["every one"][0])) == 4  # the images among more, hedged, accepted, too few
    for case in ("of the validation images", "hedged", "accepted", "too few"):
        assert len(cautions(RECORDS[case][0])) == 1, case


@pytest.mark.parametrize("case", RECORDS)
def test_each_caution_is_shown_in_short_where_room_is_short(metrics, case):
    record = RECORDS[case][0]
    said = figures_said(record, "validation")
    assert said is not None and said.text() == metrics_text(record, "validation")
    assert said.least() == LEAST[case]  # Model → Versions' entry
    assert _least_label(record, metrics) == LEAST[case]  # the status line
    for caution in cautions(record):
        assert caution.long in basis_text(record) and caution.long not in LEAST[case] and caution.short in LEAST[case]


REWORDED = {"ACCEPTED_WORDS": "boxes that were taken over from a model's predictions",
            "HEDGED_MARK": "possibly flattering", "HEDGED_WHERE": "in the words kept with the version",
            "TOO_FEW_MARK": "not enough images to compare models"}


# (the images among more, "of 30", are a count and its words are not reworded)
@pytest.mark.parametrize("case", [case for case in RECORDS if case != "of the validation images"])
def test_a_reworded_caution_keeps_its_short_form(monkeypatch, metrics, case):
    record = RECORDS[case][0]
    before = metrics_text(record, "validation")
    for name, words in REWORDED.items():
        monkeypatch.setattr(model_metrics, name, words)
    text = metrics_text(record, "validation")
    assert text != before and any(words in text for words in REWORDED.values())  # the sentence is reworded
    assert _least_label(record, metrics) == LEAST[case]  # the status line: the same short line
    said = figures_said(record, "validation")  # Model → Versions' entry
    assert said is not None and said.least() == LEAST[case]
