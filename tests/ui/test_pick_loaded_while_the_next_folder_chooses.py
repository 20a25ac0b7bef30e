"""A model picked on folder A that loads while folder B's model is being chosen is remembered for A once it
stays the model in use (B's choice keeps the pick: it knows B's classes).

Before: the pick's load arrived while no model was in use (B choosing), and B's answer then used the loaded
model without remembering the pick: A remembered it only when B's choice was quicker than the load.
"""

from __future__ import annotations

import shutil
import threading

import pytest

from petloc_gui.app import model_choice
from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.app.folder_sample import label_counts
from petloc_gui.core.paths import resources_dir
from petloc_gui.ui.main_window import MainWindow

from .conftest import open_and_wait
from .model_chosen import wait_model_chosen


def _loaded(window, spec: str) -> bool:
    info = window.current_model_info()
    return info is not None and info.spec == spec


@pytest.mark.parametrize("choice_first", [False, True])
def test_a_pick_is_remembered_for_its_folder_whichever_ends_first(qtbot, window, folder, factory, tmp_path,
                                                                   monkeypatch, choice_first):
    pick = str(shutil.copytree(resources_dir() / "models" / "pets", tmp_path / "my-pets"))  # knows cat and dog
    b = shutil.copytree(folder, tmp_path / "b")
    open_and_wait(qtbot, window, folder, model=None)
    assert window.current_model_spec() == "pets"
    gate = threading.Event()

    def held(dataset, *args, **kwargs):  # B's choice: a slow disk, held until the test lets it go
        gate.wait(10)
        return label_counts(dataset, *args, **kwargs)

    monkeypatch.setattr(model_choice, "label_counts", held)
    loads = threading.Event()
    load = window.predictions._factory

    def load_when_let(spec):
        if spec == pick and choice_first:
            loads.wait(10)
        return load(spec)

    window.predictions._factory = load_when_let
    window.models.choose(pick)  # Model → Open model folder, on A
    assert MainWindow.open_folder(window, b)  # B at once, the pick still loading
    if choice_first:
        gate.set()
        wait_model_chosen(qtbot, window)
        loads.set()
    else:  # the pick loads while B's model is chosen
        qtbot.waitUntil(lambda: any(h.info.spec == pick for h in factory.handles), timeout=10_000)
        qtbot.waitUntil(lambda: window.models._kept is not None and window.models._kept[1] is not None,
                        timeout=10_000)
        gate.set()
        wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: _loaded(window, pick), timeout=10_000)
    assert window.current_model_spec() == pick and window.models.explicit  # the pick follows to B
    assert FolderMemory().get(folder) == pick  # and A keeps it
    assert FolderMemory().get(b) is None and window.models._on_load is None
