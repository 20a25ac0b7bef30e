"""Closing the window without quitting the application (the application's aboutToQuit stops the trained-here check;
a close did not) left the check reading the folder to its end: the close waited for it. The window's shutdown stops
it at its next yield. A real window, real folders (tests/model/trained_here_folders.py)."""

from __future__ import annotations

import threading

import pytest

from petloc_gui.model import bundle as bundle_module
from tests.model.trained_here_folders import bundle, copied_folder, training_folder
from tests.ui.conftest import main_window_for_a_test
from tests.ui.test_window_says_training_images_here import BundleFactory

pytestmark = pytest.mark.slow  # a real window


@pytest.fixture
def window(qtbot, tmp_path):
    yield from main_window_for_a_test(qtbot, BundleFactory({}), tmp_path)


def test_the_window_s_shutdown_stops_a_running_check(qtbot, window, tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    model = bundle(tmp_path, source)
    go_on = threading.Event()
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: go_on.wait(10) and real(path))
    watch = window.trained_here
    assert window.open_folder(copies, model=str(model))
    qtbot.waitUntil(lambda: watch._worker is not None, timeout=10_000)
    worker = watch._worker  # held at its first image
    try:
        window.shutdown()
        assert worker.aborted  # it stops at its next yield, not at the folder's end
    finally:
        go_on.set()
    qtbot.waitUntil(worker.is_finished, timeout=10_000)
    assert watch.found is None
