"""A folder's model is chosen in a worker: the window stays live and shows the first image meanwhile, the chosen
model then loads, and an answer for a folder closed since is dropped (`ui.models.folder_model_chooser`).

The window is opened through ``MainWindow.open_folder`` itself, not the fixture's instance attribute: these
tests look at the window while the choice is on its way, whatever the fixture waits for.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QTimer

from petloc_gui.app import model_choice
from petloc_gui.app.folder_sample import CancelledError, label_counts
from petloc_gui.core.dataset import open_dataset
from petloc_gui.ui.main_window import MainWindow
from petloc_gui.ui.models.folder_model_chooser import CHOOSING

from .model_chosen import wait_model_chosen

SLOW_S = 1.0  # how long the slowed sample takes: on the UI thread, the window froze that long
VOC = ("<annotation><filename>{name}</filename><size><width>40</width><height>30</height><depth>3</depth></size>"
       "<object><name>{label}</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>20</xmax><ymax>20</ymax></bndbox>"
       "</object></annotation>")


def _folder(root: Path, labels: list[str]) -> Path:
    root.mkdir(parents=True)
    for i, label in enumerate(labels):
        image = root / f"img_{i:03d}.png"
        Image.new("RGB", (40, 30), (i * 20 % 256, 90, 140)).save(image)
        image.with_suffix(".xml").write_text(VOC.format(name=image.name, label=label))
    return root


def _record_models(window) -> list[str]:
    """The specs the window switches to, from now on."""
    asked: list[str] = []
    switch = window.models.set_model
    window.models.set_model = lambda spec: (asked.append(spec), switch(spec))[1]
    return asked


def test_the_window_stays_live_while_a_slow_folder_chooses_its_model(qtbot, window, folder, monkeypatch):
    done_at: list[float] = []

    def slow(dataset, *args, **kwargs):  # a network disk: the sample takes a second
        time.sleep(SLOW_S)
        counts = label_counts(dataset, *args, **kwargs)
        done_at.append(time.monotonic())
        return counts

    monkeypatch.setattr(model_choice, "label_counts", slow)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    asked = _record_models(window)
    assert MainWindow.open_folder(window, folder)
    assert time.monotonic() - started < SLOW_S / 2  # the window did not wait for the choice
    assert window.models.choosing is window.session and window.current_model_spec() == ""
    assert window.model_status.text() == CHOOSING  # the status line says why no model is named yet
    qtbot.waitUntil(lambda: window.session.loading is None, timeout=10_000)  # the first image shows meanwhile
    assert window.session.current == 0 and not done_at
    assert window.panel._prediction_message == CHOOSING
    window.models.labels_changed({"cat", "dog"})  # the scan's classes meanwhile: the choice on its way decides
    assert asked == [] and window.session.model_choice is None
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    timer.stop()
    assert window.current_model_spec() == "pets" and asked == ["pets"]  # the folder's cats and dogs chose it
    assert window.session.model_choice.spec == "pets" and window.models.choosing is None
    assert len([t for t in ticks if started < t < done_at[0]]) >= 10  # the UI thread ran all along
    qtbot.waitUntil(lambda: window.session.model.count_predicted_or_failed() == 5, timeout=10_000)


def test_an_answer_for_a_folder_left_is_dropped(qtbot, window, tmp_path, monkeypatch):
    digits, pets = _folder(tmp_path / "digits", ["3", "7", "3"]), _folder(tmp_path / "pets", ["cat", "dog"])
    gate, entered = threading.Event(), threading.Event()

    def held(dataset, *args, **kwargs):  # the digits folder's sample waits; its folder is left meanwhile
        if Path(dataset.root) == digits:
            entered.set()
            gate.wait(10)
            return label_counts(dataset)  # not told to stop: an answer comes back, for a folder left
        return label_counts(dataset, *args, **kwargs)

    monkeypatch.setattr(model_choice, "label_counts", held)
    asked = _record_models(window)
    assert MainWindow.open_folder(window, digits)
    left = window.session
    assert entered.wait(10)
    assert MainWindow.open_folder(window, pets)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "pets"
    gate.set()
    qtbot.waitUntil(lambda: not left._chooser.busy(), timeout=10_000)
    qtbot.wait(200)  # its queued answer, had it been sent on
    assert asked == ["pets"] and window.current_model_spec() == "pets"  # digits, chosen for the folder left: dropped
    assert window.session.model_choice.spec == "pets" and left.model_choice is None


def test_quitting_while_the_model_is_chosen_stops_the_choice(qtbot, window, folder, monkeypatch):
    gate, entered = threading.Event(), threading.Event()
    stopped: list[bool] = []

    def held(dataset, *args, **kwargs):
        entered.set()
        gate.wait(10)
        try:
            return label_counts(dataset, *args, **kwargs)
        except CancelledError:  # told to stop before its first file
            stopped.append(True)
            raise

    monkeypatch.setattr(model_choice, "label_counts", held)
    asked = _record_models(window)
    assert MainWindow.open_folder(window, folder)
    session = window.session
    assert entered.wait(10)
    window.guard.confirm_leave = lambda reload=False: True
    window.close()
    gate.set()
    qtbot.waitUntil(lambda: not session._chooser.busy(), timeout=10_000)
    qtbot.wait(200)
    assert stopped == [True]  # the sample read no file after the window closed
    assert asked == [] and session.model_choice is None  # nothing loads for a window that is gone


def test_a_model_named_needs_no_sample(qtbot, window, folder, monkeypatch):
    sampled: list[Path] = []
    monkeypatch.setattr(model_choice, "label_counts", lambda dataset, *a, **k: sampled.append(dataset.root) or {})
    assert MainWindow.open_folder(window, folder, model="fake")  # petloc-gui --model fake
    assert window.current_model_spec() == "fake" and window.models.choosing is None
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    window.models.choose("pets")  # a pick, remembered for this folder once loaded
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert MainWindow.open_folder(window, folder)  # F5: the folder's own pick, whatever its classes
    wait_model_chosen(qtbot, window)
    assert window.current_model_spec() == "pets" and sampled == []


def test_a_sample_stopped_gives_no_answer(folder):
    dataset = open_dataset(folder)
    assert label_counts(dataset, stopped=lambda: False) == {"cat": 2, "dog": 2}
    with pytest.raises(CancelledError):
        label_counts(dataset, stopped=lambda: True)


def test_the_model_the_window_had_predicts_nothing_while_the_next_folder_chooses(qtbot, window, factory, folder,
                                                                                 tmp_path, monkeypatch):
    assert MainWindow.open_folder(window, _folder(tmp_path / "first", ["cat"]), model="fake")
    qtbot.waitUntil(lambda: window.session.model.count_predicted_or_failed() == 1, timeout=10_000)
    had = factory.handles[-1]
    gate, entered = threading.Event(), threading.Event()

    def held(dataset, *args, **kwargs):
        entered.set()
        gate.wait(10)
        return label_counts(dataset, *args, **kwargs)

    monkeypatch.setattr(model_choice, "label_counts", held)
    before = len(had.calls)
    assert MainWindow.open_folder(window, folder)  # not named: chosen, and maybe not this one
    assert entered.wait(10)
    qtbot.waitUntil(lambda: window.session.loading is None, timeout=10_000)
    qtbot.wait(300)  # what the first image's showing asked for, had it asked
    assert had.calls[before:] == [] and window.session.model.count_predicted_or_failed() == 0
    assert window.panel._prediction_message == CHOOSING and window.current_model_info() is None
    gate.set()
    qtbot.waitUntil(lambda: window.current_model_spec() == "pets", timeout=10_000)
    qtbot.waitUntil(lambda: window.session.model.count_predicted_or_failed() == 5, timeout=10_000)
    assert factory.handles[-1].info.spec == "pets"


def test_a_accepts_nothing_of_the_previous_model_while_the_folder_chooses(qtbot, window, folder, monkeypatch):
    """The predictions cache still holds the previous model's result for the image shown (the same folder
    opened again): A took it while the pane said "Choosing the model…"."""
    assert MainWindow.open_folder(window, folder, model="fake")
    qtbot.waitUntil(lambda: window.session.model.count_predicted_or_failed() == 5, timeout=10_000)
    gate, entered = threading.Event(), threading.Event()

    def held(dataset, *args, **kwargs):
        entered.set()
        gate.wait(10)
        return label_counts(dataset, *args, **kwargs)

    monkeypatch.setattr(model_choice, "label_counts", held)
    assert MainWindow.open_folder(window, folder)
    assert entered.wait(10)
    qtbot.waitUntil(lambda: window.session.loading is None and window.edits.doc is not None, timeout=10_000)
    before = window.edits.doc.shown()
    window.act["accept"].trigger()
    assert window.edits.doc.shown() == before
    assert window.statusBar().currentMessage() == "No prediction to accept for this image yet."
    gate.set()
    wait_model_chosen(qtbot, window)
