"""A model picked (Model menu) or adopted (a retrain's Use) while the folder's model is being chosen, which
then fails to load: the folder's model is chosen and used, as when it was opened.

Before: the pick's fallback was the model in use, and while the folder's model is chosen none is (""): the
failure left the folder with no model at all ("Model failed: broken", no "Back to …"), until F5.
"""

from __future__ import annotations

import threading

import pytest

from petloc_gui.app import model_choice
from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.app.folder_sample import label_counts
from petloc_gui.ui.main_window import MainWindow
from petloc_gui.ui.models.folder_model_chooser import CHOOSING

from .conftest import wait_predictions


@pytest.fixture
def held_choice(monkeypatch) -> threading.Event:
    """The folder's model choice (its sample of annotation files) waits until the returned event is set."""
    gate = threading.Event()

    def held(dataset, *args, **kwargs):
        gate.wait(10)
        return label_counts(dataset, *args, **kwargs)

    monkeypatch.setattr(model_choice, "label_counts", held)
    return gate


def _the_folders_model_in_use(qtbot, window, folder) -> None:
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "pets" and not window.models.explicit  # its cats and dogs chose it
    assert window.model_status.text().startswith("Model: fake-pets")
    assert FolderMemory().get(folder) is None  # the failed model is not remembered
    wait_predictions(qtbot, window)


@pytest.mark.parametrize("use", ["choose", "adopt"])
def test_a_pick_that_fails_while_the_folder_chooses_gets_the_folders_model(qtbot, window, folder, factory,
                                                                           held_choice, use):
    factory.fail.add("broken")
    assert MainWindow.open_folder(window, folder)
    assert window.models.choosing is window.session
    getattr(window.models, use)("broken")
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    text = window.models.error_box.text()
    assert "cannot load broken" in text and "The folder's model is chosen again" in text
    assert window.models.choosing is window.session and window.model_status.text() == CHOOSING
    assert window.panel._prediction_message == CHOOSING
    held_choice.set()
    _the_folders_model_in_use(qtbot, window, folder)


def test_a_pick_that_fails_after_f5_while_the_folder_chose_gets_the_folders_model(qtbot, window, folder, factory,
                                                                                  held_choice):
    factory.fail.add("broken")
    gate, loads = threading.Event(), []
    load = window.predictions._factory

    def held_load(spec):
        loads.append(spec)
        gate.wait(10)
        return load(spec)

    window.predictions._factory = held_load
    assert MainWindow.open_folder(window, folder)
    window.models.choose("broken")
    qtbot.waitUntil(lambda: loads == ["broken"], timeout=10_000)
    assert window.reload_folder()  # F5: the pick, still loading, is this folder's
    gate.set()
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    assert "The folder's model is chosen again" in window.models.error_box.text()
    held_choice.set()
    _the_folders_model_in_use(qtbot, window, folder)


def test_a_pick_that_fails_once_the_folders_model_is_in_use_goes_back_to_it(qtbot, window, folder, factory):
    factory.fail.add("broken")
    assert MainWindow.open_folder(window, folder)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    window.models.choose("broken")
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    assert "Back to pets, the model used before" in window.models.error_box.text()
    _the_folders_model_in_use(qtbot, window, folder)
