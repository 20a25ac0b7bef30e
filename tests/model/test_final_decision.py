"""The workers' last decision before the bundle is written (model.distributed, model.training).

A Ctrl+C that lands after the last batch (the last validation, the scoring) used to be read by
each worker alone: the interrupted one exited 130 while the chief wrote the bundle. The stand-in
cluster below plays the other workers' part of the collective.
"""

from __future__ import annotations

import pytest
import tensorflow as tf

from petloc_gui.model import training, worker_end
from petloc_gui.model.distributed import FINAL_DECISION_TIMEOUT, WorkerLostError, agreed_stop
from petloc_gui.model.training import TrainConfig, TrainingCancelled, train

# What TensorFlow 2.21 said on a worker whose peer had exited (tests/model/test_multiworker.py's setup).
SOCKET_CLOSED = ("{{function_node __wrapped__CollectiveReduceV2_Nordering_token_1_device_/job:worker/replica:0/"
                 "task:1/device:CPU:0}} Collective ops is aborted by: Socket closed\nAdditional GRPC error "
                 "information from remote target /job:worker/replica:0/task:0")
TIMED_OUT = ("{{function_node __wrapped__CollectiveReduceV2_Nordering_token_1_device_/job:worker/replica:0/task:0/"
             "device:CPU:0}} Collective has timed out during execution. [Op:CollectiveReduceV2] name: ")


class StandInCluster:
    """A strategy whose cross-worker sum adds the other workers' stop flags (``others``), or fails."""

    def __init__(self, others: float = 0.0, error: Exception | None = None) -> None:
        self.extended = self
        self.others = others
        self.error = error
        self.timeouts: list[float | None] = []

    def reduce_to(self, reduce_op, value, destinations, options):
        assert reduce_op == tf.distribute.ReduceOp.SUM
        self.timeouts.append(options.timeout_seconds)
        if self.error is not None:
            raise self.error
        return value + self.others

    def experimental_local_results(self, value):
        return (value,)


def test_a_stop_asked_on_any_worker_stops_every_worker():
    assert agreed_stop(StandInCluster(others=1.0), lambda: False)() is True  # another worker's Ctrl+C
    assert agreed_stop(StandInCluster(others=0.0), lambda: True)() is True  # this worker's
    assert agreed_stop(StandInCluster(others=0.0), lambda: False)() is False
    cluster = StandInCluster()
    agreed_stop(cluster, lambda: False, FINAL_DECISION_TIMEOUT)()
    assert cluster.timeouts == [FINAL_DECISION_TIMEOUT]  # the final decision waits a bounded time


def test_a_worker_that_exited_or_never_came_is_said_in_words():
    gone = StandInCluster(error=tf.errors.UnavailableError(None, None, SOCKET_CLOSED))
    with pytest.raises(WorkerLostError) as lost:
        agreed_stop(gone, lambda: False)()
    assert str(lost.value).startswith("another worker exited or cannot be reached (Socket closed): this worker "
                                      "stops too, without writing a bundle")
    late = StandInCluster(error=tf.errors.DeadlineExceededError(None, None, TIMED_OUT))
    with pytest.raises(WorkerLostError, match=r"did not reach the end of training within 600 s, so one of them "
                                              r"is stuck: this worker stops without writing a bundle"):
        agreed_stop(late, lambda: False, FINAL_DECISION_TIMEOUT)()


@pytest.fixture(scope="module")
def digits_folder(tmp_path_factory):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path_factory.mktemp("digits")
    write_digits_dataset(folder, "train", count=20, seed=0)
    return folder


@pytest.mark.slow
def test_a_stop_on_another_worker_after_the_last_batch_cancels_before_the_bundle(digits_folder, tmp_path,
                                                                                 monkeypatch):
    """Multi-worker in one process: the cluster is the default strategy, the other worker's request
    comes through the final decision only (the per-batch ones see none)."""
    decisions: list[tuple[float | None, int]] = []
    events: list[dict] = []

    def stand_in_agreed_stop(strategy, local_stop, timeout=None):
        def stop():
            decisions.append((timeout, len(events)))
            return local_stop() or timeout == FINAL_DECISION_TIMEOUT  # the other worker: Ctrl+C while scoring
        return stop

    def stand_in_exchange_of(strategy, timeout):  # the end of the run's collectives (model.worker_end)
        def exchange(flag, text):
            decisions.append((timeout, len(events)))
            return flag or timeout == FINAL_DECISION_TIMEOUT, text  # the other worker: Ctrl+C while scoring
        return exchange

    monkeypatch.setattr(training, "make_strategy", lambda name: tf.distribute.get_strategy())
    monkeypatch.setattr(training, "agreed_stop", stand_in_agreed_stop)
    monkeypatch.setattr(worker_end, "exchange_of", stand_in_exchange_of)
    out = tmp_path / "bundle"
    config = TrainConfig(preset="digits", epochs=1, batch_size=16, out_dir=str(out), distribute="multiworker")
    with pytest.raises(TrainingCancelled):
        train(digits_folder, config, on_event=events.append, should_stop=lambda: False)
    assert not out.exists() and not list(tmp_path.iterdir())
    kinds = [e["event"] for e in events]
    assert "saving" not in kinds and "done" not in kinds
    final = [at for timeout, at in decisions if timeout == FINAL_DECISION_TIMEOUT]
    assert len(final) == 1 and final[0] > kinds.index("epoch")  # after the last epoch's validation


@pytest.mark.slow
def test_a_stop_after_the_saving_event_is_too_late_and_the_bundle_is_written(digits_folder, tmp_path):
    events: list[dict] = []
    out = tmp_path / "bundle"
    path = train(digits_folder, TrainConfig(preset="digits", epochs=1, batch_size=16, out_dir=str(out)),
                 on_event=events.append, should_stop=lambda: "saving" in [e["event"] for e in events])
    assert path == out and (out / "meta.json").is_file()
    kinds = [e["event"] for e in events]
    assert kinds[-2:] == ["saving", "done"]
    assert events[-2]["writes_bundle"] is True


def test_the_end_of_run_exchange_is_the_same_collective_summing_the_chief_s_words():
    """`worker_end.exchange_of` makes its sum through `distributed.summed`, as `agreed_stop` does."""
    from petloc_gui.model.worker_end import exchange_of, text_vector

    chief_said = text_vector('{"failure": null}', False)
    cluster = StandInCluster(others=tf.constant(chief_said, tf.float32))  # the chief, the other worker here
    assert exchange_of(cluster, FINAL_DECISION_TIMEOUT)(True, None) == (True, '{"failure": null}')
    assert cluster.timeouts == [FINAL_DECISION_TIMEOUT]
    gone = StandInCluster(error=tf.errors.UnavailableError(None, None, SOCKET_CLOSED))
    with pytest.raises(WorkerLostError):
        exchange_of(gone, None)(False, None)
