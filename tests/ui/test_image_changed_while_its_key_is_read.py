"""An image replaced on disk while a model loaded kept its old picture's prediction where the model finished
loading while the folder's file keys were still being read (many images, a network share): the fill asked
for once it had loaded found no kept prediction served yet, so it forgot no key, and was answered with the
keys read during the load; the loaded model's lookup, by the replaced image's old key, found the old
picture's kept prediction, and its walk skipped the image as predicted. Keys whose read began before the
load are now read again for the loaded model (`ImageKeys.outdate_reads`)."""

from __future__ import annotations

import threading

import petloc_gui.ui.review.image_keys as keys_module

from .conftest import write_image
from .test_image_changed_while_the_model_loads import CHANGED, MORE, NEW, OLD, HeldOnNew
from .test_predictions_shown_while_loading import _first_run, _reopen
from .test_predictions_shown_while_loading import bundle as bundle


def _held_first_read(monkeypatch):
    """The first key read holds its keys (read already) until ``go`` is set; ``read`` says it has read them."""
    read, go = threading.Event(), threading.Event()
    real = keys_module.read_keys

    def held(paths, stopped):
        keys = real(paths, stopped)
        if not read.is_set():
            read.set()
            go.wait(20)
        return keys

    monkeypatch.setattr(keys_module, "read_keys", held)
    return read, go


def test_an_image_changed_while_its_key_is_read_as_the_model_loads_shows_no_old_prediction(
        qtbot, tmp_path, folder, bundle, monkeypatch):
    for seed, name in enumerate(MORE, start=10):
        write_image(folder / name, seed=seed)
    _first_run(qtbot, tmp_path, folder, bundle)
    read, go = _held_first_read(monkeypatch)
    factory = HeldOnNew(bundle)
    window, runs = _reopen(qtbot, tmp_path, folder, factory)
    try:
        qtbot.waitUntil(read.is_set, timeout=5000)  # the keys read as the model loads, not yet answered
        write_image(folder / CHANGED, size=(100, 80), seed=99)  # another picture, copied in meanwhile
        factory.release.set()
        qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=5000)  # (asks for its fill)
        go.set()  # the read of the load's time ends only now
        model = window.session.model
        row = model.names.index(CHANGED)
        others = [r for r in range(len(model.names)) if r != row]
        qtbot.waitUntil(lambda: all(model.pred_box[r] is not None for r in others), timeout=5000)
        qtbot.wait(100)
        assert (model.pred_label[row], model.pred_box[row]) != (OLD.label, OLD.box)  # not the old picture's
        assert model.pred_box[row] is None
        qtbot.waitUntil(factory.e_asked.is_set, timeout=5000)  # the model predicts the new picture
        factory.e_release.set()
        qtbot.waitUntil(lambda: model.pred_box[row] == NEW.box, timeout=5000)
        assert model.pred_label[row] == NEW.label
        assert [name for call in factory.handles[0].calls for name in call] == [CHANGED]  # the others kept
    finally:
        go.set()
        factory.release.set()
        factory.e_release.set()
        next(runs, None)
