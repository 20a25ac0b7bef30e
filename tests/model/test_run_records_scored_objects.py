"""A run records each image's scored objects' hash (meta.json ``images[*].objects_sha256``, `core.scored_objects`),
which the re-box check compares where it is recorded: before, no run wrote it, so marking a held-out image Verified
(its annotation's bytes changed, its boxes not) read "changed since (its boxes may differ)". Also: the run takes
its objects by the one rule the hash is taken by (`core.scored_objects.usable_objects`)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model.bundle import read_meta, sha256_or_none
from petloc_gui.model.data import collect_samples
from petloc_gui.model.meta_types import HASH_KEYS, meta_type_problem
from petloc_gui.model.trained_here import TrainedHere, check_trained_here
from petloc_gui.model.training_data import TrainingData
from tests.cli.helpers import voc_xml


def _folder(tmp_path: Path) -> Path:
    """Twelve 40x32 noise photos, each boxed cat or dog (the box drawn past the image's right edge: a run reads it
    clamped on the image's own size)."""
    root = tmp_path / "photos"
    root.mkdir()
    for seed in range(12):
        image = root / f"photo_{seed:02d}.png"
        Image.fromarray(np.random.default_rng(seed).integers(0, 255, (32, 40, 3), dtype=np.uint8)).save(image)
        label = "cat" if seed % 2 else "dog"
        image.with_suffix(".xml").write_text(voc_xml(image.name, 40, 32, [(label, (4, 4, 44, 28))]), encoding="utf-8")
    return root


def _model(tmp_path: Path, data: TrainingData, root: Path) -> Path:
    """A bundle's meta.json as `training.train` writes the run's record (`images_record`, `splits_record`)."""
    folder = tmp_path / "model"
    folder.mkdir()
    meta = {"class_names": list(data.class_names), "splits": data.splits_record(), "images": data.images_record(),
            "training_data": {"root_name": root.name}, "metrics": {"accuracy": 0.5, "mean_iou": 0.4, "n_images": 2}}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def _check(model: Path, root: Path) -> TrainedHere:
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.png"))]
    answer = list(check_trained_here(model, root, images, {}))[-1]
    assert isinstance(answer, TrainedHere)
    return answer


def test_a_run_records_its_objects_and_a_verified_mark_is_then_no_re_box(tmp_path):
    root = _folder(tmp_path)
    data = TrainingData.collect(root)
    record = data.images_record()
    assert len(record) == 12
    for relpath, entry in record.items():
        image = root / relpath
        assert entry[OBJECTS_KEY] == objects_sha256(image.with_suffix(".xml"), image) is not None
    model = _model(tmp_path, data, root)
    assert read_meta(model)["images"] == record  # its type check lets it through
    held_out = sorted(it.relpath for it in data.validation)
    assert held_out
    annotation_path = (root / held_out[0]).with_suffix(".xml")

    was = sha256_or_none(annotation_path)
    annotation = read_voc(annotation_path)
    annotation.verified = True
    write_voc(annotation, annotation_path)
    assert sha256_or_none(annotation_path) != was  # the bytes changed, the boxes did not
    answer = _check(model, root)
    assert (answer.measured_here, answer.reboxed, answer.reboxed_by_bytes) == (len(held_out), 0, 0)

    annotation = read_voc(annotation_path)
    annotation.objects[0].box = Box(6, 6, 30, 26)
    write_voc(annotation, annotation_path)
    answer = _check(model, root)
    assert (answer.reboxed, answer.reboxed_by_bytes) == (1, 0)  # a re-box, known as one


def test_the_objects_hash_is_type_checked_as_the_other_hashes():
    assert OBJECTS_KEY in HASH_KEYS
    entry = {"sha256": "ab", "annotation_sha256": "cd", "size": 3}
    assert meta_type_problem({"images": {"a.png": {**entry, OBJECTS_KEY: None}}}) is None
    assert meta_type_problem({"images": {"a.png": {**entry, OBJECTS_KEY: 5}}}) == \
        'images["a.png"].objects_sha256 must be a string, not a number'


def _boxed(image: Path, annotation: Path) -> None:
    """A photo whose annotation holds a cat, a nameless box, a box of no area and a dog drawn right to left."""
    Image.fromarray(np.zeros((32, 40, 3), dtype=np.uint8)).save(image)
    objects = [("cat", (4, 4, 20, 20)), ("", (5, 5, 25, 25)), ("dog", (8, 8, 8, 30)), ("dog", (30, 2, 22, 12))]
    annotation.write_text(voc_xml(image.name, 40, 32, objects), encoding="utf-8")


def test_a_run_scores_the_objects_its_record_hashes(tmp_path):
    image = tmp_path / "two.png"
    _boxed(image, image.with_suffix(".xml"))
    (sample,), _, _ = collect_samples(tmp_path)
    # neither the nameless box nor the flat one; the dog drawn right to left, sorted
    assert list(sample.objects) == [("cat", (4.0, 4.0, 20.0, 20.0)), ("dog", (22.0, 2.0, 30.0, 12.0))]
    # the record hashes those two alone: a file holding only them hashes alike
    scored_only = tmp_path / "scored_only.xml"
    scored_only.write_text(voc_xml(image.name, 40, 32, [(label, box) for label, box in sample.objects]),
                           encoding="utf-8")
    assert objects_sha256(image.with_suffix(".xml"), image) == objects_sha256(scored_only, image) is not None


def test_a_breed_run_scores_the_nameless_box_too(tmp_path):
    """Each object is given the photo's breed (Oxford ``list.txt``): a box without a name is scored as one."""
    (tmp_path / "images").mkdir()
    (tmp_path / "annotations" / "xmls").mkdir(parents=True)
    (tmp_path / "annotations" / "list.txt").write_text("#Image CLASS-ID SPECIES BREED ID\nBengal_1 6 1 6\n",
                                                        encoding="utf-8")
    _boxed(tmp_path / "images" / "Bengal_1.png", tmp_path / "annotations" / "xmls" / "Bengal_1.xml")
    (sample,), _, _ = collect_samples(tmp_path, label="breed")
    assert [label for label, _ in sample.objects] == [sample.label] * 3 and sample.label
    assert [box for _, box in sample.objects] == [(4.0, 4.0, 20.0, 20.0), (5.0, 5.0, 25.0, 25.0),
                                                  (22.0, 2.0, 30.0, 12.0)]
