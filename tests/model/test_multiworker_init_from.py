"""--init-from under --distribute multiworker: the strategy is made before the parent loads."""

from __future__ import annotations

import pytest

from tests.model.test_multiworker import _finish, _pipes, _start_workers

pytestmark = pytest.mark.slow


def test_fine_tuning_on_a_one_worker_cluster(tmp_path):
    """Loading the parent started TensorFlow before MultiWorkerMirroredStrategy, which then failed with
    "RuntimeError: Collective ops must be configured at program startup" (exit 1, every cluster size)."""
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.bundle import read_meta

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    procs = _start_workers(data, tmp_path, 1, _pipes, extra=lambda index: ["--init-from", "digits"], workers=1)
    [(code, out, err)] = _finish(procs)
    assert code == 0, err[-3000:]
    assert "Collective ops" not in err
    meta = read_meta(out.strip().splitlines()[-1])
    assert meta["parent"] == "digits" and meta["config"]["distribute"] == "multiworker"
