"""Images that are symbolic links named otherwise than their targets (DVC's cache: day/img1.jpg ->
.dvc/cache/2d677c922f00) are listed by their own names, as the folder shows them.

Before: the names an entry was matched with were the resolved target's (its hash), so `--exclude-list` with
``img1.jpg`` or ``img2`` said "matches no image; ignored" and they were trained on, as was a devkit test list's.
"""

from __future__ import annotations

import os

import pytest

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.model.layout_test_split import layout_test_holdout
from tests.cli.helpers import voc_xml, write_image

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links")


def _stored(path, shade):
    """A PNG at ``path``, named without an extension, as a content-addressed store names its files."""
    return write_image(path.with_name(path.name + ".png"), 40, 30, color=(shade, 40, 40)).rename(path)


def _linked(images, annotations, store, n):
    """``n`` images in ``images``, each a link to a file of ``store`` named by a hash, annotated in ``annotations``."""
    images.mkdir(parents=True)
    annotations.mkdir(parents=True, exist_ok=True)
    store.mkdir(exist_ok=True)
    for i in range(n):
        target = _stored(store / f"{i:02d}e892b926dfde", 20 * i)
        (images / f"img{i}.png").symlink_to(target)
        (annotations / f"img{i}.xml").write_text(voc_xml(f"img{i}.png", 40, 30, [("cat", (1, 1, 20, 20))]),
                                                 encoding="utf-8")


def test_linked_images_are_held_out_by_their_own_names_and_their_targets(tmp_path, capsys):
    data = tmp_path / "dvc"
    _linked(data / "day", data / "day", tmp_path / "cache", 4)
    listing = tmp_path / "exclude.txt"
    listing.write_text("img1.png\nimg2\nday/img3.png\n", encoding="utf-8")
    assert resolve_exclude_list(data, listing) == [str(data / "day" / f"img{i}.png") for i in (1, 2, 3)]
    assert capsys.readouterr().err == ""
    listing.write_text("00e892b926dfde\n", encoding="utf-8")  # a target's name still names its link
    assert resolve_exclude_list(data, listing) == [str(data / "day" / "img0.png")]
    assert capsys.readouterr().err == ""


def test_a_targets_name_never_takes_another_images_own_name(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "b.png", 40, 30, color=(1, 2, 3))
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (data / "a.png").symlink_to(write_image(outside / "b.png", 40, 30, color=(9, 9, 9)))
    for stem in ("a", "b"):
        (data / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    listing = tmp_path / "exclude.txt"
    listing.write_text("b.png\n", encoding="utf-8")
    assert resolve_exclude_list(data, listing) == [str(data / "b.png")]
    assert capsys.readouterr().err == ""


def test_a_devkit_test_list_holds_out_its_linked_images(tmp_path):
    root = tmp_path / "voc"
    _linked(root / "JPEGImages", root / "Annotations", tmp_path / "cache", 4)
    (root / "ImageSets" / "Main").mkdir(parents=True)
    (root / "ImageSets" / "Main" / "trainval.txt").write_text("img0\nimg3\n", encoding="utf-8")
    (root / "ImageSets" / "Main" / "test.txt").write_text("img1\nJPEGImages/img2.png\n", encoding="utf-8")
    held = layout_test_holdout(root)
    assert held.images == tuple(str(root / "JPEGImages" / f"img{i}.png") for i in (1, 2))
    assert held.notes == ()
