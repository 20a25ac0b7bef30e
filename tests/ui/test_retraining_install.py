"""Model → Retrain… and Versions: installed on the window, typed, and never hidden without a word."""

from __future__ import annotations

import sys

import pytest


def test_the_window_has_no_retraining_until_it_is_installed(window):
    from petloc_gui.ui.app import install_retraining

    assert window.retrain_controller is None
    window.train_for_folder()  # the no-model bar's button: nothing to do, nothing raised
    install_retraining(window)
    assert window.retrain_controller is not None
    assert window.retrain_controller.retrain_action in window.model_menu.actions()
    window.retrain_controller.shutdown()


def test_a_retraining_module_that_does_not_import_is_not_hidden(window, monkeypatch):
    """A broken installation raised nothing and the two menu entries were simply missing."""
    from petloc_gui.ui.app import install_retraining

    monkeypatch.setitem(sys.modules, "petloc_gui.ui.training.retrain_controller", None)  # import fails
    with pytest.raises(ImportError):
        install_retraining(window)


def test_a_failure_to_set_retraining_up_is_said(window, monkeypatch):
    from petloc_gui.ui.app import install_retraining
    from petloc_gui.ui.training import retrain_controller

    def broken(_window):
        raise RuntimeError("the version store is unreadable")

    monkeypatch.setattr(retrain_controller, "install_retraining", broken)
    install_retraining(window)  # the window opens all the same
    assert window.statusBar().currentMessage() == "Retraining unavailable: the version store is unreadable"
    assert window.retrain_controller is None
