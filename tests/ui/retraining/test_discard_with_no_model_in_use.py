"""Discard in the Retraining window said "the current model is unchanged" when the window used no model (a rename
in Edit → Classes had dropped the one the run started from): it says no model is in use, as before. With a model
in use it reads as it did."""

from __future__ import annotations

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainOptions

pytestmark = pytest.mark.slow  # starts child processes


def _run(qtbot, controller):
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    return controller.new_version


@pytest.mark.parametrize(("spec_after", "said"), [
    ("", "The new model was discarded; no model is in use, as before."),
    ("digits", "The new model was discarded; the current model is unchanged.")])
def test_discard_says_what_the_window_uses(qtbot, window, controller, spec_after, said):
    version = _run(qtbot, controller)
    assert version is not None  # Use / Discard waits: else the test says nothing
    window.spec = spec_after  # "": the model the run started from was dropped meanwhile
    assert not controller.discard_new_model()
    assert not version.path.exists()
    assert controller._progress_window().status.text() == said
