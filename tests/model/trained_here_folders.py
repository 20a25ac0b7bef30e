"""Two real folders of one photo set for the trained-here checks: "cvat" (the model's training folder, its record in
a bundle's meta.json) and "labelstudio" (the same photos under other names, and two photos of its own)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
from PIL import Image

from petloc_gui.model.bundle import file_sha256, sha256_or_none

TRAIN = ["cvat_0.png", "cvat_1.png", "cvat_2.png", "cvat_3.png"]
VALIDATION = ["cvat_4.png"]


def _photo(path: Path, seed: int) -> None:
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 255, (40, 50, 3), dtype=np.uint8)).save(path)


def training_folder(tmp_path: Path, boxed: bool = False) -> Path:
    """The five photos; ``boxed``: each with a VOC annotation (a cat at 5,5-30,30)."""
    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc

    root = tmp_path / "cvat"
    root.mkdir()
    for seed, name in enumerate(TRAIN + VALIDATION):
        _photo(root / name, seed)
        if boxed:
            annotation = new_annotation(root / name, 50, 40)
            annotation.objects.append(VocObject(name="cat", box=Box(5, 5, 30, 30)))
            write_voc(annotation, (root / name).with_suffix(".xml"))
    return root


def copied_folder(tmp_path: Path, source: Path) -> Path:
    """The training folder's photos under other names (all five), and two photos the model never saw."""
    root = tmp_path / "labelstudio"
    root.mkdir()
    for name in TRAIN + VALIDATION:
        shutil.copy(source / name, root / f"task_{name.split('_')[1]}")
    _photo(root / "new_0.png", 100)
    _photo(root / "new_1.png", 101)
    return root


def bundle(tmp_path: Path, source: Path, metrics: dict | None = None, objects: bool = True) -> Path:
    """A model folder whose meta.json records training on ``source``'s splits, with each image's sha256 and its
    annotation's; ``objects``: the hash of its scored objects too (`core.scored_objects`; False: an older record)."""
    from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256

    folder = tmp_path / "model"
    folder.mkdir()

    def entry(name: str) -> dict:
        annotation = (source / name).with_suffix(".xml")
        annotation_path = annotation if annotation.exists() else None
        hashes = {"sha256": file_sha256(source / name), "annotation_sha256": sha256_or_none(annotation_path)}
        return {**hashes, OBJECTS_KEY: objects_sha256(annotation_path, source / name)} if objects else hashes

    meta = {"class_names": ["cat", "dog"], "splits": {"train": TRAIN, "validation": VALIDATION, "test": []},
            "images": {name: entry(name) for name in TRAIN + VALIDATION},
            "training_data": {"root_name": source.name},
            "metrics": metrics or {"accuracy": 0.2, "mean_iou": 0.032, "n_images": 5}}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder
