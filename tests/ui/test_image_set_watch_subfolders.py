"""The image-set watch of a layout that keeps images and annotations apart lists each folder again as its
index walks it, subfolders included: it listed them as one flat folder, so an images folder holding
subfolders (CVAT's ``JPEGImages/day/``) never matched what the index saw, and each change of its time
(a file written beside the images) indexed the whole dataset again."""

from __future__ import annotations

import os
import time

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.ui.review import image_set_watch
from petloc_gui.ui.review.image_set_watch import ImageSetWatch, look_again

from .conftest import write_image

LAYOUTS = [("JPEGImages", "Annotations"), ("images", "Annotations"), ("images", "annotations/xmls")]


@pytest.mark.parametrize(("images", "annotations"), LAYOUTS)
def test_a_changed_time_alone_indexes_nothing_and_a_new_subfolder_image_is_said(
        qtbot, tmp_path, monkeypatch, images, annotations):
    root = tmp_path / "export"
    (root / annotations).mkdir(parents=True)
    for relative in ("x.png", "day/a.png"):
        (root / images / relative).parent.mkdir(parents=True, exist_ok=True)
        write_image(root / images / relative)
    # x's annotation: an images/ + Annotations/ folder holding none is no Label Studio export (a sidecar folder)
    (root / annotations / "x.xml").write_text("<annotation/>")
    dataset = open_dataset(root)
    assert dataset.layout != "sidecar" and len(dataset.items) == 2
    indexed = []
    real = image_set_watch.open_dataset
    monkeypatch.setattr(image_set_watch, "open_dataset", lambda folder: indexed.append(folder) or real(folder))
    seen = ImageSetWatch(dataset).seen  # as the window's watch starts
    for folder in (root / images, root / images / "day"):
        (folder / "notes.txt").write_text("")  # the folder's time moves, its images do not
        os.utime(folder, ns=(time.time_ns(), time.time_ns() + 10**9))
        seen = look_again(root, seen)
        assert seen.images is None and indexed == []  # listed again, nothing indexed
    write_image(root / images / "day" / "b.png")
    seen = look_again(root, seen)
    assert seen.images == {str(root / images / p) for p in ("x.png", "day/a.png", "day/b.png")}
    assert len(indexed) == 1
    (root / images / "notes.txt").write_text("again")
    os.utime(root / images, ns=(time.time_ns(), time.time_ns() + 2 * 10**9))
    assert look_again(root, seen).images is None and len(indexed) == 1  # after that index too
