"""The sidecar index and the separate-folder indexes list each folder with one set of helpers
(`sidecar_index.listed_images`, `annotation_files`, `in_natural_order`): the same images give the same
order, the same annotation names and the same "shares its annotation file" lines in every layout."""

from __future__ import annotations

import os

from petloc_gui.core.dataset import open_dataset
from tests.cli.helpers import write_image

NAMES = ("img10.jpg", "img2.jpg", "IMG.jpg", "img.jpg", "a.jpg", "a.png", "Mouse.jpg", "mouse.png", "day/b.jpg",
         "day/b.png")


def _within(dataset, path) -> str:
    return os.path.relpath(path, dataset.images_folder).replace(os.sep, "/")


def test_sidecar_and_devkit_list_a_folder_alike(tmp_path):
    listed = {}
    for layout, images in (("sidecar", tmp_path / "side"), ("voc-devkit", tmp_path / "voc" / "JPEGImages")):
        for name in NAMES:
            (images / name).parent.mkdir(parents=True, exist_ok=True)
            write_image(images / name, 8, 8)
        if layout == "voc-devkit":
            (tmp_path / "voc" / "Annotations").mkdir()
        dataset = open_dataset(images.parent if layout == "voc-devkit" else images)
        assert dataset.layout == layout
        listed[layout] = ([(_within(dataset, item.image_path), item.annotation_path.name) for item in dataset.items],
                          [(_within(dataset, problem.path), problem.what) for problem in dataset.problems],
                          sorted(_within(dataset, folder) for folder in dataset.folders))
    assert listed["sidecar"] == listed["voc-devkit"]
    items, problems, folders = listed["sidecar"]
    assert [name for name, _ in items] == ["a.jpg", "a.png", "day/b.jpg", "day/b.png", "img2.jpg", "img10.jpg",
                                           "IMG.jpg", "img.jpg", "Mouse.jpg", "mouse.png"]
    # by folder, then by annotation file name as written (IMG.jpg and img.jpg get one file, as on macOS)
    assert problems == [("img.jpg", "shares its annotation file IMG.xml with IMG.jpg"),
                        ("mouse.png", "shares its annotation file Mouse.xml with Mouse.jpg"),
                        ("a.png", "shares its annotation file a.xml with a.jpg"),
                        ("day/b.png", "shares its annotation file b.xml with b.jpg")]
    assert folders == [".", "day"]
