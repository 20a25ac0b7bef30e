"""Picking a bundled model froze the window 1-5 s while TensorFlow's import held the GIL, and the first
prediction came 7-27 s after the window showed, on a loaded 2-core machine. The window's prediction service,
with its real model factory, now runs the bundled digits and pets models on their verified .tflite files
with LiteRT (`model.lite_bundle`): neither TensorFlow nor Keras is imported up to the first predictions, and
those are the numbers the Keras path gives (TensorFlow, the Keras bundle, its runners checked at load)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from .conftest import write_image

ROOT = Path(__file__).resolve().parents[2]

WINDOW_THEN_KERAS = textwrap.dedent("""
    import json, sys, time
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    from petloc_gui.ui.models.model_handle import load_model_handle
    from petloc_gui.ui.models.prediction_service import PredictionService

    cases = json.loads(sys.argv[1])

    def rows(results, paths, names):
        return [[r.label, r.confidence, r.box.xmin, r.box.ymin, r.box.xmax, r.box.ymax,
                 *(r.probabilities[n] for n in names)] for r in (results[p] for p in paths)]

    service = PredictionService(load_model_handle)  # the window's service and factory
    results, loaded, failed = {}, [], []
    service.predicted.connect(lambda path, version, result: results.__setitem__(str(path), result))
    service.model_loaded.connect(loaded.append)
    service.model_failed.connect(lambda spec, message: failed.append(f"{spec}: {message}"))
    window = {}
    for spec, paths in cases.items():
        results.clear()
        service.set_model(spec)
        service.request(paths)
        deadline = time.monotonic() + 120
        while len(results) < len(paths) and not failed and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.005)
        assert not failed and len(results) == len(paths), (failed, f"{spec}: {len(results)} of {len(paths)}")
        errors = [str(r) for r in results.values() if isinstance(r, Exception)]
        assert not errors, errors
        window[spec] = rows(results, paths, loaded[-1].class_names)
    modules = sorted(m for m in ("tensorflow", "keras") if m in sys.modules)
    service.shutdown()

    from petloc_gui.cli.output import load_tensorflow  # today's path: the Keras bundle, its runners checked
    load_tensorflow()
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.inference import Predictor

    keras = {}
    for spec, paths in cases.items():
        predictor = Predictor(load_bundle(spec))
        keras[spec] = rows(dict(zip(paths, predictor.predict_paths(paths))), paths, predictor.class_names)
    print("RESULT " + json.dumps({"modules": modules, "window": window, "keras": keras}))
    """)


@pytest.mark.slow
def test_the_bundled_models_predict_in_the_window_without_tensorflow_as_through_keras(tmp_path):
    from petloc_gui.app.demo_folder import write_demo

    digits = tmp_path / "digits"
    digits.mkdir()
    write_demo(digits, count=6, seed=3)
    photos = tmp_path / "photos"
    photos.mkdir()
    for seed, size in enumerate([(500, 375), (320, 480), (640, 427), (224, 224)]):
        write_image(photos / f"p{seed}.jpg", size=size, seed=seed)
    cases = {"digits": sorted(str(p) for p in digits.glob("*.png")),
             "pets": sorted(str(p) for p in photos.glob("*.jpg"))}
    done = subprocess.run([sys.executable, "-c", WINDOW_THEN_KERAS, json.dumps(cases)], cwd=ROOT,
                          capture_output=True, text=True, timeout=400,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]
    [line] = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    result = json.loads(line.removeprefix("RESULT "))
    assert result["modules"] == [], "the window imported TensorFlow or Keras for a bundled model"
    for spec in cases:
        window, keras = result["window"][spec], result["keras"][spec]
        assert [row[0] for row in window] == [row[0] for row in keras], spec
        difference = np.max(np.abs(np.array([row[1:] for row in window]) - np.array([row[1:] for row in keras])))
        assert difference <= 1e-6, (spec, difference)
