"""A real window whose model is a bundle trained on a folder of copied photos (tests/model/trained_here_folders.py),
for the tests of its trained-here check (`ui.trained_here_watch`)."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

from petloc_gui.model import bundle as bundle_module
from tests.model.trained_here_folders import bundle, copied_folder, training_folder
from tests.ui.conftest import FakeFactory, FakeHandle, main_window_for_a_test


class BundleFactory(FakeFactory):
    """The tests' fake model, its info pointing at a bundle folder when the spec is one (its meta.json is read)."""

    def __call__(self, spec: str):
        handle = FakeHandle(spec, self.table)
        if spec != "fake":
            handle.info = dataclasses.replace(handle.info, path=spec, name="pets-cvat")
        self.handles.append(handle)
        return handle


@pytest.fixture
def window(qtbot, tmp_path):
    yield from main_window_for_a_test(qtbot, BundleFactory({}), tmp_path)


def trained_and_copied(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A training folder, a folder of its photos under other names, and the bundle trained on the first."""
    source = training_folder(tmp_path)
    return source, copied_folder(tmp_path, source), bundle(tmp_path, source)


def check_held_at_its_first_image(qtbot, window, tmp_path: Path, monkeypatch):
    """The copies opened with the bundle, its check's worker held at its first image until ``go_on`` is set.
    Returns (worker, go_on, source)."""
    source, copies, model = trained_and_copied(tmp_path)
    go_on = threading.Event()
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: go_on.wait(10) and real(path))
    watch = window.trained_here
    assert window.open_folder(copies, model=str(model))
    qtbot.waitUntil(lambda: watch._worker is not None, timeout=10_000)
    return watch._worker, go_on, source
