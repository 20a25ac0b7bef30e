"""The window's trained-here check read every image of the open folder on each model load: 20,000 phone photos of
3 MB were 60 GB read in the background, competing with the display. A copy has its original's size, so meta.json
``images`` records each image's size, and the check stats every image and reads only those of a training image's
size; a record without sizes (older models) has its images read up to a budget, its count then a lower bound."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.core.scored_objects import OBJECTS_KEY
from petloc_gui.model import bundle as bundle_module
from petloc_gui.model import trained_here
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.image_files_record import files_record
from petloc_gui.model.meta_types import meta_type_problem
from petloc_gui.model.trained_here import check_trained_here
from petloc_gui.model.training_record import lineage_of, record_from_meta

from .trained_here_folders import TRAIN, VALIDATION, bundle, copied_folder, training_folder

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "models"


def _images(root: Path) -> list[tuple[str, str]]:
    return [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.iterdir())
            if image.suffix in (".png", ".bin")]


def _sized(model: Path, source: Path) -> Path:
    """The model's meta.json with each image's size, as a run now writes it."""
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    for name, entry in meta["images"].items():
        entry["size"] = (source / name).stat().st_size
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return model


def _reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: reads.append(Path(path).name) or real(path))
    return reads


def _big_photos(root: Path, count: int) -> None:
    """Photos of the folder the model never saw, none of a training photo's size."""
    for n in range(count):
        (root / f"phone_{n}.png").write_bytes(bytes([n % 251]) * (50_000 + n))


def test_only_images_of_a_training_image_s_size_are_read(tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    _big_photos(copies, 30)
    model = _sized(bundle(tmp_path, source), source)
    reads = _reads(monkeypatch)
    answer = list(check_trained_here(model, copies, _images(copies), {}))[-1]
    # the four renamed copies found by their bytes, as when every image was read
    assert (answer.count, answer.by_content, answer.images, answer.complete, answer.unchecked) == (4, 4, 37, True, 0)
    # read: the five copies (of a training or validation photo's size) and the two small new photos (the same
    # size as the training photos: 40x50 PNGs of noise); never one of the 30 photos of other sizes
    assert not [name for name in reads if name.startswith("phone_")]
    assert len(reads) <= 7


def test_an_image_at_a_training_path_with_other_bytes_is_not_taken_for_it_unread(tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    model = _sized(bundle(tmp_path, source), source)
    (source / TRAIN[0]).write_bytes(b"another photo under its name")
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta["images"][TRAIN[1]] = {"sha256": None, "annotation_sha256": None, "size": None}  # unreadable when trained
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (source / TRAIN[1]).write_bytes(b"x")
    reads = _reads(monkeypatch)
    answer = list(check_trained_here(model, source, _images(source), {}))[-1]
    assert TRAIN[0] not in reads and TRAIN[1] not in reads  # of no recorded training photo's size
    # TRAIN[0]: other bytes than recorded, not a training image; TRAIN[1]: recorded without a hash, by its path
    assert (answer.count, answer.by_content, answer.by_path) == (3, 2, 1)


def test_a_held_out_image_re_boxed_since_is_still_read_and_said(tmp_path):
    source = training_folder(tmp_path, boxed=True)
    # of no training photo's size: read as the image the figures were measured on, at its recorded path
    (source / VALIDATION[0]).write_bytes((source / VALIDATION[0]).read_bytes() + b"\0" * 100)
    model = _sized(bundle(tmp_path, source), source)
    (source / VALIDATION[0]).with_suffix(".xml").write_text("<annotation/>", encoding="utf-8")
    answer = list(check_trained_here(model, source, _images(source), {}))[-1]
    assert (answer.measured_here, answer.reboxed) == (1, 1)


def test_a_record_without_sizes_is_read_up_to_its_budget(tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    model = bundle(tmp_path, source)  # an older model: hashes, no sizes
    monkeypatch.setattr(trained_here, "UNSIZED_FILES", 3)
    reads = _reads(monkeypatch)
    answer = list(check_trained_here(model, copies, _images(copies), {}))[-1]
    assert len(reads) == 3
    # new_0, new_1, task_0 read (in the list's order): one training photo found of the four, a lower bound
    assert (answer.count, answer.unchecked, answer.complete) == (1, 4, False)
    monkeypatch.setattr(trained_here, "UNSIZED_FILES", 2000)
    monkeypatch.setattr(trained_here, "UNSIZED_BYTES", 1)  # the first image's bytes spend it
    assert list(check_trained_here(model, copies, _images(copies), {}))[-1].unchecked == 6


def test_a_chain_with_a_record_without_sizes_has_none():
    sized = {"splits": {"train": ["a.png"]}, "images": {"a.png": {"sha256": "h", "size": 10}}}
    unsized = {"splits": {"train": ["a.png"]}, "images": {"a.png": {"sha256": "h"}}}
    assert record_from_meta(sized).train_sizes == frozenset({10})
    assert record_from_meta(unsized).train_sizes is None
    assert lineage_of(sized).train_sizes == frozenset({10}) and lineage_of(unsized).train_sizes is None


def test_a_run_records_each_image_s_size(tmp_path):
    image, annotation = tmp_path / "a.png", tmp_path / "a.xml"
    image.write_bytes(b"12345")
    annotation.write_text("<annotation/>", encoding="utf-8")
    record = files_record([("a.png", image, annotation), ("gone.png", tmp_path / "gone.png", None)], {})
    assert record["a.png"]["size"] == 5 and isinstance(record["a.png"]["sha256"], str)
    assert record["gone.png"] == {"sha256": None, "annotation_sha256": None, OBJECTS_KEY: None, "size": None}


@pytest.mark.parametrize(("size", "said"), [("12", "a string"), (-1, "a negative number"), (True, "true/false"),
                                             (1.5, "a number")])
def test_a_damaged_size_is_refused_by_name(size, said):
    meta = {"images": {"a.png": {"sha256": "h", "size": size}}}
    assert meta_type_problem(meta) == f'images["a.png"].size must be a whole number of bytes, not {said}'


@pytest.mark.parametrize("name", ["pets", "digits"])
def test_the_bundled_models_record_their_images_sizes(name):
    meta = read_meta(RESOURCES / name)
    record = record_from_meta(meta)
    assert record.train_sizes and all(isinstance(entry["size"], int) for entry in meta["images"].values())
