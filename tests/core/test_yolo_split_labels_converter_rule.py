"""`petloc stats`' YOLO hint names an image's copy as `petloc convert --from yolo` writes it: the finder and the
message take the last images/ folder by the converter's own rule (`core.interop.yolo_layout.last_folder_index`,
`output_name`), once, where the folder is found; and a names file is taken from above a split only inside the
dataset folder."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop.yolo_layout import output_name
from petloc_gui.core.yolo_split_labels import yolo_labels_in_split
from tests.cli.helpers import write_image


def _split(root: Path, split: str, stem: str) -> None:
    image = root / split / "images" / f"{stem}.jpg"
    image.parent.mkdir(parents=True)
    write_image(image, 64, 48)
    (root / split / "labels").mkdir()
    (root / split / "labels" / f"{stem}.txt").write_text("0 0.5 0.5 0.2 0.2\n", encoding="utf-8")


def _found(folder: Path):
    dataset = open_dataset(folder)
    return yolo_labels_in_split(dataset.items, str(dataset.root))


def test_a_roboflow_folder_inside_a_folder_named_images_names_the_copy_as_the_converter_does(tmp_path):
    root = tmp_path / "images" / "rf"  # an images/ above the YOLO folder is not the one the converter drops
    _split(root, "train", "a")
    (root / "data.yaml").write_text("names: ['cat']\n", encoding="utf-8")
    [found] = _found(root)
    assert (found.folder, found.first_image, found.first_copy) == (str(root), "train/images/a.jpg", "train/a.jpg")
    assert found.first_copy == output_name(found.first_image)
    assert "train/images/a.jpg becomes OUT/train/a.jpg + OUT/train/a.xml" in found.message()


def test_class_names_above_the_dataset_folder_are_not_taken(tmp_path):
    root = tmp_path / "rf"
    _split(root, "train", "a")
    (root / "data.yaml").write_text("names: ['cat']\n", encoding="utf-8")
    [found] = _found(root / "train")  # the split opened alone: rf/ and its data.yaml lie outside it
    assert (found.folder, found.names_file) == (str(root / "train"), None)
    [found] = _found(root)
    assert (found.folder, found.names_file) == (str(root), "data.yaml")
