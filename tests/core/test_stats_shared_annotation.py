"""`petloc stats` (and the window's dataset panel) leave out an image that only shares another image's
annotation file: train and evaluate leave it out, so its owner's boxes are counted once, and the
`dataset_index` problem line still says why."""

from __future__ import annotations

import numpy as np
from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.core.stats import INDEX_PROBLEM, dataset_stats
from petloc_gui.core.voc import VocObject, new_annotation, write_voc


def _image(path, seed):
    Image.fromarray(np.random.default_rng(seed).integers(0, 256, (40, 60, 3), dtype=np.uint8)).save(path)


def _annotated(path, label, box, seed):
    _image(path, seed)
    annotation = new_annotation(path, 60, 40)
    annotation.objects.append(VocObject(name=label, box=box))
    write_voc(annotation, path.with_suffix(".xml"))


def test_an_image_sharing_another_s_annotation_file_is_not_counted_as_annotated(tmp_path):
    _annotated(tmp_path / "photo.jpg", "cat", Box(10, 10, 30, 30), seed=1)
    _image(tmp_path / "photo.png", seed=2)  # maps to photo.xml, which names photo.jpg
    _annotated(tmp_path / "other.png", "dog", Box(0, 0, 20, 10), seed=3)
    for check_images in (True, False):
        stats = dataset_stats(tmp_path, check_images=check_images).to_dict()
        assert stats["n_images"] == 3
        assert (stats["n_annotated"], stats["n_unannotated"], stats["n_objects"]) == (2, 1, 2)
        assert stats["class_counts"] == {"cat": 1, "dog": 1}
        assert stats["first_object_class_counts"] == {"cat": 1, "dog": 1}
        assert stats["objects_per_annotation"] == {"1": 2}
        assert stats["box"]["width"]["count"] == 2
        shared = [p for p in stats["problems"] if p["kind"] == INDEX_PROBLEM]
        assert len(shared) == 1 and shared[0]["file"].endswith("photo.png")
        assert "shares its annotation file photo.xml with photo.jpg" in shared[0]["message"]


def test_the_owner_is_the_image_its_file_names(tmp_path):
    _image(tmp_path / "photo.jpg", seed=1)
    _annotated(tmp_path / "photo.png", "cat", Box(10, 10, 30, 30), seed=2)  # photo.xml names photo.png
    stats = dataset_stats(tmp_path).to_dict()
    assert (stats["n_annotated"], stats["n_unannotated"], stats["class_counts"]) == (1, 1, {"cat": 1})
    shared = [p for p in stats["problems"] if p["kind"] == INDEX_PROBLEM]
    assert len(shared) == 1 and shared[0]["file"].endswith("photo.jpg")
