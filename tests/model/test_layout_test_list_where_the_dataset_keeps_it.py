"""The folder's test list is read where the dataset says its layout keeps its split lists
(`Dataset.split_lists_folder`), the one answer to it, not a second look-up of the layout's folder that could
drift from it."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.dataset import Dataset, open_dataset
from petloc_gui.model.layout_test_split import read_layout_test
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def _listed(dataset: Dataset) -> tuple[str, list[str]]:
    """The test list as the layout names it, and its images relative to the folder."""
    read = read_layout_test(dataset)
    return read.listing, [Path(image).relative_to(dataset.root).as_posix() for image in read.images]


def test_the_test_list_is_the_one_in_the_datasets_split_lists_folder(tmp_path, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    dataset = open_dataset(root)
    assert _listed(dataset) == ("ImageSets/Main/test.txt", ["JPEGImages/c.jpg", "JPEGImages/day/g.jpg"])
    moved = root / "ImageSets" / "Other"
    moved.mkdir()
    (moved / "test.txt").write_text("c\n", encoding="utf-8")
    monkeypatch.setattr(Dataset, "split_lists_folder", property(lambda self: self.root / "ImageSets" / "Other"))
    assert _listed(dataset) == ("ImageSets/Other/test.txt", ["JPEGImages/c.jpg"])
    monkeypatch.setattr(Dataset, "split_lists_folder", property(lambda self: None))
    assert _listed(dataset) == ("", [])
