"""A pressed while the model was still loading (a reopened folder shows its model's predictions kept on
disk at once: TensorFlow's import and the bundle's load take seconds) marked the box as "an unnamed model"'s,
as the window knew the model's name only once loaded; `petloc evaluate` and the retrain comparison could not
tell those boxes were its own (ADR 0013). The box is marked as the model whose predictions are shown: the
one loading, described from its meta.json as its handle will describe it."""

from __future__ import annotations

import json

import pytest

from petloc_gui.cli.prelabel import prelabel_mark
from petloc_gui.core.voc import read_voc
from petloc_gui.core.voc_provenance import model_phrase
from petloc_gui.ui.models.model_handle import model_info

from .conftest import PRED, wait_predictions
from .test_predictions_shown_while_loading import BundleFactory, _windows

D = 3  # d.png: no box; the model says cat at 30,30,70,70


@pytest.fixture
def bundle(tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "model.keras").write_bytes(b"weights 1")
    (folder / "meta.json").write_text(json.dumps({"preset": "pets", "version_id": "pets-20260101T000000Z-abc123",
                                                  "classes": ["cat", "dog"]}))
    return folder


def _run(windows, folder, factory, spec):
    runs = windows(factory)
    window = next(runs)
    assert window.open_folder(folder, model=spec)
    return window, runs


def test_a_box_accepted_while_the_model_loads_is_marked_as_that_models(qtbot, tmp_path, folder, bundle):
    spec, windows = str(bundle), _windows(qtbot, tmp_path)  # two runs of petloc-gui, one after the other
    window, runs = _run(windows, folder, BundleFactory(bundle), spec)
    try:
        wait_predictions(qtbot, window)  # this run's predictions are kept on disk for the next
    finally:
        next(runs, None)
    factory = BundleFactory(bundle, hold=True)
    window, runs = _run(windows, folder, factory, spec)
    try:
        wait_predictions(qtbot, window)
        assert window.current_model_info() is None and window.predictions.serves_early()  # still loading
        window.show_row(D)
        window.accept_prediction(ask=True)
        assert window.edits.doc.objects[0].box == PRED["d.png"].box
        window.save_current()
        (obj,) = read_voc(folder / "d.xml").objects
        info = model_info(spec)  # what the loaded model's handle says of itself (model_handle.RealModelHandle)
        assert obj.accepted_from == model_phrase(info.mark_name, info.bundle_version)
        # as `petloc predict --model SPEC --write-voc` names it: by its folder, its version_id beside
        assert obj.accepted_from == "model bundle (pets-20260101T000000Z-abc123)"
        assert prelabel_mark(spec, {"version_id": info.bundle_version}).endswith(obj.accepted_from)
    finally:
        factory.release.set()
        next(runs, None)
