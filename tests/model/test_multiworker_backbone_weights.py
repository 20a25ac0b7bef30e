"""Workers that start from different backbone weights refuse together before training, naming them.

Each worker looks for the ImageNet weights itself (its resources folder, PETLOC_SHARED_DIR): a worker on
another install, with no weights/, started from random weights and trained alongside a chief that started
from ImageNet; both exited 0 with different models and the chief's meta.json said ImageNet. The workers
compared only the --backbone-weights option's file name (None on both with the default file)."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from petloc_gui.model.bundle import MODEL_FILE
from petloc_gui.model.initial_weights import backbone_weights
from petloc_gui.model.presets import MOBILENET_WEIGHTS_NAME, get_preset
from petloc_gui.model.training import TrainConfig
from petloc_gui.model.worker_agreement import refusal, run_fingerprint, training_parts
from tests.model.test_multiworker import _finish, _pipes, _start_workers

PHOTO = get_preset("photo")
DATA = SimpleNamespace(class_names=["cat"], renamed={}, images_record=dict,
                       splits_record=lambda: {"train": ["a.png"], "validation": ["b.png"], "test": []})


def _resources(folder, weights: bytes | None):
    """A resources folder with these bytes as the default ImageNet file (None: no weights/ at all)."""
    folder.mkdir(parents=True)
    if weights is not None:
        (folder / "weights").mkdir()
        (folder / "weights" / MOBILENET_WEIGHTS_NAME).write_bytes(weights)
    return folder


def _parts(backbone_file=None, parent=None):
    """This worker's parts, its backbone weights decided as `training.train` decides them."""
    return training_parts(DATA, TrainConfig(preset="photo", backbone_weights=backbone_file),  # type: ignore[arg-type]
                          PHOTO, 2, 4, 1, parent, backbone_weights(PHOTO, backbone_file)[1])


def _differing(first, second) -> list[str]:
    a, b = run_fingerprint(first), run_fingerprint(second)
    return [kind for kind in a if a[kind] != b[kind]]


def test_workers_left_to_default_weights_that_differ_give_different_parts(tmp_path, monkeypatch):
    monkeypatch.setenv("PETLOC_SHARED_DIR", str(tmp_path / "no-shared"))
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(_resources(tmp_path / "imagenet", b"imagenet weights")))
    chief = _parts()
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(_resources(tmp_path / "copy", b"imagenet weights")))
    assert _differing(chief, _parts()) == []  # the same bytes in another folder: the same start
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(_resources(tmp_path / "other", b"other weights")))
    assert _differing(chief, _parts()) == ["backbone weights"]
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(_resources(tmp_path / "none", None)))
    random_start = _parts()
    assert _differing(chief, random_start) == ["backbone weights"]
    line = refusal({1: ["backbone weights"]}, random_start)
    assert ("worker 1 differs from worker 0 in backbone weights (this worker: backbone weights random (no ImageNet "
            "weights found))") in line, line
    assert "the same backbone weights file (--backbone-weights PATH)" in line, line
    assert f"backbone weights {MOBILENET_WEIGHTS_NAME} (sha256 " in refusal({1: ["backbone weights"]}, chief)


def test_a_given_weights_file_is_compared_by_its_bytes_not_its_folder(tmp_path):
    same = [_resources(tmp_path / name, b"imagenet weights") / "weights" / MOBILENET_WEIGHTS_NAME for name in "ab"]
    assert _differing(_parts(str(same[0])), _parts(str(same[1]))) == []
    other = _resources(tmp_path / "c", b"other weights") / "weights" / MOBILENET_WEIGHTS_NAME
    assert _differing(_parts(str(same[0])), _parts(str(other))) == ["backbone weights"]


def test_init_from_parents_with_the_same_meta_and_other_weights_differ(tmp_path):
    parents = []
    for name, weights in (("a", b"weights"), ("b", b"weights"), ("c", b"other weights")):
        (tmp_path / name).mkdir()
        (tmp_path / name / MODEL_FILE).write_bytes(weights)
        parents.append(SimpleNamespace(meta={"version_id": "photo-1"}, path=tmp_path / name))
    assert _differing(_parts(parent=parents[0]), _parts(parent=parents[1])) == []
    # a fine-tune starts from its parent's weights: the backbone file is not used, whatever each worker has
    assert _differing(_parts(parent=parents[0]), _parts(parent=parents[2])) == ["init-from"]


@pytest.mark.slow
def test_a_worker_without_the_imagenet_weights_refuses_with_the_chief(tmp_path):
    """Worker 1's resources folder has no weights/ (another install); the chief's has the default file (any
    bytes: the refusal comes before the model is built). Both exit 1 naming the backbone weights."""
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    resources = [_resources(tmp_path / "res0", b"imagenet weights"), _resources(tmp_path / "res1", None)]
    started = time.monotonic()
    results = _finish(_start_workers(data, tmp_path, 1, _pipes, extra=lambda index: ["--preset", "photo"],
                                     env=lambda index: {"PETLOC_RESOURCES_DIR": str(resources[index]),
                                                        "PETLOC_SHARED_DIR": str(tmp_path / "no-shared")}),
                      timeout=300)
    assert time.monotonic() - started < 150
    shown = [f"{MOBILENET_WEIGHTS_NAME} (sha256 ", "random (no ImageNet weights found)"]
    for index, (code, out, err) in enumerate(results):
        assert code == 1, err[-3000:]
        [line] = [line for line in err.splitlines() if line.startswith("petloc: the workers")]
        assert "worker 1 differs from worker 0 in backbone weights" in line, line
        assert f"this worker: backbone weights {shown[index]}" in line, line
        assert "epoch 1/" not in err and out.strip() == ""
    assert not list(tmp_path.glob("w*/**/meta.json"))
