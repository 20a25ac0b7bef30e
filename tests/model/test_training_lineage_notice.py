"""`training.train` run as the window's training child runs it, fine-tuning runs/V1 whose parent is nowhere:
the run's log (its notices, which the window shows) says once that the record of the images its ancestors
trained on is incomplete, so validation may hold some. Before, only `petloc train` said so, before the run
started: the window's run said nothing. A caller that said it already (`lineage_told`) is not repeated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.model.training import TrainingCancelled, train
from tests.model.test_training_parent_given_by_path import (
    INCOMPLETE,
    V1,
    _config,
    _data,
    _runs,
)

pytestmark = pytest.mark.slow

GONE = "digits-20251231T000000Z-gone00"


def _notices_of_a_cancelled_run(tmp_path: Path, **changes) -> list[str]:
    """The notices of a run of runs/V1 (its parent GONE, nowhere), stopped before its first batch."""
    parent = _runs(tmp_path, ((V1, GONE),))
    events: list[dict] = []
    with pytest.raises(TrainingCancelled):
        train(_data(tmp_path), _config(parent, tmp_path, **changes), on_event=events.append,
              should_stop=lambda: any(e["event"] == "start" for e in events))
    return [e["message"] for e in events if e["event"] == "notice"]


def test_a_broken_chain_is_said_once_in_the_run_s_log(tmp_path):
    said = [message for message in _notices_of_a_cancelled_run(tmp_path) if INCOMPLETE in message]
    assert said == [f"{INCOMPLETE}, and the models it was fine-tuned from, trained on is incomplete ({GONE} is "
                    f"not found: the parent of {V1}, the model this run starts from): validation may hold images "
                    "they trained on, which would flatter the figures (meta.json training_data.lineage_incomplete)"]


def test_a_broken_chain_the_caller_told_of_is_not_said_again(tmp_path):
    told = f"{GONE} is not found: the parent of {V1}, the model this run starts from"  # as `petloc train` said it
    assert not [m for m in _notices_of_a_cancelled_run(tmp_path, lineage_told=told) if INCOMPLETE in m]
