"""One two-worker `petloc train` cluster run (1 epoch on 40 digits), shared by the tests that check
different facts of it: only the chief writes a bundle (test_multiworker), and every worker ends with the
chief's BatchNorm statistics (test_multiworker_batchnorm). A cluster costs two TensorFlow processes that
connect and train; one run answers both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.model.test_multiworker import _finish, _pipes, _start_workers

# Runs `petloc train` keeping this worker's scratch bundle (a non-chief saves one, then deletes it) in
# $KEEP_DIR, outside its --out folder: what the non-chief writes there is still seen.
KEEP_SCRATCH = """
import os, sys, types
import petloc_gui.model.worker_end as worker_end

class Keep:
    def __init__(self, *args, **kwargs):
        self.folder = os.environ["KEEP_DIR"]
        os.makedirs(self.folder, exist_ok=True)
    def __enter__(self):
        return self.folder
    def __exit__(self, *exc):
        return False

worker_end.tempfile = types.SimpleNamespace(TemporaryDirectory=Keep)
from petloc_gui.cli.main import main
sys.exit(main())
"""


@dataclass(frozen=True)
class TwoWorkerRun:
    data: Path  # the 40 digits trained on
    folder: Path  # the workers' --out folders are w0 and w1 in it
    results: list[tuple[int, str, str]]  # (exit code, stdout, stderr) of worker 0 (the chief), worker 1
    scratch: Path  # the bundle worker 1 saved before it would have deleted it


def run_two_workers(folder: Path) -> TwoWorkerRun:
    """The chief runs the README's command; the other worker the same through `KEEP_SCRATCH`."""
    from petloc_gui.core.digits import write_digits_dataset

    data = folder / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    script = folder / "keep_scratch.py"
    script.write_text(KEEP_SCRATCH)
    keep = folder / "scratch"
    results = _finish(_start_workers(data, folder, 1, _pipes, launcher=lambda index: str(script) if index else None,
                                     env=lambda index: {"KEEP_DIR": str(keep)} if index else {}))
    return TwoWorkerRun(data, folder, results, keep / "bundle")
