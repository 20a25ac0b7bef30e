"""Ctrl+T (or the new-classes bar's button) while the folder's model was chosen in a worker offered to train the
folder's first model from scratch: no model was in use yet (its spec empty), so the run was taken for a first
one, used at once with no comparison. It says the model is being chosen and opens nothing; once chosen, the
dialog fine-tunes it."""

from __future__ import annotations

import time

from petloc_gui.app import model_choice
from petloc_gui.app.folder_sample import label_counts
from petloc_gui.ui.training import retrain_controller, retrain_start

from .conftest import open_and_wait
from .model_chosen import wait_model_chosen


def test_ctrl_t_while_the_model_is_chosen_waits_for_it(qtbot, window, folder, monkeypatch):
    controller = retrain_controller.install_retraining(window)
    open_and_wait(qtbot, window, folder)

    def slow(dataset, *args, **kwargs):  # a network disk: the sample takes a second
        time.sleep(1.0)
        return label_counts(dataset, *args, **kwargs)

    monkeypatch.setattr(model_choice, "label_counts", slow)
    asked: list[str] = []
    monkeypatch.setattr(retrain_start, "ask_run", lambda parent, spec, *a, **k: (asked.append(spec), None)[1])
    assert window.open_folder(folder)  # no model named: chosen in a worker
    assert window.model_being_chosen()
    assert controller.open_dialog() is False
    assert asked == []
    assert window.statusBar().currentMessage() == retrain_start.CHOOSING_FIRST
    wait_model_chosen(qtbot, window)
    controller.open_dialog()
    assert asked == [window.current_model_spec()] and asked[0]
