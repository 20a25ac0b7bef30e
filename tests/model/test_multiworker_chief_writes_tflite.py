"""A multi-worker `petloc train` run: the chief, which writes the bundle, also writes its checked model.tflite and
meta.json's record (the window runs it without TensorFlow); the other worker converts nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_only_the_chief_writes_the_checked_tflite(two_worker_run):
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.lite_bundle import lite_servable

    (chief_code, chief_out, chief_err), (other_code, _, other_err) = two_worker_run.results
    assert chief_code == 0 and other_code == 0, (chief_err[-2000:], other_err[-2000:])
    bundle = Path(chief_out.strip().splitlines()[-1])
    assert lite_servable(bundle) and set(read_meta(bundle)["tflite"]) == {"model.tflite"}
    assert "model.tflite written and checked against the Keras model" in chief_err
    assert "model.tflite" not in other_err and "TFLite" not in other_err
    assert not (two_worker_run.scratch / "model.tflite").exists()  # the scratch bundle it saved: none either
