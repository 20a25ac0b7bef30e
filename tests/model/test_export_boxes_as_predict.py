"""An exported model gives the box `petloc predict` gives: clipped to [0, 1], corners sorted.

The network's box head has no clip: the pets model puts a corner of some photos
outside the image, and predict clips and sorts afterwards. The export put the
raw box out while its docs and meta.json said "normalised to [0, 1]".
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")

from petloc_gui.model.export import export_saved_model, export_tflite  # noqa: E402
from petloc_gui.model.inference import Predictor  # noqa: E402
from petloc_gui.model.runners import TfliteRunner  # noqa: E402

SHAPE = (12, 16, 3)
CLASSES = ["cat", "dog"]
# A box past the image on three sides, with its x corners swapped: [xmin, ymin, xmax, ymax] raw.
RAW_BOX = np.array([0.7, -0.2, 0.1, 1.3], np.float32)
PREDICT_BOX = np.array([0.1, 0.0, 0.7, 1.0], np.float32)


@pytest.fixture(scope="module")
def model():
    """A linear box head (as the pets model's) whose output is RAW_BOX for every image."""
    inputs = keras.Input(SHAPE)
    pooled = keras.layers.GlobalAveragePooling2D()(inputs)
    class_dense = keras.layers.Dense(len(CLASSES), activation="softmax", name="class")
    box_dense = keras.layers.Dense(4, name="box")
    built = keras.Model(inputs, [class_dense(pooled), box_dense(pooled)])
    box_dense.set_weights([np.zeros((3, 4), np.float32), RAW_BOX])
    return built


def images(n: int) -> np.ndarray:
    return np.random.default_rng(5).integers(0, 256, (n, *SHAPE), dtype=np.uint8)


def predicted_normalised(model, batch: np.ndarray) -> np.ndarray:
    """The boxes `petloc predict` gives for ``batch``, normalised back to [0, 1]."""
    predictor = Predictor.from_model(model, CLASSES)
    height, width = SHAPE[:2]
    predictions = predictor.to_predictions(*predictor.predict_inputs(batch.astype(np.float32)),
                                           [(width, height)] * len(batch))
    return np.array([[p.box.xmin / width, p.box.ymin / height, p.box.xmax / width, p.box.ymax / height]
                     for p in predictions], np.float32)


def test_the_saved_model_gives_predicts_box_not_the_raw_one(model, tmp_path):
    batch = images(3)
    raw = np.asarray(model(batch.astype(np.float32), training=False)[1])
    np.testing.assert_allclose(raw, np.tile(RAW_BOX, (3, 1)), atol=1e-6)  # the head does leave [0, 1]
    want = predicted_normalised(model, batch)
    np.testing.assert_allclose(want, np.tile(PREDICT_BOX, (3, 1)), atol=1e-6)

    loaded = tf.saved_model.load(str(export_saved_model(SimpleNamespace(model=model, class_names=CLASSES),
                                                         tmp_path / "served")))
    served = loaded.signatures["serving_default"](images=tf.constant(batch))["box"].numpy()
    as_float = loaded.signatures["serve_float"](images=tf.constant(batch.astype(np.float32)))["box"].numpy()
    np.testing.assert_allclose(served, want, atol=1e-6)
    np.testing.assert_allclose(as_float, want, atol=1e-6)


def test_a_served_tflite_gives_predicts_box_and_petlocs_own_keeps_the_raw_one(model, tmp_path):
    batch = images(2).astype(np.float32)
    served = export_tflite(model, tmp_path / "served.tflite", served_boxes=True)
    _, boxes = TfliteRunner(served.read_bytes())(batch)
    np.testing.assert_allclose(boxes, predicted_normalised(model, batch.astype(np.uint8)), atol=1e-6)
    # a bundle's own model.tflite: petloc's runners are checked against the Keras model's raw box
    own = export_tflite(model, tmp_path / "model.tflite")
    _, raw = TfliteRunner(own.read_bytes())(batch)
    np.testing.assert_allclose(raw, np.tile(RAW_BOX, (2, 1)), atol=1e-6)


def test_a_savedmodel_an_older_petloc_exported_with_the_raw_box_is_not_kept_as_this_exports(tmp_path):
    """A rerun keeps a killed run's SavedModel only when it is this export's (`export_note`): one written
    before the box was clipped in the graph serves other boxes."""
    import json

    from petloc_gui.model.export_note import NOTE_FILE, noted_identity

    older = tmp_path / "older"
    older.mkdir()
    (older / NOTE_FILE).write_text(json.dumps({"written_by": "petloc export", "export_format": 1,
                                               "model": "m", "model_identity": "abc"}))
    assert noted_identity(older) is None
