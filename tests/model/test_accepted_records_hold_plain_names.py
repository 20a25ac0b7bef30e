"""The records of images whose boxes were accepted unchanged from a model hold the model's name plain: meta.json's
(and the "done" event's) ``metrics_accepted_boxes.warning``, and the retrain comparison's hedges, which its note,
train_record.json and a kept version's ``basis.hedges`` carry. Before, a right-to-left name was stored between
U+2068 and U+2069, presentation kept in a record: each display sets it apart as it shows it
(`core.text.names_set_apart`)."""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.core.accepted_boxes import AcceptedModels
from petloc_gui.model.comparison_accepted import accepted_in
from petloc_gui.model.data import NONE_ACCEPTED, Sample
from petloc_gui.model.train_worker import version_figures
from petloc_gui.model.training_accepted import accepted_record
from petloc_gui.model.training_data import Item

HEBREW_MODEL = "model \u05de\u05d5\u05d3\u05dc (v-7)"
ISOLATES = ("\u2068", "\u2069")
META = {"version_id": "v-8"}


def _sample(relpath: str, accepted: AcceptedModels = NONE_ACCEPTED) -> Sample:
    return Sample(Path(relpath), relpath, Path(relpath).with_suffix(".xml"), (0, 0, 10, 10), "a", accepted=accepted)


def _plain(record: object) -> str:
    text = json.dumps(record, ensure_ascii=False)
    assert not any(mark in text for mark in ISOLATES), text
    return text


def test_the_run_s_record_holds_the_model_name_plain(_isolated_user_data):
    items = [Item(_sample(f"{i}.png", AcceptedModels({HEBREW_MODEL})), (20, 20), (0.0, 0.0, 0.5, 0.5))
             for i in range(2)]
    record = accepted_record(items, META, lambda part, subset: {})
    assert HEBREW_MODEL in _plain(record["warning"])


def test_the_comparison_s_hedges_hold_the_model_name_plain(_isolated_user_data):
    found = accepted_in([_sample("a.png", AcceptedModels({HEBREW_MODEL})), _sample("b.png")], META, "v-8")
    for hedges in (found.hedges, found.unscored_hedges):
        assert HEBREW_MODEL in _plain([text for text, _ in hedges])
    comparison = {"new": {"accuracy": 1.0}, "new_hedges": [text for text, _ in found.hedges]}
    _plain(version_figures(comparison, {}))  # a kept version's figures: their basis carries the hedges
