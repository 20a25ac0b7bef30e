"""The folder's test list is read where the dataset says its layout keeps its split lists
(`Dataset.split_lists_folder`), the one answer to it, not a second look-up of the layout's folder that could
drift from it."""

from __future__ import annotations

from petloc_gui.core.dataset import Dataset, open_dataset
from petloc_gui.model.layout_test_split import layout_test_images
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def test_the_test_list_is_the_one_in_the_datasets_split_lists_folder(tmp_path, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    dataset = open_dataset(root)
    assert layout_test_images(dataset) == ("ImageSets/Main/test.txt", ["JPEGImages/c.jpg", "JPEGImages/day/g.jpg"])
    moved = root / "ImageSets" / "Other"
    moved.mkdir()
    (moved / "test.txt").write_text("c\n", encoding="utf-8")
    monkeypatch.setattr(Dataset, "split_lists_folder", property(lambda self: self.root / "ImageSets" / "Other"))
    assert layout_test_images(dataset) == ("ImageSets/Other/test.txt", ["JPEGImages/c.jpg"])
    monkeypatch.setattr(Dataset, "split_lists_folder", property(lambda self: None))
    assert layout_test_images(dataset) == ("", [])
