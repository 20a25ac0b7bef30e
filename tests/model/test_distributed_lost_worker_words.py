"""What a worker says when a collective's deadline passes (model.distributed.lost_workers).

Every DeadlineExceededError was worded as the end-of-training wait: a chief frozen mid-epoch (its
heartbeat stopped) made the other worker say "the other workers did not reach the end of training in
time", the wrong phase, and "in time" where no time limit was set."""

from __future__ import annotations

import pytest
import tensorflow as tf

from petloc_gui.model.distributed import WorkerLostError, lost_workers

# What a worker whose chief stopped answering mid-epoch gets from its coordination service (TensorFlow 2.21)
NO_HEARTBEAT = ("Error reported from /job:worker/task:1: The following tasks are unhealthy (stopped sending "
                "heartbeats): /job:worker/replica:0/task:0\nAdditional GRPC error information while calling "
                "/tensorflow.CoordinationService/Heartbeat")
HEARTBEAT_RPC = "Deadline Exceeded\nRPC: /tensorflow.CoordinationService/Heartbeat"
TIMED_OUT = ("{{function_node __wrapped__CollectiveReduceV2_Nordering_token_1_device_/job:worker/replica:0/task:0/"
             "device:CPU:0}} Collective has timed out during execution. [Op:CollectiveReduceV2] name: ")


def _said(message: str, timeout: float | None = None, **phase: str) -> str:
    with pytest.raises(WorkerLostError) as lost, lost_workers(timeout, **phase):
        raise tf.errors.DeadlineExceededError(None, None, message)
    return str(lost.value)


def test_a_worker_without_heartbeat_is_named_as_not_answering_not_as_late():
    line = _said(NO_HEARTBEAT)
    assert line.startswith("worker 0 stopped answering (no heartbeat): its process hangs or its machine cannot be "
                           "reached"), line
    assert "end of training" not in line and "in time" not in line and "within" not in line
    line = _said(HEARTBEAT_RPC)
    assert "stopped answering (no heartbeat)" in line and "end of training" not in line, line


def test_a_deadline_names_the_phase_and_its_time_only_when_one_was_set():
    line = _said(TIMED_OUT, 600, waited_for="the check that all list the same cluster")
    assert "did not reach the check that all list the same cluster within 600 s" in line, line
    assert "end of training" not in line
    line = _said(TIMED_OUT, None, waited_for="the next step of training")
    assert "in time" not in line and "within" not in line, line
    assert _said(TIMED_OUT, 600).startswith("the other workers did not reach the end of training within 600 s")


class _FailingExchange:
    """A one-replica strategy whose collective fails with ``message``; it keeps the options it was given."""

    num_replicas_in_sync = 1
    cluster_resolver = None

    def __init__(self, message: str):
        self.message = message
        self.extended = self
        self.options = None

    def experimental_distribute_values_from_function(self, make):
        class Context:
            replica_id_in_sync_group = 0
        return make(Context())

    def reduce_to(self, op, values, destinations, options):
        self.options = options
        raise tf.errors.DeadlineExceededError(None, None, self.message)


def agreement_line(strategy: _FailingExchange) -> str:
    """What a worker says when its start-of-training check (`worker_agreement._gathered`) fails on ``strategy``."""
    from petloc_gui.model.worker_agreement import _gathered

    with pytest.raises(WorkerLostError) as lost:
        _gathered(strategy, [1, 2], lambda: False)
    return str(lost.value)


def test_a_leader_without_heartbeat_at_the_start_of_training_is_not_said_to_be_late():
    """Worker 0 frozen (SIGSTOP) before the check: worker 1's heartbeat failed after ~10 s, and it said
    "another worker did not reach the start of training within 600 s"."""
    line = agreement_line(_FailingExchange(HEARTBEAT_RPC))
    assert "stopped answering (no heartbeat)" in line, line
    assert "within" not in line and "600" not in line, line
    line = agreement_line(_FailingExchange(TIMED_OUT))
    assert "did not reach the start of training within 600 s" in line, line
