"""model.runtime: every runner gives the Keras model's outputs, whatever path it takes."""

from __future__ import annotations

import threading

import numpy as np
import pytest

keras = pytest.importorskip("keras")

from petloc_gui.model import runners, runtime  # noqa: E402
from petloc_gui.model.runners import FunctionRunner, TfliteRunner  # noqa: E402
from petloc_gui.model.runtime import TOLERANCE, make_runner, write_tflite  # noqa: E402
from petloc_gui.model.tflite_cache import cache_tflite, model_fingerprint, tflite_cache_dir  # noqa: E402

SHAPE = (20, 24, 3)
N_CLASSES = 3


def tiny_model(seed: int = 1, box_first: bool = False) -> keras.Model:
    """A small two-output model shaped like petloc's: softmax class head, sigmoid box head."""
    keras.utils.set_random_seed(seed)
    inputs = keras.Input(SHAPE, name="image")
    x = keras.layers.Rescaling(1 / 127.5, offset=-1)(inputs)
    x = keras.layers.Conv2D(8, 3, strides=2, activation="relu")(x)
    x = keras.layers.DepthwiseConv2D(3, padding="same", activation="relu")(x)
    probs = keras.layers.Dense(N_CLASSES, activation="softmax", name="class")(keras.layers.GlobalAveragePooling2D()(x))
    box = keras.layers.Dense(4, activation="sigmoid", name="box")(keras.layers.Flatten()(x))
    return keras.Model(inputs, [box, probs] if box_first else [probs, box])


def keras_outputs(model, batch):
    out = [np.asarray(o) for o in model(batch, training=False)]
    return (out[1], out[0]) if model.output_names[0] == "box" else (out[0], out[1])


def images(n: int, seed: int = 7) -> np.ndarray:
    return np.random.default_rng(seed).uniform(0, 255, (n, *SHAPE)).astype(np.float32)


def assert_matches(runner, model, batch):
    probs, boxes = runner(batch)
    want_probs, want_boxes = keras_outputs(model, batch)
    assert probs.shape == (len(batch), N_CLASSES) and boxes.shape == (len(batch), 4)
    np.testing.assert_allclose(probs, want_probs, atol=TOLERANCE, rtol=0)
    np.testing.assert_allclose(boxes, want_boxes, atol=TOLERANCE, rtol=0)


@pytest.fixture(scope="module")
def model():
    return tiny_model()


@pytest.fixture(scope="module")
def converted(model, tmp_path_factory):
    """The tiny model's model.tflite, converted once for the whole module."""
    return write_tflite(model, tmp_path_factory.mktemp("bundle") / runtime.TFLITE_FILENAME)


def in_worker_thread(function, *args, **kwargs):
    """``function(*args, **kwargs)`` run in another thread (as the GUI's prediction worker)."""
    result = {}
    thread = threading.Thread(target=lambda: result.update(value=function(*args, **kwargs)))
    thread.start()
    thread.join()
    return result["value"]


def test_conversion_only_on_request_then_from_the_cache(model, monkeypatch):
    unconverted = make_runner(model)
    assert unconverted.name == "tf.function"
    assert any("no converted model.tflite" in reason for reason in unconverted.fallbacks)
    assert_matches(unconverted, model, images(2))

    first = make_runner(model, convert=True)
    assert first.name == "tflite-xnnpack" and first.source == "conversion"
    cached = tflite_cache_dir() / f"{model_fingerprint(model)}.tflite"
    assert cached.is_file()

    def no_conversion(_model):
        raise AssertionError("converted again although the cache has the model")

    monkeypatch.setattr("petloc_gui.model.export.tflite_bytes", no_conversion)
    second = in_worker_thread(make_runner, model, convert=True)  # as the GUI's prediction thread
    assert second.name == "tflite-xnnpack" and second.source == "cache"
    assert cache_tflite(model) == cached
    assert_matches(second, model, images(1))


def test_precompute_command_reports_a_bad_bundle(tmp_path, capsys):
    assert runtime.main([str(tmp_path / "nowhere")]) == 1
    assert "nowhere" in capsys.readouterr().err


@pytest.mark.parametrize("n", [1, 5])
def test_tflite_runner_matches_keras_at_batch_1_and_n(model, converted, n):
    runner = make_runner(model, tflite_path=converted, cache=False)
    assert isinstance(runner, TfliteRunner) and runner.source.startswith("file")
    assert_matches(runner, model, images(n))


