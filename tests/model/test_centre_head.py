"""The CenterNet-style box head (issue 9): one peak's box, its heatmap loss, training, saving, TFLite."""

from __future__ import annotations

import numpy as np
import pytest

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")

from petloc_gui.model import networks  # noqa: E402
from petloc_gui.model.losses import heat_loss, vote_loss  # noqa: E402
from petloc_gui.model.runners import TfliteRunner  # noqa: E402
from petloc_gui.model.runtime import make_runner  # noqa: E402
from petloc_gui.model.training_loop import compile_phase  # noqa: E402


def _votes(rows: int, cols: int, boxes: dict[int, tuple[float, float, float, float]]) -> np.ndarray:
    """Raw votes (before tanh/sigmoid) under which cell i votes for boxes[i] (its centre as near as it reaches)."""
    votes = np.zeros((1, rows * cols, 4), np.float32)
    for cell, (x0, y0, x1, y1) in boxes.items():
        cx, cy = (cell % cols + 0.5) / cols, (cell // cols + 0.5) / rows
        shift = np.array([((x0 + x1) / 2 - cx) * cols, ((y0 + y1) / 2 - cy) * rows]) / networks.CENTRE_VOTE_REACH
        size = np.array([x1 - x0, y1 - y0])
        votes[0, cell] = [*np.arctanh(np.clip(shift, -0.999, 0.999)), *np.log(size / (1 - size))]
    return votes


def test_the_box_is_the_peak_cells_vote_not_a_mix_of_two_animals():
    rows, cols = 4, 4
    left, right = (0.05, 0.1, 0.3, 0.4), (0.6, 0.5, 0.95, 0.9)  # two animals, cells 4 and 11
    cells = networks.CellBoxes(rows, cols)(_votes(rows, cols, {4: left, 11: right}))
    np.testing.assert_allclose(np.asarray(cells)[0, [4, 11]], [left, right], atol=1e-5)
    heat = np.full((1, rows * cols), -20.0, np.float32)
    heat[0, 4], heat[0, 11] = 3.0, 2.9
    box = np.asarray(networks.PeakBox()(heat, cells))[0]
    np.testing.assert_allclose(box, left, atol=1e-5)  # the higher peak, not a box spanning both
    heat[0, 11] = 3.1
    np.testing.assert_allclose(np.asarray(networks.PeakBox()(heat, cells))[0], right, atol=1e-5)


def test_vote_loss_rewards_the_votes_of_the_cells_around_the_true_centre():
    rows, cols = 8, 8
    box = (0.5, 0.25, 0.75, 0.5)  # centre (0.625, 0.375): cell (row 2, col 5) -> 21
    loss = vote_loss(rows, cols)
    near = networks.CellBoxes(rows, cols)(_votes(rows, cols, {21: box}))  # the others: a half-size box on themselves
    far = networks.CellBoxes(rows, cols)(_votes(rows, cols, {63: box}))
    target = np.array([box], np.float32)
    assert float(loss(target, near)[0]) < float(loss(target, far)[0])


def test_heat_loss_is_lowest_with_the_peak_on_the_true_centre():
    rows, cols = 8, 8
    loss = heat_loss(rows, cols)
    box = np.array([[0.5, 0.25, 0.75, 0.5]], np.float32)  # centre (0.625, 0.375): cell (5, 2) -> index 21

    def peaked_at(cell: int) -> np.ndarray:
        logits = np.zeros((1, rows * cols), np.float32)
        logits[0, cell] = 8.0
        return logits

    right = float(loss(box, peaked_at(2 * cols + 5))[0])
    neighbour = float(loss(box, peaked_at(2 * cols + 6))[0])
    far = float(loss(box, peaked_at(7 * cols + 0))[0])
    assert right < neighbour < far


def test_a_centre_head_model_trains_saves_loads_and_runs_as_tflite(tmp_path):
    model = networks.build_mobilenet_net(2, (64, 64), None, box_head="centre")
    assert networks.heat_grid(model) == (4, 4)  # the box features' stride is 16
    fitted = networks.training_view(model)
    assert len(model.outputs) == 2 and len(fitted.outputs) == 4
    edges = networks.build_mobilenet_net(2, (64, 64), None, box_head="edges")
    assert networks.training_view(edges) is edges and networks.heat_grid(edges) is None

    compile_phase(fitted, 1e-3, 4, 2.0)  # the view's two extra outputs get their losses
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 255, (8, 64, 64, 3)).astype(np.float32)
    boxes = np.tile([[0.1, 0.2, 0.4, 0.6]], (8, 1)).astype(np.float32)
    data = tf.data.Dataset.from_tensor_slices((x, (rng.integers(0, 2, 8), boxes))).batch(4)
    history = fitted.fit(data.map(lambda im, y: (im, (y[0], y[1], y[1], y[1]))), epochs=2, verbose=0)
    assert {"box_heat_flat_loss", "box_cells_loss"} <= set(history.history)  # heatmap and votes are trained
    # The view shares its weights with the model the bundle saves.
    assert all(np.array_equal(a, b) for a, b in zip(fitted.get_weights(), model.get_weights(), strict=True))

    path = tmp_path / "centre.keras"
    model.save(path)
    loaded = keras.saving.load_model(path, compile=False, safe_mode=True)
    np.testing.assert_allclose(loaded.predict(x[:2], verbose=0)[1], model.predict(x[:2], verbose=0)[1], atol=1e-6)
    runner = make_runner(loaded, "tflite", cache=False, convert=True)
    assert isinstance(runner, TfliteRunner), runner.fallbacks  # verified against Keras inside make_runner


