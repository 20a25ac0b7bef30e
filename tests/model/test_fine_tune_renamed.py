"""Fine-tuning after a class was renamed (ADR 0011): digits boxed as even/odd, then odd renamed uneven.

Before: the new model's classes were [even, odd, uneven]: uneven started untrained while odd kept its
trained row, so every uneven canvas was still predicted odd. Told of the rename, the new model has
[even, uneven], uneven's row is odd's, and meta.json says so.
"""

from __future__ import annotations

import re
import shutil

import numpy as np
import pytest

from petloc_gui.core.errors import DatasetError
from petloc_gui.model.bundle import load_bundle, read_meta
from petloc_gui.model.training import TrainConfig, train
from petloc_gui.model.training_data import TrainingData

pytestmark = pytest.mark.slow


def relabel(folder, rule):
    """Each annotation's class name replaced by ``rule(name)``."""
    for xml in folder.glob("*.xml"):
        text = xml.read_text()
        xml.write_text(re.sub(r"<name>([^<]*)</name>", lambda m: f"<name>{rule(m.group(1))}</name>", text))


@pytest.fixture(scope="module")
def even_odd(tmp_path_factory):
    """(the folder boxed as even/uneven, the parent bundle trained one epoch on it boxed as even/odd)."""
    from petloc_gui.core.digits import write_digits_dataset

    root = tmp_path_factory.mktemp("renamed")
    data = root / "data"
    write_digits_dataset(data, "train", count=20, seed=0)
    relabel(data, lambda name: "even" if int(name) % 2 == 0 else "odd")
    parent = train(data, TrainConfig(preset="digits", epochs=1, batch_size=8, out_dir=str(root / "parent")))
    relabel(data, lambda name: "uneven" if name == "odd" else name)  # Edit -> Classes: odd renamed uneven
    return data, parent


def test_a_renamed_class_takes_the_old_ones_place_and_row(even_odd, tmp_path):
    data, parent = even_odd
    events = []
    # a learning rate of ~0: the rows are still the ones they started from
    child = train(data, TrainConfig(preset="digits", epochs=1, batch_size=8, init_from=str(parent),
                                    learning_rate=1e-12, renamed={"uneven": "odd"}, out_dir=str(tmp_path / "c")),
                  on_event=events.append)
    meta = read_meta(child)
    assert read_meta(parent)["class_names"] == ["even", "odd"]
    assert meta["class_names"] == ["even", "uneven"]  # no phantom odd
    assert meta["renamed_from_parent"] == {"uneven": "odd"} and meta["config"]["renamed"] == {"uneven": "odd"}
    old_kernel, old_bias = load_bundle(parent).model.get_layer("class").get_weights()
    kernel, bias = load_bundle(child).model.get_layer("class").get_weights()
    np.testing.assert_allclose(kernel, old_kernel, atol=1e-5)  # uneven's column is odd's, even's even's
    np.testing.assert_allclose(bias, old_bias, atol=1e-5)
    notices = [e["message"] for e in events if e["event"] == "notice"]
    assert any(m.startswith("classes renamed since the model being fine-tuned: odd → uneven") for m in notices)


def test_without_the_rename_the_old_class_stays_and_the_log_says_why(even_odd, tmp_path):
    data, parent = even_odd
    events = []
    child = train(data, TrainConfig(preset="digits", epochs=1, batch_size=8, init_from=str(parent),
                                    out_dir=str(tmp_path / "c")), on_event=events.append)
    assert read_meta(child)["class_names"] == ["even", "odd", "uneven"]  # a parent class on no box is kept
    assert "renamed_from_parent" not in read_meta(child)
    notices = [e["message"] for e in events if e["event"] == "notice"]
    assert any("--renamed uneven=odd" in m for m in notices)


def test_a_rename_the_folder_contradicts_is_refused_before_training(even_odd, tmp_path):
    data, parent = even_odd
    meta = read_meta(parent)
    mixed = tmp_path / "mixed"
    shutil.copytree(data, mixed)
    missed = next(p for p in sorted(mixed.glob("*.xml")) if "<name>uneven</name>" in p.read_text())
    missed.write_text(missed.read_text().replace("<name>uneven</name>", "<name>odd</name>"))  # not renamed
    with pytest.raises(DatasetError, match=r"odd is renamed uneven, but 1 image still has boxes labelled odd"):
        TrainingData.collect(mixed, parent_meta=meta, parent_class_names=meta["class_names"],
                             renamed={"uneven": "odd"})
    with pytest.raises(DatasetError, match="only when fine-tuning"):
        TrainingData.collect(data, renamed={"uneven": "odd"})


def test_the_class_layer_starts_from_the_renamed_row_exactly(even_odd):
    from petloc_gui.model.initial_weights import init_from_parent
    from petloc_gui.model.networks import build_model
    from petloc_gui.model.presets import get_preset

    _, parent = even_odd
    source = load_bundle(parent).model
    model = build_model(get_preset("digits"), 3)
    init_from_parent(model, source, ["even", "odd"], ["even", "uneven", "kitten"], {"uneven": "odd"})
    old_kernel, old_bias = source.get_layer("class").get_weights()
    kernel, bias = model.get_layer("class").get_weights()
    np.testing.assert_array_equal(kernel[:, :2], old_kernel)
    np.testing.assert_array_equal(bias[:2], old_bias)
