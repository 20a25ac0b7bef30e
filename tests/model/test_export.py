"""model.export: a SavedModel and a TFLite file that give the Keras model's outputs."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")

from petloc_gui.core.errors import SaveError  # noqa: E402
from petloc_gui.model.box_rule import predicted_boxes  # noqa: E402
from petloc_gui.model.export import export_saved_model, export_tflite, output_roles  # noqa: E402
from petloc_gui.model.runners import TfliteRunner  # noqa: E402

SHAPE = (16, 20, 3)
CLASSES = ["cat", "dog", "rabbit"]


def tiny_model(box_first: bool = False) -> keras.Model:
    keras.utils.set_random_seed(4)
    inputs = keras.Input(SHAPE)
    x = keras.layers.Rescaling(1 / 255)(inputs)
    x = keras.layers.Conv2D(6, 3, strides=2, activation="relu")(x)
    class_head = keras.layers.Dense(len(CLASSES), activation="softmax", name="class")
    probs = class_head(keras.layers.GlobalAveragePooling2D()(x))
    box = keras.layers.Dense(4, activation="sigmoid", name="box")(keras.layers.Flatten()(x))
    return keras.Model(inputs, [box, probs] if box_first else [probs, box])


@pytest.fixture(scope="module")
def model():
    # Box first: the export must follow output names, not positions.
    return tiny_model(box_first=True)


def uint8_images(n: int) -> np.ndarray:
    return np.random.default_rng(3).integers(0, 256, (n, *SHAPE), dtype=np.uint8)


def expected(model, batch_uint8, served_boxes=True):
    """The outputs an export gives: probabilities, and the box as `petloc predict` gives it (clipped to
    [0, 1], corners sorted: `box_rule`), or the raw box for petloc's own TFLite file."""
    out = model(batch_uint8.astype(np.float32), training=False)
    probs_at, box_at = output_roles(model)
    boxes = np.asarray(out[box_at])
    return np.asarray(out[probs_at]), predicted_boxes(boxes) if served_boxes else boxes


def test_saved_model_round_trip_with_labels(model, tmp_path):
    bundle = SimpleNamespace(model=model, class_names=CLASSES)
    out = export_saved_model(bundle, tmp_path / "served")
    loaded = tf.saved_model.load(str(out))
    assert {"serving_default", "serve_float"} <= set(loaded.signatures)
    batch = uint8_images(5)
    want_probs, want_boxes = expected(model, batch)

    served = loaded.signatures["serving_default"](images=tf.constant(batch))
    np.testing.assert_allclose(served["probabilities"].numpy(), want_probs, atol=1e-5)
    np.testing.assert_allclose(served["box"].numpy(), want_boxes, atol=1e-5)
    labels = [s.decode() for s in served["label"].numpy()]
    assert labels == [CLASSES[i] for i in want_probs.argmax(axis=1)]

    as_float = loaded.signatures["serve_float"](images=tf.constant(batch[:1].astype(np.float32)))
    np.testing.assert_allclose(as_float["box"].numpy(), want_boxes[:1], atol=1e-5)
    assert [p.name for p in tmp_path.iterdir()] == ["served"]  # no temporary folder left


def test_saved_model_into_an_empty_existing_folder_without_class_names(model, tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    export_saved_model(model, target)
    served = tf.saved_model.load(str(target)).signatures["serving_default"](images=tf.constant(uint8_images(2)))
    assert set(served) == {"probabilities", "box"}


def test_refuses_a_non_empty_folder_and_a_missing_parent(model, tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "keep.txt").write_text("precious")
    with pytest.raises(SaveError, match="not empty"):
        export_saved_model(model, target)
    assert (target / "keep.txt").read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy"]
    with pytest.raises(SaveError, match="does not exist"):
        export_saved_model(model, tmp_path / "missing" / "out")
    (tmp_path / "file").write_text("x")
    with pytest.raises(SaveError, match="not a folder"):
        export_saved_model(model, tmp_path / "file")


def test_the_exported_folder_has_the_users_usual_permissions(model, tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        out = export_saved_model(model, tmp_path / "served")
    finally:
        os.umask(old)
    # not mkdtemp's 0700: a serving process run as another user reads it, as it reads a trained bundle
    assert stat.S_IMODE(out.stat().st_mode) == 0o755


def test_a_folder_that_takes_no_new_folder_is_named_as_given_not_by_a_temporary_name(model, tmp_path,
                                                                                       monkeypatch):
    from pathlib import Path

    def refused(self, *args, **kwargs):
        raise OSError(30, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", refused)
    with pytest.raises(SaveError) as caught:
        export_saved_model(model, tmp_path / "served")
    message = str(caught.value)
    assert str(tmp_path / "served") in message and "Read-only file system" in message and ".tmp" not in message


def test_wrong_number_of_class_names_is_refused(model, tmp_path):
    with pytest.raises(ValueError, match="2 class names"):
        export_saved_model(SimpleNamespace(model=model, class_names=["a", "b"]), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_exported_tflite_matches(model, tmp_path):
    path = export_tflite(model, tmp_path / "model.tflite")
    batch = uint8_images(3)
    want_probs, want_boxes = expected(model, batch, served_boxes=False)
    probs, boxes = TfliteRunner(path.read_bytes())(batch.astype(np.float32))
    np.testing.assert_allclose(probs, want_probs, atol=1e-4)
    np.testing.assert_allclose(boxes, want_boxes, atol=1e-4)
