"""A real main window with a retraining run of the stand-in worker finished on a folder: its new model waits
for Use / Discard. Shared by the tests of what happens to such a model at quitting."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_controller import RetrainController, install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.ui.conftest import open_and_wait


def finished_standin_run(qtbot, window, folder) -> RetrainController:
    """``window`` with ``folder`` open and a stand-in run (tests.standin_worker, 2 steps) finished on it."""
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder)
    controller.worker_module = "tests.standin_worker"
    controller.extra_worker_args = ["--steps", "2", "--delay", "0"]
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    return controller
