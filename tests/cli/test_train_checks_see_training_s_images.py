"""`petloc train`'s checks before TensorFlow see the images training sees: they left out the
--init-from model's test images by path only, training by their bytes too, so a test photo copied under
another name was counted by the checks (the case-variant refusal, the thin-class warning) though the run
never trains on it. The checks now read the folder as training does (`collect_folder`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train
from tests.cli.helpers import run_cli, write_annotated


def _parent(tmp_path: Path, test_image: Path) -> Path:
    """A model whose test split held ``test_image``'s bytes under another name."""
    parent = tmp_path / "parent"
    parent.mkdir()
    digest = hashlib.sha256(test_image.read_bytes()).hexdigest()
    (parent / "meta.json").write_text(json.dumps({
        "class_names": ["cat", "dog"], "version_id": "photo-parent",
        "splits": {"train": [], "validation": [], "test": ["elsewhere/held.png"]},
        "images": {"elsewhere/held.png": {"sha256": digest, "annotation_sha256": None}}}), encoding="utf-8")
    return parent


@pytest.fixture
def started(monkeypatch) -> list[dict]:
    """`training.train` as far as its start event, reading the folder as the run does (no TensorFlow)."""
    from petloc_gui.model import training
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.training_data import TrainingData

    events: list[dict] = []

    def trained(data_dir, config, on_event, should_stop, folder=None):
        meta = read_meta(config.init_from)
        data = TrainingData.collect(data_dir, parent_meta=meta, parent_class_names=meta["class_names"])
        events.append({"event": "start", "epochs": 1, "n_train": len(data.train), "n_val": len(data.validation),
                       "skipped": data.skipped, "class_names": data.class_names,
                       "images": sorted(it.relpath for it in data.items)})
        on_event(events[-1])
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    return events


def _folder(tmp_path: Path, copy_label: str) -> Path:
    """Three boxed cats and two boxed dogs, each image of its own bytes (its width), and ``copy.png``, a
    box of ``copy_label`` on a copy of the model's test photo."""
    folder = tmp_path / "photos"
    folder.mkdir()
    for n, label in enumerate(["cat", "cat", "cat", "dog", "dog"]):
        write_annotated(folder, f"{label}{n}", 40 + n, 30, [(label, (5, 5, 20, 20))])
    write_annotated(folder, "copy", 60, 30, [(copy_label, (5, 5, 20, 20))])
    return folder


def test_a_copy_of_a_test_photo_is_no_box_of_a_class_typed_two_ways(tmp_path, capsys, started):
    folder = _folder(tmp_path, "Cat")  # its label typed otherwise: the run never trains on it
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m",
                              "--init-from", _parent(tmp_path, folder / "copy.png"))
    assert code == 0, stderr
    assert "differ only in case" not in stderr
    assert "copy.png" not in started[0]["images"]


def test_a_copy_of_a_test_photo_is_no_image_of_its_class(tmp_path, capsys, started):
    folder = _folder(tmp_path, "dog")
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m",
                              "--init-from", _parent(tmp_path, folder / "copy.png"))
    assert code == 0, stderr
    assert started[0]["images"] == ["cat0.png", "cat1.png", "cat2.png", "dog3.png", "dog4.png"]
    assert [line.split(":")[1] for line in stderr.splitlines() if line.startswith("petloc: class ")] == [
        " class dog has only 2 person-reviewed images"]
