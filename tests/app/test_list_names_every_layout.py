"""The image list names each image by its path within the images folder in every layout: a VOC devkit
export with ``JPEGImages/x.jpg`` and ``JPEGImages/day/x.jpg`` listed both as "x.jpg"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.app.list_names import shown_names
from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, OXFORD, SIDECAR, VOC_DEVKIT, open_dataset

# (layout, images folder, annotations folder, what makes the layout besides them)
LAYOUTS = [
    (VOC_DEVKIT, "JPEGImages", "Annotations", None),
    (IMAGES_ANNOTATIONS, "images", "Annotations", None),
    (OXFORD, "images", "annotations/xmls", "annotations/list.txt"),
]


def _names(relatives: list[str]) -> list[str]:
    return [relative.replace("/", os.sep) for relative in relatives]


@pytest.mark.parametrize(("layout", "images", "annotations", "marker"), LAYOUTS)
def test_a_separate_folder_layout_lists_paths_within_its_images_folder(
        tmp_path: Path, layout: str, images: str, annotations: str, marker: str | None) -> None:
    root = tmp_path / "export"
    for relative in ("x.jpg", "b.jpg", "day/x.jpg", "day/a.jpg"):
        (root / images / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / images / relative).write_bytes(b"")
    (root / annotations / "day").mkdir(parents=True)
    (root / annotations / "day" / "x.xml").write_text("<annotation/>")
    if marker:
        (root / marker).write_text("")
    dataset = open_dataset(root)
    assert dataset.layout == layout
    names = shown_names(dataset)
    assert names == _names(["b.jpg", "day/a.jpg", "day/x.jpg", "x.jpg"])
    # the names are those of the items, in their order
    assert names == [str(item.image_path.relative_to(root / images)) for item in dataset.items]
    assert [item.has_annotation for item in dataset.items] == [False, False, True, False]


def test_the_sidecar_layout_still_lists_paths_within_its_folder(tmp_path: Path) -> None:
    root = tmp_path / "photos"
    (root / "day").mkdir(parents=True)
    for relative in ("x.jpg", "day/x.jpg"):
        (root / relative).write_bytes(b"")
    dataset = open_dataset(root)
    assert dataset.layout == SIDECAR
    assert shown_names(dataset) == _names(["day/x.jpg", "x.jpg"])


def test_an_oxford_dataset_keeps_its_file_names(tmp_path: Path) -> None:
    root = tmp_path / "pets"
    (root / "images").mkdir(parents=True)
    (root / "annotations" / "xmls").mkdir(parents=True)
    for name in ("Abyssinian_1.jpg", "beagle_2.jpg"):
        (root / "images" / name).write_bytes(b"")
    assert shown_names(open_dataset(root)) == ["Abyssinian_1.jpg", "beagle_2.jpg"]
