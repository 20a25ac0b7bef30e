"""`DatasetItem.image_path_text` / `annotation_path_text` / `image_name`: what the Path gives, without it
where the index's string is already in its form; the open's callers use them (no Path built per image)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path, PurePosixPath

import pytest

from petloc_gui.app.list_names import shown_names
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.dataset_item import DatasetItem, in_path_form
from petloc_gui.core.shared_annotations import borrowed_annotations, sharing_groups
from petloc_gui.core.stale import dataset_annotation_folders

POSIX = os.name != "nt"


def test_in_path_form_only_where_a_posix_path_writes_the_text_as_it_is() -> None:
    for size in range(8):
        for letters in itertools.product("/.aé", repeat=size):
            text = "".join(letters)
            path = PurePosixPath(text)
            if in_path_form(text):
                assert str(path) == text and path.name == text.rpartition("/")[2], text
            else:  # the fast way is left to the Path only where it would be wrong ("." has no name)
                assert str(path) != text or text == ".", text


@pytest.mark.parametrize("text", ["/data/img.jpg", "/data//img.jpg", "/data/./img.jpg", "./img.jpg", "img.jpg",
                                  "/data/img.jpg/", "//data/img.jpg", "///data/img.jpg", "", ".", "..",
                                  "/data/../img.jpg", "/d\udcffata/ïmg 2.JPG", "/"])
def test_the_texts_and_name_are_the_paths(text: str) -> None:
    item = DatasetItem(text, text.replace(".jpg", ".xml"))
    assert item.image_path_text == str(Path(text))
    assert item.annotation_path_text == str(Path(text.replace(".jpg", ".xml")))
    assert item.image_name == Path(text).name
    given_paths = DatasetItem(Path(text), Path(text))
    assert (given_paths.image_path_text, given_paths.image_name) == (str(Path(text)), Path(text).name)
    assert item.image_path == Path(text)  # the Path itself as before


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "photos"
    (root / "sub").mkdir(parents=True)
    for name in ("img10.jpg", "img2.jpg", "photo.jpg", "photo.png", "sub/b.jpg"):
        (root / name).write_bytes(b"")
    (root / "img2.xml").write_text("<annotation/>")
    (root / "photo.xml").write_text("<annotation><filename>photo.png</filename></annotation>")
    return root


def _all_strings(dataset) -> bool:
    return all(type(item._image_path) is str and type(item._annotation_path) is str for item in dataset.items)


@pytest.mark.skipif(not POSIX, reason="on Windows the texts come from Paths, as before")
def test_an_opened_folder_builds_no_path_per_image_for_its_names_groups_and_folders(tmp_path: Path) -> None:
    dataset = open_dataset(_folder(tmp_path))
    names = shown_names(dataset)
    groups = sharing_groups(dataset.items)
    folders = dataset_annotation_folders(dataset)
    assert names == ["img2.jpg", "img10.jpg", "photo.jpg", "photo.png", "sub/b.jpg"]
    # at most the group's own items were made Paths (its key), the other images' paths are still the index's text
    assert all(type(item._image_path) is str for item in dataset.items)
    assert [type(item._annotation_path) is str for item in dataset.items[:2] + dataset.items[4:]] == [True] * 3
    by_paths = open_dataset(dataset.root)  # what the Paths gave
    assert names == [str(item.image_path.relative_to(dataset.root)) for item in by_paths.items]
    assert folders == list(dict.fromkeys(str(item.annotation_path.parent) for item in by_paths.items))
    assert list(groups) == [dataset.root / "photo.xml"]
    assert [item.image_path.name for item in groups[dataset.root / "photo.xml"]] == ["photo.jpg", "photo.png"]
    assert borrowed_annotations(dataset.items) == {dataset.root / "photo.jpg": "photo.png"}
    assert folders == [str(dataset.root), str(dataset.root / "sub")]
    fresh = open_dataset(dataset.root)
    assert [item.image_name for item in fresh.items] == [item.image_path.name for item in dataset.items]
    assert _all_strings(fresh)
