"""A SavedModel `petloc export` wrote carried no class list a client could read: ``assets/`` was empty and no
names file went beside it (only beside a TFLite file); the names were only a constant inside the ``label``
output's graph. It now holds them as a tracked asset, ``assets/labels.txt`` (UTF-8, one per line, class index
order, as the TFLite names file), and as a ``class_names`` function, both read with TensorFlow alone."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")

from petloc_gui.model.export import export_saved_model  # noqa: E402

NAMES = ["zebra", "ant é", "猫"]  # not sorted: index order is not alphabetical order


def small_model() -> keras.Model:
    inputs = keras.Input((8, 10, 3))
    pooled = keras.layers.GlobalAveragePooling2D()(inputs)
    return keras.Model(inputs, [keras.layers.Dense(len(NAMES), activation="softmax")(pooled),
                                keras.layers.Dense(4)(pooled)])


def test_the_class_names_are_read_from_the_saved_model_alone(tmp_path):
    out = export_saved_model(SimpleNamespace(model=small_model(), class_names=NAMES), tmp_path / "sm")
    loaded = tf.saved_model.load(str(out))
    assert [name.decode("utf-8") for name in loaded.class_names().numpy()] == NAMES
    asset = loaded.labels_file.asset_path.numpy().decode()
    assert asset == str(out / "assets" / "labels.txt")
    with open(asset, encoding="utf-8") as handle:
        assert handle.read().splitlines() == NAMES
    assert {"serving_default", "serve_float"} == set(loaded.signatures)  # the serving contract is unchanged
    assert not [path.name for path in tmp_path.iterdir() if path.name != "sm"]  # nothing left beside it


def test_a_model_without_class_names_gets_neither(tmp_path):
    out = export_saved_model(small_model(), tmp_path / "sm")
    loaded = tf.saved_model.load(str(out))
    assert not hasattr(loaded, "class_names") and not (out / "assets" / "labels.txt").exists()
