"""The second stage's training (`train_refiner`) and an older model's rebuilt training list
(`training_record`) read the folder's boxes as the run does, each on its image's own size: they read the
annotations with their <size> alone, so an XML whose <size> (100x100) is not its image's (300x200) had its
box clamped to nothing and left out there, while the first stage trained on it."""

from __future__ import annotations

import pytest

from petloc_gui.cli.train_checks import read_folder
from petloc_gui.model.data import collect_samples, fingerprint
from petloc_gui.model.training_record import record_from_meta
from tests.model.test_boxes_read_as_petloc_train import _folder

B = "JPEGImages/day/b.jpg"  # its <size> 100x100, its image 300x200, its box past the <size>


def _run_boxes(root) -> dict[str, tuple]:
    read, _ = read_folder(root, "default", [])  # `petloc train`'s read, the window's worker's
    return {sample.relpath: sample.box for sample in read.samples}


def test_the_refiner_reads_the_boxes_the_first_stage_trained_on(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from petloc_gui.model import refine_training
    from petloc_gui.model.training_data import TrainingData

    root = _folder(tmp_path / "voc", "JPEGImages")
    read: list = []

    class ReadError(Exception):
        pass

    def from_folder(folder, *args, **kwargs):  # what it trains on, before any TensorFlow work on it
        read.append(folder)
        raise ReadError

    bundle = SimpleNamespace(meta={"class_names": ["cat", "dog"]}, class_names=["cat", "dog"], path=tmp_path / "b")
    monkeypatch.setattr(refine_training, "load_bundle", lambda path: bundle)
    monkeypatch.setattr(TrainingData, "from_folder", from_folder)
    with pytest.raises(ReadError):
        refine_training.train_refiner(tmp_path / "b", root)
    boxes = {sample.relpath: sample.box for sample in read[0].samples}
    assert B in boxes and boxes == _run_boxes(root)


def _legacy_meta(root, samples) -> dict:
    """An older bundle's record: no training list, the folder and its fingerprint."""
    return {"class_names": ["cat", "dog"], "validation_split": {"images": []}, "test_split": {"images": []},
            "training_data": {"root": str(root), "excluded": [], "fingerprint": fingerprint(samples)}}


def test_an_older_models_training_list_is_rebuilt_from_the_runs_read(tmp_path):
    root = _folder(tmp_path / "voc", "JPEGImages")
    run, _ = read_folder(root, "default", [])
    record = record_from_meta(_legacy_meta(root, run.samples))
    assert record.known, record.source
    assert B in record.train and record.train == frozenset(_run_boxes(root))


def test_a_record_of_the_written_sizes_read_is_still_rebuilt(tmp_path):
    # an older run read the <size> written, leaving day/b out: its fingerprint still finds its list
    root = _folder(tmp_path / "voc", "JPEGImages")
    written = collect_samples(root, image_sizes=False)[0]
    assert B not in {sample.relpath for sample in written}
    record = record_from_meta(_legacy_meta(root, written))
    assert record.known, record.source
    assert record.train == frozenset(sample.relpath for sample in written)
