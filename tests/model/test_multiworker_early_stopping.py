"""meta.json's ``early_stopping``: a multi-worker run never stops early (every worker validates on its
own), yet its bundle said only ``recipe.patience: 12`` (the preset's), as if it could have."""

from __future__ import annotations

import pytest

from petloc_gui.model.worker_agreement import early_stopping_record


def test_a_multiworker_record_says_early_stopping_was_off_and_why():
    record = early_stopping_record("multiworker", 12, validated=True)
    assert record["on"] is False and record["patience"] is None
    assert "--distribute multiworker" in record["why"] and "every epoch runs" in record["why"]


@pytest.mark.parametrize("distribute", [None, "mirrored"])
def test_a_one_process_record_gives_the_patience_it_used(distribute):
    assert early_stopping_record(distribute, 7, validated=True) == {"on": True, "patience": 7}


def test_without_validation_images_no_run_stops_early():
    """The monitor scores each epoch by its number without validation: the last always wins."""
    record = early_stopping_record(None, 7, validated=False)
    assert record["on"] is False and record["patience"] is None and "no validation images" in record["why"]


@pytest.mark.slow
def test_the_chiefs_bundle_records_early_stopping_off(two_worker_run):
    from petloc_gui.model.bundle import read_meta

    results = two_worker_run.results
    for code, _, err in results:
        assert code == 0, err[-3000:]
    meta = read_meta(results[0][1].strip().splitlines()[-1])
    assert meta["early_stopping"]["on"] is False and meta["early_stopping"]["patience"] is None
    assert meta["recipe"]["patience"] == 12  # the preset's, kept as it is: the record above says it was not used


def test_a_patience_the_epochs_never_reach_is_not_called_on():
    """--epochs 5 with the preset's patience 12 runs every epoch: the record said early stopping was on."""
    record = early_stopping_record(None, 12, validated=True, epochs=5)
    assert record["on"] is False and record["patience"] == 12 and "every epoch runs" in record["why"]
    assert early_stopping_record(None, 4, validated=True, epochs=5)["on"] is False  # stops only at its last
    assert early_stopping_record(None, 3, validated=True, epochs=5) == {"on": True, "patience": 3}
