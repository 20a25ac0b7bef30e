"""Workers given different data or options refuse together at start, naming what differs."""

from __future__ import annotations

import time

import pytest

from petloc_gui.model.worker_agreement import disagreements, refusal, run_fingerprint
from tests.model.test_multiworker import _finish, _pipes, _start_workers


def test_each_kind_is_compared_on_its_own():
    parts = {"seed": 0, "training images": ["a.png", "b.png"], "epochs": 2}
    other = {**parts, "seed": 1, "training images": ["a.png"]}
    rows = [list(run_fingerprint(parts).values()), list(run_fingerprint(other).values())]
    found = disagreements(rows, list(parts), replicas_per_worker=1)
    assert found == {1: ["seed", "training images"]}
    line = refusal(found, other)
    assert "worker 1 differs from worker 0 in seed, training images" in line
    assert "this worker: seed 1" in line and "no worker trained" in line
    assert disagreements([rows[0], rows[0]], list(parts), 1) == {}


def test_replicas_are_told_by_worker():
    """Two replicas per worker (two GPUs each): rows 2 and 3 are worker 1."""
    kinds = ["seed", "epochs"]
    assert disagreements([[1, 2], [1, 2], [1, 3], [1, 3]], kinds, replicas_per_worker=2) == {1: ["epochs"]}


@pytest.mark.slow
def test_workers_with_another_seed_both_refuse_quickly(tmp_path):
    """--seed 1 on worker 1 split the images otherwise: the chief's validation images were in worker 1's
    training share while meta.json said they were never trained on; both exited 0."""
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    started = time.monotonic()
    results = _finish(_start_workers(data, tmp_path, 3, _pipes, extra=lambda index: ["--seed", str(index)]),
                      timeout=300)
    assert time.monotonic() - started < 120
    for index, (code, out, err) in enumerate(results):
        assert code == 1, err[-3000:]
        [line] = [line for line in err.splitlines() if line.startswith("petloc: ")]
        assert "not given the same training: worker 1 differs from worker 0 in" in line, line
        assert "seed" in line and f"this worker: seed {index}" in line, line
        assert "epoch 1/" not in err and out.strip() == ""
    assert not list(tmp_path.glob("w*/**/meta.json"))
