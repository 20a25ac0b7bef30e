"""The sidecar index's order: natural order of the path within the folder, the path itself breaking ties
(``img01.jpg`` / ``img1.jpg``, ``a.jpg`` / ``A.jpg`` have one natural key), whatever order the folders list
in. (The index sorts plain values, not its items: `core.sidecar_index`.)"""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.natural_order import natural_key

NAMES = ["img1.jpg", "img01.jpg", "img001.png", "A.jpg", "a.jpg", "img10.jpg", "img2.jpg",
         "sub/img1.jpg", "sub/img01.jpg", "sub2/x.jpg", "Sub/y.jpg", "img1/z.jpg"]


@pytest.mark.parametrize("reverse", [False, True])
def test_ties_on_the_natural_key_go_by_the_path_whatever_the_listing_order(tmp_path, monkeypatch, reverse):
    for name in NAMES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    listing = os.scandir

    class Listed:  # os.scandir, its entries in a given order
        def __init__(self, path):
            self.entries = sorted(listing(path), key=lambda entry: entry.name, reverse=reverse)

        def __enter__(self):
            return iter(self.entries)

        def __exit__(self, *_):
            return False

    monkeypatch.setattr("petloc_gui.core.folder_walk.os.scandir", Listed)
    found = [item.image_path.relative_to(tmp_path).as_posix() for item in open_dataset(tmp_path)]
    assert found == sorted(NAMES, key=lambda name: (natural_key(name), name))
    assert found[:4] == ["A.jpg", "a.jpg", "img01.jpg", "img1.jpg"]  # (pairs tying on the key)
