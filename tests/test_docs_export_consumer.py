"""docs/cli.md's export section tells a serving client what it needs, truly: where the input size is
(the export holds no meta.json: the signature's input shape), how the names file is encoded and ordered,
that Pillow's resize is no substitute for petloc's OpenCV one, and what a kill during the SavedModel write
leaves (a hidden temporary folder, removed once a day old). The section sent the client to meta.json's
``input_size``, which the export does not hold, and said nothing of the rest."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
CLI_MD = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
SECTION = CLI_MD[CLI_MD.index("## `petloc export"):CLI_MD.index("## `petloc models")]
FLAT = " ".join(SECTION.split())  # the section's words, whatever the line breaks
SHAPE = (12, 16, 3)
NAMES = ["chat é", "猫"]


def documented(containing: str) -> str:
    """The one code span of the section that holds ``containing``."""
    spans = [span for span in re.findall(r"`([^`]+)`", FLAT) if containing in span]
    assert len(spans) == 1, (containing, spans)
    return spans[0]


@pytest.fixture(scope="module")
def model():
    keras = pytest.importorskip("keras")
    pytest.importorskip("tensorflow")
    inputs = keras.Input(SHAPE)
    pooled = keras.layers.GlobalAveragePooling2D()(inputs)
    return keras.Model(inputs, [keras.layers.Dense(len(NAMES), activation="softmax")(pooled),
                                keras.layers.Dense(4)(pooled)])


def test_the_input_size_is_read_from_the_signature_as_documented(model, tmp_path):
    import tensorflow as tf

    from petloc_gui.model.export import export_saved_model, export_tflite

    assert "meta.json" not in FLAT.split("The TFLite file")[0].replace("The export holds no meta.json", "")
    loaded = tf.saved_model.load(str(export_saved_model(model, tmp_path / "sm")))
    shape = eval(documented("structured_input_signature"), {"loaded": loaded})  # the expression the docs give
    assert tuple(shape) == (None, *SHAPE)
    interpreter = tf.lite.Interpreter(model_path=str(export_tflite(model, tmp_path / "m.tflite")))
    shape = eval(documented("get_input_details"), {"interpreter": interpreter})
    assert tuple(shape) == (1, *SHAPE)


def test_the_names_file_is_utf8_in_the_order_of_the_probabilities(model, tmp_path):
    from petloc_gui.model.export import export_tflite, labels_path

    assert "`m.labels.txt`, UTF-8, one class name per line in the order of the `probabilities` output" in FLAT
    path = export_tflite(SimpleNamespace(model=model, class_names=NAMES), tmp_path / "m.tflite")
    assert labels_path(path).read_bytes().decode("utf-8").splitlines() == NAMES


def test_pillows_resize_is_named_as_no_substitute_and_gives_other_pixels(tmp_path):
    from PIL import Image

    from petloc_gui.model.prepare import prepare_path

    assert "Pillow's `Image.resize`, with any filter, is no substitute for OpenCV's `INTER_AREA`" in FLAT
    rng = np.random.default_rng(0)
    photo = tmp_path / "photo.png"
    Image.fromarray(rng.integers(0, 256, (90, 120, 3), dtype=np.uint8)).save(photo)
    petlocs = prepare_path(photo, (40, 30))
    with Image.open(photo) as image:
        for resample in (Image.Resampling.NEAREST, Image.Resampling.BOX, Image.Resampling.BILINEAR,
                         Image.Resampling.HAMMING, Image.Resampling.BICUBIC, Image.Resampling.LANCZOS):
            pillows = np.asarray(image.convert("RGB").resize((40, 30), resample))
            assert not np.array_equal(pillows, petlocs), resample


def test_a_kill_during_the_saved_model_write_leaves_the_documented_folder_removed_a_day_later(model, tmp_path,
                                                                                          monkeypatch):
    from petloc_gui.core.stale import remove_stale
    from petloc_gui.model import export

    assert ("while it writes the SavedModel, it leaves a hidden folder beside the target, `.DIR.XXXXXXXX.tmp` "
            "(DIR the target's name, XXXXXXXX hex digits)") in FLAT
    assert "removes it once it is a day old" in FLAT
    made = export._archive
    left: list[Path] = []

    def killed_after_writing(*args, **kwargs):
        built = made(*args, **kwargs)
        write_out = built.write_out

        def write_then_die(folder, **options):
            write_out(folder, **options)
            left.append(Path(folder))
            raise SystemExit  # stands in for the kill: the folder must stay for what follows
        built.write_out = write_then_die
        return built

    monkeypatch.setattr(export, "_archive", killed_after_writing)
    monkeypatch.setattr(export.shutil, "rmtree", lambda *args, **kwargs: None)  # a kill removes nothing
    with pytest.raises(SystemExit):
        export.export_saved_model(model, tmp_path / "sm")
    assert len(left) == 1 and re.fullmatch(r"\.sm\.[0-9a-f]{8}\.tmp", left[0].name) and left[0].parent == tmp_path
    assert not (tmp_path / "sm").exists()
    monkeypatch.undo()
    assert remove_stale(tmp_path, folders=True, store=False) == []  # not yet a day old
    day_old = time.time() - 25 * 3600
    os.utime(left[0], (day_old, day_old))
    assert remove_stale(tmp_path, folders=True, store=False) == [left[0]]


def test_the_saved_models_class_names_are_read_as_documented(model, tmp_path):
    import tensorflow as tf

    from petloc_gui.model.export import export_saved_model

    assert "`DIR/assets/labels.txt` (UTF-8, one name per line" in FLAT
    out = export_saved_model(SimpleNamespace(model=model, class_names=NAMES), tmp_path / "sm")
    loaded = tf.saved_model.load(str(out))
    assert eval(documented("loaded.class_names()"), {"loaded": loaded}) == NAMES  # the expression the docs give
    assert (out / "assets" / "labels.txt").read_bytes().decode("utf-8").splitlines() == NAMES


def _photo_like(height: int, width: int) -> np.ndarray:
    """Smooth colour with noise: a resize's differences show as they do on a photo."""
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([128 + 100 * np.sin(x / 17 + c) * np.cos(y / 23 - c) for c in range(3)], axis=-1)
    return np.clip(base + np.random.default_rng(0).normal(0, 20, base.shape), 0, 255).astype(np.uint8)


def test_the_tensorflow_only_resize_gives_opencvs_pixels_but_where_the_caveat_says():
    tf = pytest.importorskip("tensorflow")

    from petloc_gui.model.prepare import resize_to_input

    recipe = documented("tf.image.resize(rgb, (H, W), method=")
    assert "one side and shrunk on the other" in FLAT
    H, W = 224, 224  # noqa: N806 - the docs' names
    for h, w in [(375, 500), (1000, 1500), (100, 150), (224, 300), (150, 160)]:  # shrunk, or enlarged, on both sides
        rgb = _photo_like(h, w)
        tensorflows = eval(recipe, {"tf": tf, "rgb": rgb, "H": H, "W": W, "h": h, "w": w}).numpy()
        assert tensorflows.dtype == np.uint8 and tensorflows.shape == (H, W, 3)
        assert np.abs(tensorflows.astype(int) - resize_to_input(rgb, (W, H)).astype(int)).max() <= 1, (h, w)
    rgb = _photo_like(600, 120)  # enlarged on one side, shrunk on the other: the caveat
    tensorflows = eval(recipe, {"tf": tf, "rgb": rgb, "H": H, "W": W, "h": 600, "w": 120}).numpy()
    assert np.abs(tensorflows.astype(int) - resize_to_input(rgb, (W, H)).astype(int)).max() > 10
