"""The window's retrain passes the classes renamed to the training worker (ADR 0011): `--renamed NEW=OLD`,
with a fine-tune only."""

from __future__ import annotations

import pytest

from petloc_gui.model.retrain_policy import worker_args
from petloc_gui.model.train_worker import parse_args


def test_the_renames_reach_the_worker_of_a_fine_tune_only():
    args = worker_args("d", "digits", "s", epochs=1, current="m", fine_tune=True,
                       renamed={"uneven": "odd", "bulldog": "american_bulldog"})
    assert args[-4:] == ["--renamed", "bulldog=american_bulldog", "--renamed", "uneven=odd"]
    assert parse_args(args).renamed == {"bulldog": "american_bulldog", "uneven": "odd"}
    assert "--renamed" not in worker_args("d", "digits", "s", epochs=1, current="m", renamed={"uneven": "odd"})


def test_the_worker_refuses_a_rename_without_a_base(capsys):
    with pytest.raises(SystemExit) as exit_:
        parse_args(["--data", "d", "--preset", "digits", "--out", "o", "--renamed", "uneven=odd"])
    assert exit_.value.code == 2 and "--renamed needs --base" in capsys.readouterr().err