@pytest.fixture(scope="module")
def boxed_photos(tmp_path_factory):
    """Ten generated photos, each with a bright square boxed in VOC (cat / dog alternately)."""
    from PIL import Image

    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc

    folder = tmp_path_factory.mktemp("photos")
    rng = np.random.default_rng(0)
    for i in range(10):
        pixels = rng.integers(0, 80, (120, 160, 3), dtype=np.uint8)
        x0, y0 = 10 + 9 * i, 10 + 5 * i
        pixels[y0:y0 + 40, x0:x0 + 40] = 230
        path = folder / f"photo_{i}.jpg"
        Image.fromarray(pixels).save(path)
        annotation = new_annotation(path, 160, 120)
        annotation.objects.append(VocObject("cat" if i % 2 else "dog", Box(x0, y0, x0 + 40, y0 + 40)))
        write_voc(annotation, path.with_suffix(".xml"))
    return folder


def _pets_with_head(monkeypatch, head: str) -> None:
    import dataclasses

    from petloc_gui.model import presets

    monkeypatch.setitem(presets.PRESETS, "pets", dataclasses.replace(presets.PETS, box_head=head))


@pytest.mark.slow
def test_training_a_centre_head_pets_model_end_to_end(boxed_photos, tmp_path, monkeypatch):
    """Through `train`: the view's extra targets and losses, the two-output bundle, loading, predicting."""
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.inference import Predictor
    from petloc_gui.model.training import TrainConfig, train

    _pets_with_head(monkeypatch, "centre")
    events: list[dict] = []
    config = TrainConfig(preset="pets", epochs=2, warmup_epochs=1, batch_size=4, val_fraction=0.3,
                         out_dir=str(tmp_path / "bundle"))
    bundle = load_bundle(train(boxed_photos, config, on_event=events.append))
    assert bundle.meta["recipe"]["box_head"] == "centre"
    assert len(bundle.model.outputs) == 2  # the heatmap and the votes stayed out of the bundle
    assert all(np.isfinite(e["loss"]) for e in events if e["event"] == "epoch")
    prediction = Predictor(bundle).predict_paths([boxed_photos / "photo_3.jpg"])[0]
    assert prediction.label in ("cat", "dog") and prediction.box.xmax > prediction.box.xmin


@pytest.mark.slow
def test_a_centre_head_trains_under_mirrored_strategy(boxed_photos, tmp_path, monkeypatch):
    """`distributed.build_before_fit` builds the view's four targets (class, box, heatmap, votes)."""
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.training import TrainConfig, train

    _pets_with_head(monkeypatch, "centre")
    config = TrainConfig(preset="pets", epochs=1, warmup_epochs=0, batch_size=4, val_fraction=0.3,
                         out_dir=str(tmp_path / "bundle"), distribute="mirrored")
    assert networks.box_head_of(load_bundle(train(boxed_photos, config)).model) == "centre"


@pytest.mark.slow
def test_fine_tuning_an_edge_head_model_keeps_its_head(boxed_photos, tmp_path, monkeypatch):
    """A model trained before the pets preset's head became "centre" fine-tunes as what it is."""
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.bundle_write import save_bundle
    from petloc_gui.model.presets import PETS
    from petloc_gui.model.training import TrainConfig, train

    from .conftest import bundle_meta

    # The parent is an edge-head pets bundle as such a run saves it; what it learned plays no part in
    # which head its fine-tune gets, so it is built, not trained (a pets run costs seconds of tracing).
    edges = networks.build_mobilenet_net(2, PETS.input_size, None, box_head="edges")
    parent = save_bundle(edges, {**bundle_meta("pets", ("cat", "dog"), PETS.input_size),
                                 "version_id": "pets-20250101T000000Z-edges0"}, tmp_path / "parent")
    _pets_with_head(monkeypatch, "centre")
    child = load_bundle(train(boxed_photos, TrainConfig(preset="pets", epochs=1, warmup_epochs=0, batch_size=4,
                                                        init_from=str(parent), out_dir=str(tmp_path / "child"))))
    assert networks.box_head_of(child.model) == "edges" and child.meta["recipe"]["box_head"] == "edges"