def test_alternating_batch_sizes_and_batches_beyond_the_chunk_size(model, converted, monkeypatch):
    monkeypatch.setattr(runners, "MAX_TFLITE_BATCH", 4)
    runner = TfliteRunner(converted.read_bytes())
    for n in (1, 10, 3, 1, 10, 7):
        assert_matches(runner, model, images(n, seed=n))


@pytest.mark.parametrize("prefer", ["tf.function", "xla"])
def test_tf_function_paths_match_keras(model, prefer):
    runner = make_runner(model, prefer=prefer)
    assert isinstance(runner, FunctionRunner)
    assert runner.name == ("tf.function+xla" if prefer == "xla" else "tf.function")
    assert_matches(runner, model, images(1))
    assert_matches(runner, model, images(6))


def test_output_order_follows_the_output_names(converted):
    box_first = tiny_model(seed=3, box_first=True)
    for prefer, name in (("tf.function", "tf.function"), ("auto", "tflite-xnnpack")):
        runner = make_runner(box_first, prefer=prefer, convert=True)
        assert runner.name == name and not runner.fallbacks
        assert_matches(runner, box_first, images(2))


def test_stale_tflite_file_is_not_used(converted):
    retrained = tiny_model(seed=2)  # same architecture, other weights
    assert make_runner(retrained, tflite_path=converted, cache=False).name == "tf.function"
    runner = make_runner(retrained, tflite_path=converted, cache=False, convert=True)
    assert runner.name == "tflite-xnnpack" and runner.source == "conversion"
    assert any("differs from Keras" in reason for reason in runner.fallbacks)
    assert_matches(runner, retrained, images(3))


def test_garbage_tflite_file_and_failed_conversion_fall_back_to_tf_function(model, tmp_path, monkeypatch):
    garbage = tmp_path / "model.tflite"
    garbage.write_bytes(b"not a flatbuffer")

    def broken(_model):
        raise RuntimeError("converter unavailable")

    monkeypatch.setattr("petloc_gui.model.export.tflite_bytes", broken)
    runner = make_runner(model, tflite_path=garbage, cache=False, convert=True)
    assert runner.name == "tf.function"
    assert len(runner.fallbacks) == 2 and "converter unavailable" in runner.fallbacks[1]
    assert_matches(runner, model, images(2))


def test_empty_batch_and_wrong_shapes(model, converted):
    runner = make_runner(model, tflite_path=converted, cache=False)
    probs, boxes = runner(np.zeros((0, *SHAPE), np.float32))
    assert probs.shape == (0, N_CLASSES) and boxes.shape == (0, 4)
    with pytest.raises(ValueError, match="one image"):
        runner(np.zeros(SHAPE, np.float32))
    with pytest.raises(ValueError, match="expected a batch"):
        runner(np.zeros((1, 10, 10, 3), np.float32))
    with pytest.raises(ValueError, match="unknown runtime"):
        make_runner(model, prefer="onnx")


def test_uint8_and_float64_batches_are_accepted(model, converted):
    runner = make_runner(model, tflite_path=converted, cache=False)
    batch = images(2).round()
    assert_matches(runner, model, batch.astype(np.uint8))
    assert_matches(runner, model, batch.astype(np.float64))


def test_concurrent_calls_from_two_threads_are_correct(model, converted):
    runner = make_runner(model, tflite_path=converted, cache=False)
    batches = {n: images(n, seed=n) for n in (1, 4)}
    expected = {n: keras_outputs(model, b) for n, b in batches.items()}
    errors = []

    def work(n):
        try:
            for _ in range(30):
                probs, boxes = runner(batches[n])
                np.testing.assert_allclose(probs, expected[n][0], atol=TOLERANCE, rtol=0)
                np.testing.assert_allclose(boxes, expected[n][1], atol=TOLERANCE, rtol=0)
        except Exception as exc:  # noqa: BLE001 - collected: an assertion in a thread would be lost
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_fingerprint_changes_with_the_weights(model):
    other = tiny_model(seed=2)
    assert model_fingerprint(model) == model_fingerprint(model)
    assert model_fingerprint(model) != model_fingerprint(other)
