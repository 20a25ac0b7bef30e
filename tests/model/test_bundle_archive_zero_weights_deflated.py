"""A model.keras whose weights are mostly zeros (a 4096x6144 kernel left at its zero initialiser: 100 MB), re-zipped
with deflate (a zip tool, a shared drive), was refused as a zip bomb: its weights entry expands ~1000x, past the
20x each weights entry was held to, while it loaded before and Keras loads it. Keras writes its entries stored, so
only a repacked file met this. A weights entry may now expand 256 MiB past its ratio (the total held against the
file's size too): memory stays bounded, and the 3.8 GB bomb (tests/model/test_bundle_archive_entry_bomb.py) is
still refused."""

from __future__ import annotations

import zipfile

import pytest

from petloc_gui.model.bundle import MAX_WEIGHTS_RATIO, MODEL_FILE, check_archive, load_bundle

pytestmark = pytest.mark.timeout(120)


def zero_kernel_bundle(folder):
    """A bundle (classes cat/dog, 32x32) whose model carries a 4096x6144 kernel of zeros, its model.keras then
    re-zipped with every entry deflated."""
    import keras
    from keras import layers

    from petloc_gui.model.bundle_write import save_bundle

    inputs = keras.Input((32, 32, 3))
    pooled = layers.GlobalAveragePooling2D()(inputs)
    wide = layers.Dense(4096, kernel_initializer="zeros")(pooled)
    wider = layers.Dense(6144, kernel_initializer="zeros", name="zero_kernel")(wide)  # 100 MB of zeros
    probs = layers.Dense(2, activation="softmax", name="class")(wider)
    box = layers.Dense(4, activation="sigmoid", name="box")(wider)
    meta = {"format_version": 1, "preset": "digits", "class_names": ["cat", "dog"], "input_size": [32, 32],
            "channels": 3}
    saved = save_bundle(keras.Model(inputs, [probs, box]), meta, folder)
    stored = (saved / MODEL_FILE).read_bytes()
    (saved / "stored.keras").write_bytes(stored)
    with zipfile.ZipFile(saved / "stored.keras") as old, zipfile.ZipFile(saved / MODEL_FILE, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    (saved / "stored.keras").unlink()
    return saved


def test_a_deflated_model_of_zero_weights_loads(tmp_path):
    folder = zero_kernel_bundle(tmp_path / "zeros")
    with zipfile.ZipFile(folder / MODEL_FILE) as archive:
        weights = archive.getinfo("model.weights.h5")
    assert weights.file_size > 100e6 and weights.file_size > 10 * MAX_WEIGHTS_RATIO * weights.compress_size  # ~430x
    check_archive(folder / MODEL_FILE)  # was: "model.weights.h5 would expand to ... (corrupt or a zip bomb)"
    loaded = load_bundle(folder)
    assert loaded.class_names == ["cat", "dog"] and not loaded.model.get_layer("zero_kernel").get_weights()[0].any()
