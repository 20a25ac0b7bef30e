"""A symlinked image is exported as the file it points at (core.interop.files.place_image).

link(2), which os.link calls on Linux, links a symlink itself: a relative link copied into OUT
pointed at nothing there, and one to an image --annotated-only left out pointed at nothing too,
with "0 problems".
"""

from __future__ import annotations

import os

import pytest
from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import export_coco, export_yolo
from petloc_gui.core.interop.files import COPY, LINK, place_image
from tests.cli.helpers import voc_xml
from tests.core.interop_helpers import write_voc_image


@pytest.fixture
def linked_folder(tmp_path):
    """rel_out.jpg -> ../outside/target.jpg and to_unann.jpg -> unann.jpg (no annotation), each
    with its own XML, beside one ordinary annotated image."""
    outside = tmp_path / "outside"
    outside.mkdir()
    write_voc_image(outside, "target.jpg", 36, 28, None)  # three sizes: three different files
    folder = tmp_path / "links"
    folder.mkdir()
    write_voc_image(folder, "plain.jpg", 40, 30, [("cat", (5, 5, 20, 20))])
    write_voc_image(folder, "unann.jpg", 44, 30, None)
    (folder / "rel_out.jpg").symlink_to(os.path.join("..", "outside", "target.jpg"))
    (folder / "to_unann.jpg").symlink_to("unann.jpg")
    for name, size in (("rel_out.jpg", (36, 28)), ("to_unann.jpg", (44, 30))):
        (folder / name).with_suffix(".xml").write_text(voc_xml(name, *size, [("dog", (2, 2, 20, 20))]),
                                                       encoding="utf-8")
    return folder


def _assert_is_a_copy_of(exported, original) -> None:
    assert not exported.is_symlink(), f"{exported} is a symlink to {os.readlink(exported)}"
    assert exported.read_bytes() == original.read_bytes()
    with Image.open(exported) as image:
        image.verify()


@pytest.mark.parametrize("images", [LINK, COPY])
def test_a_relative_symlink_is_exported_as_its_target(linked_folder, tmp_path, images):
    report = export_yolo(open_dataset(linked_folder), tmp_path / "yolo", images=images)
    assert report.problems == []
    exported = tmp_path / "yolo" / "images"
    _assert_is_a_copy_of(exported / "rel_out.jpg", tmp_path / "outside" / "target.jpg")
    _assert_is_a_copy_of(exported / "to_unann.jpg", linked_folder / "unann.jpg")
    if images == LINK:  # hard-linked: the target's own inode, no extra disk space
        assert os.path.samefile(exported / "rel_out.jpg", tmp_path / "outside" / "target.jpg")


def test_a_symlink_to_an_image_left_out_by_annotated_only_is_still_an_image(linked_folder, tmp_path):
    report = export_coco(open_dataset(linked_folder), tmp_path / "coco", annotated_only=True)
    assert report.problems == []
    exported = tmp_path / "coco" / "images"
    assert not (exported / "unann.jpg").exists()
    _assert_is_a_copy_of(exported / "to_unann.jpg", linked_folder / "unann.jpg")
    _assert_is_a_copy_of(exported / "rel_out.jpg", tmp_path / "outside" / "target.jpg")


@pytest.mark.parametrize("images", [LINK, COPY])
def test_a_dangling_symlink_is_a_problem_of_that_image_and_places_nothing(tmp_path, images):
    link = tmp_path / "gone.jpg"
    link.symlink_to(os.path.join("nowhere", "gone.jpg"))
    target = tmp_path / "out" / "gone.jpg"
    with pytest.raises(SaveError) as caught:
        place_image(link, target, images)
    assert caught.value.path == target
    assert caught.value.reason == (f"image {link} is a symbolic link to {tmp_path / 'nowhere' / 'gone.jpg'}, "
                                   "which does not exist; nothing placed")
    assert not target.exists() and not target.is_symlink()
