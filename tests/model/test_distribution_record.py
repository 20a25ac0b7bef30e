"""meta.json's ``distribution``: how many trained together, on what batches, and who wrote it."""

from __future__ import annotations

import json
from types import SimpleNamespace

from petloc_gui.model.worker_agreement import distribution_record


def _cluster(task_type: str, task_id: int, jobs: dict) -> SimpleNamespace:
    spec = SimpleNamespace(as_dict=lambda: jobs, jobs=list(jobs))
    resolver = SimpleNamespace(cluster_spec=lambda: spec, task_type=task_type, task_id=task_id)
    return SimpleNamespace(cluster_resolver=resolver, num_replicas_in_sync=8)


def test_a_multi_worker_record_has_workers_replicas_both_batches_and_the_chief_but_no_host():
    """meta.json said only config.distribute and config.batch_size (not marked global): a bundle from 2
    workers could not be told from one from 16."""
    hosts = {"chief": ["gpu-a.example:2222"], "worker": ["gpu-b.example:2222", "gpu-c.example:2222",
                                                         "gpu-d.example:2222"]}
    record = distribution_record(_cluster("chief", 0, hosts), "multiworker", 64)
    assert record["workers"] == 4 and record["replicas"] == 8
    assert record["global_batch"] == 64 and record["per_replica_batch"] == 8
    assert record["written_by"] == "the chief task" and record["strategy"] == "multiworker"
    assert "example" not in json.dumps(record) and "2222" not in json.dumps(record)


def test_a_mirrored_record_is_one_process():
    record = distribution_record(SimpleNamespace(num_replicas_in_sync=2), "mirrored", 32)
    assert record["workers"] == 1 and record["replicas"] == 2 and record["per_replica_batch"] == 16
    assert record["written_by"] == "the only process (the chief)"
