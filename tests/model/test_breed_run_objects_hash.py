"""A breed run's record hashes the objects it scores (meta.json ``images[*].objects_sha256``, `core.scored_objects`):
every box of non-zero area, nameless ones too, each under the photo's breed (`model.data.collect_samples`). The hash
was over the named objects with their names, so on an Oxford folder a nameless box moved on a held-out image was no
re-box, and a name changed (never scored: the label is the breed) was one."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model.trained_here import TrainedHere, check_trained_here
from petloc_gui.model.training_data import TrainingData
from tests.cli.helpers import voc_xml


def _oxford(tmp_path: Path) -> Path:
    """Twelve Bengal and Pug photos (Oxford layout, ``list.txt``), each with a cat and a nameless box."""
    root = tmp_path / "data"
    (root / "images").mkdir(parents=True)
    (root / "annotations" / "xmls").mkdir(parents=True)
    lines = ["#Image CLASS-ID SPECIES BREED ID"]
    for i in range(12):
        breed = ["Bengal", "Pug"][i % 2]
        name = f"{breed}_{i}"
        lines.append(f"{name} {1 + i % 2} 1 {1 + i % 2}")
        image = Image.fromarray(np.random.default_rng(i).integers(0, 255, (32, 40, 3), dtype=np.uint8))
        image.save(root / "images" / f"{name}.png")
        (root / "annotations" / "xmls" / f"{name}.xml").write_text(
            voc_xml(f"{name}.png", 40, 32, [("cat", (4, 4, 20, 20)), ("", (22, 4, 38, 30))]), encoding="utf-8")
    (root / "annotations" / "list.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _annotation(root: Path, relpath: str) -> Path:
    return root / "annotations" / "xmls" / f"{Path(relpath).stem}.xml"


def _model(tmp_path: Path, data: TrainingData) -> Path:
    """meta.json as a breed run writes it (``config.label``: what `bundle.trained_label` reads)."""
    folder = tmp_path / "model"
    folder.mkdir()
    meta = {"class_names": list(data.class_names), "splits": data.splits_record(), "images": data.images_record(),
            "config": {"label": "breed"}, "training_data": {"root_name": data.root.name},
            "metrics": {"accuracy": 0.5, "mean_iou": 0.4, "n_images": 2}}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def _check(model: Path, root: Path) -> TrainedHere:
    images = [(str(image), str(_annotation(root, image.name))) for image in sorted((root / "images").glob("*.png"))]
    answer = list(check_trained_here(model, root, images, {}))[-1]
    assert isinstance(answer, TrainedHere)
    return answer


def test_a_breed_run_hashes_every_box_it_scores_and_no_name(tmp_path):
    root = _oxford(tmp_path)
    data = TrainingData.collect(root, label="breed", exclude=["images/Pug_11.png"])
    record = data.images_record()
    assert data.splits_record()["test"] == ["images/Pug_11.png"]
    for relpath, entry in record.items():  # the test image's (parsed for the record) as the samples' (their read)
        image, annotation = root / relpath, _annotation(root, relpath)
        assert entry[OBJECTS_KEY] == objects_sha256(annotation, image, any_label=True) is not None
        assert entry[OBJECTS_KEY] != objects_sha256(annotation, image)  # the nameless box is in it
    model = _model(tmp_path, data)
    held_out = sorted(it.relpath for it in data.validation)
    assert len(held_out) >= 2

    annotation = read_voc(_annotation(root, held_out[0]))
    annotation.objects[1].box = Box(2, 2, 10, 10)  # the nameless box, scored under the breed, moved
    write_voc(annotation, _annotation(root, held_out[0]))
    answer = _check(model, root)
    assert (answer.measured_here, answer.reboxed, answer.reboxed_by_bytes) == (len(held_out), 1, 0)

    annotation = read_voc(_annotation(root, held_out[-1]))
    annotation.objects[0].name = "dog"  # never scored: the label is the photo's breed
    write_voc(annotation, _annotation(root, held_out[-1]))
    answer = _check(model, root)
    assert (answer.reboxed, answer.reboxed_by_bytes) == (1, 0)
