"""A moving average of the weights (issue 9): what validation scores and what training keeps."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")

from petloc_gui.model import networks, training_loop  # noqa: E402
from petloc_gui.model.presets import DIGITS  # noqa: E402
from petloc_gui.model.training_loop import EpochMonitor, ValidationSet, averaged_weights, compile_phase  # noqa: E402


def _digits_batches(n: int = 16) -> Any:
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 255, (n, 75, 75, 3)).astype(np.float32)
    boxes = np.tile([[0.2, 0.3, 0.6, 0.7]], (n, 1)).astype(np.float32)
    return tf.data.Dataset.from_tensor_slices((x, (rng.integers(0, 3, n), boxes))).batch(4).repeat()


def _trainable(model: Any) -> list[np.ndarray]:
    return [np.array(v.numpy()) for v in model.trainable_variables]


def test_inside_averaged_weights_the_model_holds_the_average_and_after_it_the_raw_weights():
    model = networks.build_model(DIGITS, 3)
    compile_phase(model, 1e-2, 20, 1.0, weight_ema=0.9)
    # train_on_batch: `fit` ends by putting the average into the model (Keras' finalize_variable_values)
    for x, y in _digits_batches().take(6):
        model.train_on_batch(x, y)
    raw = _trainable(model)
    averages = [np.array(v.numpy()) for v in model.optimizer._model_variables_moving_average]
    assert any(not np.allclose(a, r) for a, r in zip(averages, raw, strict=True))  # the average lags training
    with averaged_weights(model.optimizer):
        for held, average in zip(_trainable(model), averages, strict=True):
            np.testing.assert_array_equal(held, average)
    for held, before in zip(_trainable(model), raw, strict=True):
        np.testing.assert_array_equal(held, before)


def test_without_an_average_the_weights_stay_as_trained():
    model = networks.build_model(DIGITS, 3)
    compile_phase(model, 1e-2, 20, 1.0)  # weight_ema 0: no average kept
    assert model.optimizer.use_ema is False
    for x, y in _digits_batches().take(2):
        model.train_on_batch(x, y)
    raw = _trainable(model)
    with averaged_weights(model.optimizer):
        assert all(np.array_equal(a, b) for a, b in zip(_trainable(model), raw, strict=True))


def test_the_monitor_validates_and_keeps_the_averaged_weights():
    model = networks.build_model(DIGITS, 3)
    compile_phase(model, 1e-2, 40, 1.0, weight_ema=0.9)
    seen: list[tuple[list[np.ndarray], list[np.ndarray]]] = []

    class Recording(EpochMonitor):
        def validate(self, images: Any = None) -> dict[str, Any]:
            averages = [np.array(v.numpy()) for v in model.optimizer._model_variables_moving_average]
            seen.append((_trainable(model), averages))
            # epoch 2 scores best, so its weights are the ones kept
            return {"accuracy": 1.0 if len(seen) == 2 else 0.5, "mean_iou": 0.5, "iou_ge_50": 0.5, "loss": 1.0}

    validation = ValidationSet(batches=lambda: iter(()), label_ids=np.zeros(1, int), boxes=[(0, 0, 1, 1)],
                               sizes=[(75, 75)], targets=np.zeros((1, 4), np.float32))
    monitor = Recording(model, ["a", "b", "c"], validation, 1.0, epochs=3, steps=4, patience=5,
                        emit=lambda event: None, stop=lambda: False)
    model.fit(_digits_batches(), epochs=3, steps_per_epoch=4, callbacks=[monitor], verbose=0)
    assert len(seen) == 3 and monitor.best_epoch == 2
    for held, averages in seen:  # each epoch scored the average, not the raw weights
        assert all(np.array_equal(h, a) for h, a in zip(held, averages, strict=True))
    monitor.restore_best()
    for kept, scored in zip(_trainable(model), seen[1][0], strict=True):
        np.testing.assert_array_equal(kept, scored)
    assert any(not np.array_equal(a, b) for a, b in zip(seen[1][0], seen[2][0], strict=True))


def test_training_passes_the_presets_weight_average_to_every_phase(tmp_path, monkeypatch):
    import dataclasses

    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model import presets
    from petloc_gui.model.training import TrainConfig, train

    write_digits_dataset(tmp_path / "digits", "train", count=24, seed=0)
    monkeypatch.setitem(presets.PRESETS, "digits", dataclasses.replace(DIGITS, weight_ema=0.9))
    compiled = []
    real = training_loop.compile_phase

    def recording(model: Any, *args: Any, **kwargs: Any) -> None:
        real(model, *args, **kwargs)
        compiled.append(model.optimizer)

    monkeypatch.setattr(training_loop, "compile_phase", recording)
    train(tmp_path / "digits", TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=0.25,
                                           out_dir=str(tmp_path / "bundle")))
    assert compiled and all(o.use_ema and o.ema_momentum == pytest.approx(0.9) for o in compiled)
