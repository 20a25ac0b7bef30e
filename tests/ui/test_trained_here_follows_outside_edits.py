"""The window's "re-boxed since" caution went stale when an annotation was corrected outside the window (labelImg, a
script): `petloc models` said "1 of the validation images … was re-boxed since its run" at once, the status line's
model label and the Dataset panel said nothing until F5. Only the window's own saves checked the model again; now a
changed annotation file the folder watch notices does too, when it is a held-out image's (no other file changes the
figures' cautions). A real window, real folders (tests/model/trained_here_folders.py)."""

from __future__ import annotations

import threading

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.ui.models import trained_here_watch
from tests.model.trained_here_folders import bundle, training_folder
from tests.ui import trained_here_window
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.slow  # a real window

window = trained_here_window.window  # the fixture, for the tests below


def _opened_and_checked(qtbot, window, tmp_path):
    """The training folder open with the model trained on it, its check answered (nothing re-boxed)."""
    source = training_folder(tmp_path, boxed=True)
    open_and_wait(qtbot, window, source, model=str(bundle(tmp_path, source)))
    watch = window.trained_here
    qtbot.waitUntil(lambda: watch.found is not None and not watch.found.pending and not watch.busy(), timeout=10_000)
    assert (watch.found.count, watch.found.reboxed) == (4, 0)
    return source, watch


def _reboxed_outside(source, name: str) -> None:
    """Another program corrects the box of ``name`` (xmax 30 -> 20) and saves its annotation."""
    path = (source / name).with_suffix(".xml")
    annotation = read_voc(path)
    annotation.objects[0].box = Box(5, 5, 20, 30)
    write_voc(annotation, path)


def _followed_look(qtbot, window) -> None:
    """One look of the folder watch at the annotation files (not waiting for its folder event or its poll)."""
    follower = window.session.watchers.follower
    follower.looks.look()
    qtbot.waitUntil(lambda: not follower.looks.busy, timeout=5000)


def test_a_held_out_box_corrected_in_another_program_is_said_without_f5(qtbot, window, tmp_path):
    source, watch = _opened_and_checked(qtbot, window, tmp_path)
    _reboxed_outside(source, "cvat_4.png")  # the model's validation image
    _followed_look(qtbot, window)
    qtbot.waitUntil(lambda: "re-boxed" in window.model_status.text(), timeout=10_000)
    assert (watch.found.count, watch.found.reboxed) == (4, 1)
    assert "re-boxed" in window.dataset_panel.model_label.text()  # the Dataset panel's model line, as the label


def test_a_training_images_box_corrected_elsewhere_checks_nothing_again(qtbot, window, tmp_path, monkeypatch):
    source, watch = _opened_and_checked(qtbot, window, tmp_path)
    started = []
    real_start = watch._start
    monkeypatch.setattr(watch, "_start", lambda *args: started.append(args) or real_start(*args))
    _reboxed_outside(source, "cvat_0.png")  # a training image: not one the figures were measured on
    _followed_look(qtbot, window)
    qtbot.wait(trained_here_watch.SAVED_AGAIN_MS * 2)
    assert started == [] and watch.found.reboxed == 0 and "re-boxed" not in window.model_status.text()


def test_a_held_out_box_corrected_while_the_check_runs_is_checked_after_it(qtbot, window, tmp_path, monkeypatch):
    # corrected after the check read the held-out annotations, before it answered: its answer says none re-boxed,
    # and the change the folder watch saw meanwhile is checked once it has answered
    from petloc_gui.model import trained_here

    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    read, go_on = threading.Event(), threading.Event()
    real = trained_here.reboxed_since

    def held_after_reading(*args, **kwargs):
        since = real(*args, **kwargs)
        if not read.is_set():  # the first check's read alone
            read.set()
            go_on.wait(10)
        return since

    monkeypatch.setattr(trained_here, "reboxed_since", held_after_reading)
    watch = window.trained_here
    assert window.open_folder(source, model=str(model))
    qtbot.waitUntil(lambda: read.is_set() and window.session is not None, timeout=10_000)
    qtbot.waitUntil(window.session.watchers.scanner.scan_done, timeout=10_000)
    _reboxed_outside(source, "cvat_4.png")
    _followed_look(qtbot, window)
    assert watch.busy()
    go_on.set()
    qtbot.waitUntil(lambda: watch.found is not None and watch.found.reboxed == 1, timeout=10_000)
    assert "re-boxed" in window.model_status.text()
