"""The Dataset panel says what the status line says while the folder's model is chosen or loads: it said "No model
loaded." while the status line and prediction pane said "Choosing the model…", and on F5 or another folder kept the
model before's figures until the new one loaded."""

from __future__ import annotations

import time

from petloc_gui.app import model_choice
from petloc_gui.app.folder_sample import label_counts
from petloc_gui.ui.main_window import MainWindow
from petloc_gui.ui.models.folder_model_chooser import CHOOSING


def _slow_choice(monkeypatch) -> None:
    def slow(dataset, *args, **kwargs):  # long enough to look at the window while the choice is on its way
        time.sleep(0.3)
        return label_counts(dataset, *args, **kwargs)

    monkeypatch.setattr(model_choice, "label_counts", slow)


def test_the_panel_follows_the_status_line_while_the_model_is_chosen_and_loads(qtbot, window, folder, monkeypatch):
    label = window.dataset_panel.model_label
    _slow_choice(monkeypatch)
    assert MainWindow.open_folder(window, folder)
    assert window.model_status.text() == CHOOSING and label.text() == CHOOSING
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    figures = label.text()
    assert figures.startswith("<b>Model:</b> ") and "acc " in figures  # the model's figures, once loaded
    # F5 (the same folder opened again): not the figures of the model before while the choice is on its way
    assert MainWindow.open_folder(window, folder)
    assert window.models.choosing is window.session
    assert label.text() == window.model_status.text() == CHOOSING and label.toolTip() == ""
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert label.text() == figures


def test_a_model_switched_to_says_it_loads(qtbot, window, folder):
    label = window.dataset_panel.model_label
    assert MainWindow.open_folder(window, folder)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    window.models.set_model("digits")
    assert label.text() == "Loading model digits…"  # not the figures of the model before
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert label.text().startswith("<b>Model:</b> ")
