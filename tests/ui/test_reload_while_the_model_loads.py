"""F5 (or the same folder opened again) while the folder's model is still loading: the load under way is the
one used, and the status line says it is loading as soon as the folder's model is chosen again.

Before: the model the prediction worker was loading counted as not there (no ModelInfo yet), so the choice
asked for it again: it loaded twice (a MobileNet bundle: seconds each), and the status line said "Choosing
the model…" until the discarded load had ended.
"""

from __future__ import annotations

import threading

from petloc_gui.ui.main_window import MainWindow
from petloc_gui.ui.models.folder_model_chooser import CHOOSING

from .conftest import wait_predictions
from .model_chosen import wait_model_chosen


def _held_loads(window) -> tuple[list[str], threading.Event]:
    """The specs the prediction worker loads, each held until the returned event is set."""
    loads: list[str] = []
    gate = threading.Event()
    load = window.predictions._factory

    def held(spec):
        loads.append(spec)
        gate.wait(10)  # a bundle's load: seconds
        return load(spec)

    window.predictions._factory = held
    return loads, gate


def test_f5_while_the_chosen_model_loads_uses_that_load(qtbot, window, folder):
    loads, gate = _held_loads(window)
    assert MainWindow.open_folder(window, folder)  # no model named: chosen (pets), then loading
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: loads == ["pets"], timeout=10_000)
    assert window.reload_folder()  # F5, the load still under way
    wait_model_chosen(qtbot, window)
    assert window.current_model_spec() == "pets"
    assert window.model_status.text() == "Loading model pets…"  # not "Choosing the model…"
    assert window.model_status.text() != CHOOSING
    gate.set()
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    wait_predictions(qtbot, window)  # the rows of the folder read again are predicted by it
    assert loads == ["pets"]  # loaded once
    assert window.model_status.text().startswith("Model: fake-pets")


def test_f5_while_a_pick_loads_uses_that_load_and_remembers_the_pick(qtbot, window, folder):
    from petloc_gui.app.folder_memory import FolderMemory

    assert MainWindow.open_folder(window, folder)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    loads, gate = _held_loads(window)
    window.models.choose("digits")
    qtbot.waitUntil(lambda: loads == ["digits"], timeout=10_000)
    assert window.reload_folder()  # F5 before the pick has loaded: the folder's pick, its load kept
    wait_model_chosen(qtbot, window)
    assert window.model_status.text() == "Loading model digits…"
    gate.set()
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert loads == ["digits"] and window.current_model_spec() == "digits"
    assert FolderMemory().get(folder) == "digits"


def test_f5_after_the_model_failed_loads_it_again(qtbot, window, folder, factory):
    factory.fail.add("pets")
    assert MainWindow.open_folder(window, folder)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.model_status.text() == "Model failed: pets", timeout=10_000)
    factory.fail.discard("pets")  # its files mended meanwhile
    assert window.reload_folder()
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "pets"
