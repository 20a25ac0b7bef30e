"""The chief of a two-worker run cannot write the bundle (its --out replaced by a file during the run): the
other worker used to say "this worker is done; the chief worker writes the bundle" and exit 0, with no bundle
anywhere. It now hears the chief's result after the save (model.worker_end) and exits 1 naming the chief and
its reason."""

from __future__ import annotations

import re

import pytest

from tests.model.test_multiworker import _finish, _pipes, _start_workers

pytestmark = pytest.mark.slow

# Runs `petloc train` with its --out folder replaced by a file just before the bundle is written.
OUT_REPLACED = """
import os, shutil, sys
import petloc_gui.model.training as training

real_save = training.save_bundle

def save_bundle(model, meta, out_dir, **kwargs):
    out = os.path.dirname(os.path.abspath(out_dir))
    shutil.rmtree(out)
    with open(out, "w") as replaced:
        replaced.write("not a folder")
    return real_save(model, meta, out_dir, **kwargs)

training.save_bundle = save_bundle
from petloc_gui.cli.main import main
sys.exit(main())
"""


def test_the_other_worker_fails_with_the_chief_when_the_chief_cannot_write_the_bundle(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    script = tmp_path / "out_replaced.py"
    script.write_text(OUT_REPLACED)
    (chief_code, _, chief_err), (code, out, err) = _finish(
        _start_workers(data, tmp_path, 1, _pipes, launcher=lambda index: None if index else str(script)))
    assert chief_code == 1 and "cannot save the model bundle" in chief_err, chief_err[-3000:]
    assert (code, out) == (1, ""), err[-3000:]
    last = err.strip().splitlines()[-1]
    assert re.fullmatch(r"petloc: the chief \(worker 0 \(127\.0\.0\.1:\d+, pid \d+\), writing to "
                        + re.escape(str(tmp_path / "w0")) + r"/\S+\) could not write the bundle: .*cannot save the "
                        r"model bundle.* \(see the chief's output\)", last), err[-3000:]
    assert "this worker is done" not in err
    assert not (tmp_path / "w1").exists()  # its empty --out taken back, as on any failure
