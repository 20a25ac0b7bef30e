"""A save that arrived while the window's trained-here check was running was dropped ("the running check reads the
annotations last": not when the save lands after it read them and before it answers): the label's "re-boxed since"
caution missed a held-out image boxed again until the next save. A save during a check has the model checked again
once that check has answered. A real window, real folders (tests/model/trained_here_folders.py)."""

from __future__ import annotations

import threading

import pytest

from petloc_gui.model import trained_here
from tests.model.trained_here_folders import bundle, training_folder
from tests.ui import trained_here_window
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.slow  # a real window

window = trained_here_window.window  # the fixture, for the test below


def _save_boxed_again(window, name: str) -> None:
    names = [item.image_path.name for item in window.session.dataset.items]
    window.show_row(names.index(name))
    window.accept_prediction()  # the fake model's box: another box than the one its run read
    assert window.save_current()


def test_a_save_landing_after_a_running_check_read_the_annotations_is_checked_again(qtbot, window, tmp_path,
                                                                                   monkeypatch):
    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    open_and_wait(qtbot, window, source, model=str(model))
    watch = window.trained_here
    qtbot.waitUntil(lambda: watch.found is not None and not watch.found.pending, timeout=10_000)
    assert watch.found.reboxed == 0

    read, go_on = threading.Event(), threading.Event()
    real = trained_here.reboxed_since

    def held_after_reading(*args):
        answer = real(*args)
        if not read.is_set():  # the first check after this: held once it has read the annotations
            read.set()
            go_on.wait(10)
        return answer

    monkeypatch.setattr(trained_here, "reboxed_since", held_after_reading)
    _save_boxed_again(window, "cvat_0.png")  # a training image: a check starts after the burst's wait
    qtbot.waitUntil(read.is_set, timeout=10_000)
    assert watch.busy()
    _save_boxed_again(window, "cvat_4.png")  # its validation image, saved after the running check read it
    qtbot.wait(800)  # the burst's wait is over: the save reached the watch while its check was busy
    go_on.set()
    qtbot.waitUntil(lambda: "re-boxed" in window.model_status.text(), timeout=10_000)
    assert watch.found.reboxed == 1
    assert "the validation image they were measured on was re-boxed since" in window.model_status.text()
