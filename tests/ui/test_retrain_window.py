"""Retraining installed on the real main window (stand-in worker from tests/, fake prediction model)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from petloc_gui.ui.training.retrain_controller import install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.slow  # starts a child process


def test_retrain_on_the_main_window_switches_its_model_and_rolls_back(qtbot, window, folder, factory):
    controller = install_retraining(window)
    assert controller.retrain_action in window.model_menu.actions()
    shortcuts = [a.shortcut() for a in window.findChildren(type(controller.retrain_action))
                 if a is not controller.retrain_action]
    assert QKeySequence("Ctrl+T") not in shortcuts  # Ctrl+T is ours alone
    open_and_wait(qtbot, window, folder)
    controller.worker_module = "tests.standin_worker"
    controller.extra_worker_args = ["--steps", "2", "--delay", "0"]
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        assert controller.start(RetrainOptions(epochs=1, save_first=True))
    assert finished.args[0].exit_code == 0
    version = controller.new_version
    assert version.parent == "fake"

    controller.use_new_model()
    assert window.current_model_spec() == str(version.path)
    qtbot.waitUntil(lambda: factory.handles and factory.handles[-1].info.spec == str(version.path), timeout=10000)

    controller.versions_menu.rebuild()
    (action,) = controller.versions_menu.version_actions()
    assert action.isChecked()
    window.set_model("fake")  # back to the previous model, then forward again through the menu
    action.trigger()
    assert window.current_model_spec() == str(version.path)
    controller.shutdown()
