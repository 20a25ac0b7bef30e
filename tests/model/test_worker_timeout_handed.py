"""The start-of-training check waits for a worker slower to collect its data at most 600 s, or the --worker-timeout
the workers connected under when longer. That timeout was read from a module-level value that
`distributed.connect_workers` set, so a run was bounded by whatever connect had been called with last in the
process; it is now handed down: `petloc train` puts it in the run's `TrainConfig`, and the run hands it to
`check_workers_agree`."""

from __future__ import annotations

import pytest
import tensorflow as tf

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model import training


class _CheckReachedError(Exception):
    pass


@pytest.mark.parametrize("worker_timeout", [900, None])
def test_a_run_hands_its_worker_timeout_to_the_check(tmp_path, monkeypatch, worker_timeout):
    handed = []

    def check(strategy, parts, stop, worker_timeout=None):
        handed.append(worker_timeout)
        raise _CheckReachedError

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=20, seed=0)
    monkeypatch.setattr(training, "make_strategy", lambda name: tf.distribute.get_strategy())
    monkeypatch.setattr(training, "check_workers_agree", check)
    config = training.TrainConfig(preset="digits", epochs=1, batch_size=16, out_dir=str(tmp_path / "bundle"),
                                  distribute="multiworker", worker_timeout=worker_timeout)
    with pytest.raises(_CheckReachedError):
        training.train(data, config)
    assert handed == [worker_timeout]


def test_connecting_leaves_no_timeout_behind_for_a_later_run():
    from petloc_gui.model import distributed

    assert not hasattr(distributed, "connected_worker_timeout") and not hasattr(distributed, "_connected_under")
