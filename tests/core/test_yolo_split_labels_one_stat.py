"""`petloc stats`' YOLO hint asks each label file's size with one stat: the folder's listing has already kept
regular files only (`_label_files`), so an `os.path.isfile` before the size asked the disk twice a file."""

from __future__ import annotations

import os

from petloc_gui.core import yolo_split_labels
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.yolo_split_labels import yolo_labels_in_split
from tests.cli.helpers import write_image


def test_each_label_file_read_for_the_hint_is_stat_once(tmp_path, monkeypatch):
    (tmp_path / "images").mkdir()
    (tmp_path / "labels").mkdir()
    for stem in ("a", "b", "c"):
        write_image(tmp_path / "images" / f"{stem}.jpg", 32, 24)
        (tmp_path / "labels" / f"{stem}.txt").write_text("0 0.5 0.5 0.2 0.2\n", encoding="utf-8")
    (tmp_path / "classes.txt").write_text("cat\n", encoding="utf-8")
    dataset = open_dataset(tmp_path)
    stats: list[str] = []
    stat = os.stat

    def counted_stat(path, *args, **kwargs):
        if str(path).endswith(".txt") and os.path.basename(os.path.dirname(path)) == "labels":
            stats.append(os.path.basename(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(yolo_split_labels.os, "stat", counted_stat)
    [found] = yolo_labels_in_split(dataset.items, str(dataset.root))
    assert found.count == 3 and found.shown == ["labels/a.txt", "labels/b.txt", "labels/c.txt"]
    assert sorted(stats) == ["a.txt", "b.txt", "c.txt"]
