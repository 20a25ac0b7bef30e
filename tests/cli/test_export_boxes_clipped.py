"""`petloc export` serves the box `petloc predict` gives (clipped to [0, 1], corners sorted), in both
the SavedModel and the TFLite file, and keeps a bundle's own model.tflite raw (petloc runs it)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.cli.helpers import run_cli

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")

RAW_BOX = np.array([0.7, -0.2, 0.1, 1.3], np.float32)  # past the image, x corners swapped
PREDICT_BOX = [0.1, 0.0, 0.7, 1.0]


def bundle_with_a_box_past_the_image(folder):
    from petloc_gui.model.bundle_write import save_bundle

    inputs = keras.Input((8, 8, 3))
    pooled = keras.layers.GlobalAveragePooling2D()(inputs)
    box_dense = keras.layers.Dense(4, name="box")
    model = keras.Model(inputs, [keras.layers.Dense(2, activation="softmax", name="class")(pooled),
                                 box_dense(pooled)])
    box_dense.set_weights([np.zeros((3, 4), np.float32), RAW_BOX])
    meta = {"class_names": ["cat", "dog"], "input_size": [8, 8], "channels": 3, "preset": "digits",
            "metrics": {"accuracy": 1.0, "mean_iou": 0.5}}
    return save_bundle(model, meta, folder)


@pytest.mark.slow
def test_both_exports_serve_predicts_box_and_the_bundles_own_file_stays_raw(tmp_path, capsys):
    from petloc_gui.model.runners import TfliteRunner

    bundle = bundle_with_a_box_past_the_image(tmp_path / "b")
    saved, tflite = tmp_path / "sm", tmp_path / "m.tflite"
    code, _, err = run_cli(capsys, "export", bundle, "--saved-model", saved, "--tflite", tflite)
    assert code == 0, err
    pixels = np.full((1, 8, 8, 3), 90, np.uint8)
    served = tf.saved_model.load(str(saved)).signatures["serving_default"](images=tf.constant(pixels))
    np.testing.assert_allclose(served["box"].numpy()[0], PREDICT_BOX, atol=1e-6)
    _, boxes = TfliteRunner(tflite.read_bytes())(pixels.astype(np.float32))
    np.testing.assert_allclose(boxes[0], PREDICT_BOX, atol=1e-6)

    own = bundle / "model.tflite"
    code, _, err = run_cli(capsys, "export", bundle, "--tflite", own)
    assert code == 0, err
    _, raw = TfliteRunner(own.read_bytes())(pixels.astype(np.float32))
    np.testing.assert_allclose(raw[0], RAW_BOX, atol=1e-6)
