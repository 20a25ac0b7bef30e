"""A retrain child killed (-9) while it wrote its bundle left the bundle's temporary sibling
(``..staging-X.XXXXXXXX.tmp/model.keras``, partial) in the model store until the day-old sweep, taking room on
the nearly full disk that often ended the run: the window dropped only ``.staging-X``. It now drops what a save
into its own staging folder left too, and keeps what another run's left."""

from __future__ import annotations

import os
import signal

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.model.bundle_killed_saves import killed_while_writing

pytestmark = pytest.mark.slow  # starts a child process


def test_a_run_killed_while_writing_its_bundle_leaves_no_partial_model(qtbot, controller):
    controller.extra_worker_args = ["--steps", "500", "--delay", "0.05"]
    controller.start(RetrainOptions(epochs=5, save_first=False))
    qtbot.waitSignal(controller.process.event, timeout=20000).wait()
    staging = controller.staging
    other_run = staging.parent / ".staging-0123456789ab"  # another window's run, still writing
    other_run.mkdir()
    killed_while_writing(other_run)
    killed_while_writing(staging)  # what this run's child leaves when killed in model.save
    partial = [path for path in staging.parent.glob(f".{staging.name}.*.tmp")]
    assert len(partial) == 1 and (partial[0] / "model.keras").is_file()

    with qtbot.waitSignal(controller.run_finished, timeout=15000) as finished:
        os.kill(controller.process.pid, signal.SIGKILL)
    assert finished.args[0].crashed

    left = sorted(name for name in os.listdir(staging.parent) if name.startswith("."))
    assert left == sorted([other_run.name, *(path.name for path in staging.parent.glob(f".{other_run.name}.*.tmp"))])
    assert len(left) == 2  # the other run's staging folder and its bundle being written
    assert controller.store.list() == []
