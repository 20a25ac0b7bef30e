"""Each save (each burst of them) re-ran the window's whole trained-here check: every image of the folder stat'ed,
its relpath taken and matched to the record (1.1 s per save on 20,000 images, with every hash kept). A save
changes annotations, not images: its check keeps the last answer and reads the held-out images' annotations only.
A real window, real folders (tests/model/trained_here_folders.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.model import trained_here
from tests.model.trained_here_folders import bundle, training_folder
from tests.ui import trained_here_window
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.slow  # a real window

window = trained_here_window.window  # the fixture, for the test below


def test_a_save_reads_the_held_out_annotations_without_walking_the_folder(qtbot, window, tmp_path, monkeypatch):
    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    open_and_wait(qtbot, window, source, model=str(model))
    watch = window.trained_here
    qtbot.waitUntil(lambda: watch.found is not None and not watch.found.pending, timeout=10_000)
    first = watch.found
    assert (first.count, first.reboxed) == (4, 0)
    looked_up: list[Path] = []
    real = trained_here.memo_lookup
    monkeypatch.setattr(trained_here, "memo_lookup", lambda path, memo: looked_up.append(path) or real(path, memo))

    names = [item.image_path.name for item in window.session.dataset.items]
    window.show_row(names.index("cvat_4.png"))  # its validation image, boxed again as the model predicts
    window.accept_prediction()
    assert window.save_current()
    qtbot.waitUntil(lambda: "re-boxed" in window.model_status.text(), timeout=10_000)
    assert (watch.found.count, watch.found.measured_here, watch.found.reboxed) == (4, 1, 1)
    assert ("4 of this folder's 5 images are training images of it or of a model it was fine-tuned from"
            in window.model_status.text())
    assert looked_up == []  # not one image of the folder looked at again
