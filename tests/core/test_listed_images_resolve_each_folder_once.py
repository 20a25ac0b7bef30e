"""A list's images are resolved a folder at a time, not a path at a time.

Before: every image of the folder and every entry of the list went through `Path.resolve` (realpath reads each
folder above it again) and a handful of pathlib objects: a 20,000-image devkit with 5,000 test ids took ~4 s
(`model.layout_test_split.layout_test_holdout`), four times over in the window's Retrain; the same folder
now takes well under a second, with the same images held out (the name tables compared on real folders).
"""

from __future__ import annotations

import os

from petloc_gui.core import listed_images
from petloc_gui.core.dataset import open_dataset
from tests.cli.helpers import voc_xml, write_image

IMAGES = 40


def test_each_folder_is_resolved_once_and_links_each_time(tmp_path, monkeypatch):
    data = tmp_path / "data"
    for i in range(IMAGES):
        folder = data / ("day" if i % 2 else "night")
        folder.mkdir(parents=True, exist_ok=True)
        write_image(folder / f"img{i}.jpg", 8, 8, color=(i, 0, 0))
        (folder / f"img{i}.xml").write_text(voc_xml(f"img{i}.jpg", 8, 8, [("cat", (1, 1, 5, 5))]), encoding="utf-8")
    (tmp_path / "store").mkdir()
    elsewhere = write_image(tmp_path / "store" / "0f3a.jpg", 8, 8)
    (data / "day" / "linked.jpg").symlink_to(elsewhere)
    (data / "day" / "linked.xml").write_text(voc_xml("linked.jpg", 8, 8, [("cat", (1, 1, 5, 5))]), encoding="utf-8")
    dataset = open_dataset(data)
    monkeypatch.chdir(data)  # the folder the entries are resolved against
    resolved: list[str] = []
    realpath = os.path.realpath

    def counted_realpath(path, *args, **kwargs):
        resolved.append(os.fspath(path))
        return realpath(path, *args, **kwargs)

    monkeypatch.setattr(os.path, "realpath", counted_realpath)
    lines = [f"img{i}" for i in range(0, IMAGES, 2)] + ["linked", "0f3a.jpg", "night/img2.jpg"]
    said: list[str] = []
    held = listed_images.resolve_listed_images(dataset, lines, "list", said.append)
    assert held == sorted([str(data / "night" / f"img{i}.jpg") for i in range(0, IMAGES, 2)]
                          + [str(data / "day" / "linked.jpg")])
    assert said == []
    # the root's folder, the root (the current folder, the entries' folder), day/, night/ and the link
    assert len(resolved) <= 5, resolved
