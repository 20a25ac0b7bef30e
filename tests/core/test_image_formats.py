"""Which files are images: every extension of the decoded formats is indexed, and a file of an
image format petloc does not read (HEIC, AVIF, ...) is named where a folder is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.folder_listing import folder_listing, unread_images
from petloc_gui.core.image_formats import (
    DECODED_FORMATS,
    IMAGE_EXTENSIONS,
    UNREAD_FORMATS,
    unread_format_named,
    unread_format_of,
)
from petloc_gui.core.images import image_size, load_image
from petloc_gui.core.stats import UNSUPPORTED_IMAGE, compute_stats

HEIC_HEAD = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
AVIF_HEAD = b"\x00\x00\x00\x20ftypavif\x00\x00\x00\x00avifmif1miafMA1B" + b"\x00" * 64


def test_every_extension_pillow_gives_the_decoded_formats_is_indexed():
    Image.init()
    decoded = {*DECODED_FORMATS, "MPO"}  # the JPEG plugin opens camera MPO files
    pillows = {ext for ext, fmt in Image.registered_extensions().items() if fmt in decoded}
    assert pillows <= IMAGE_EXTENSIONS
    assert {".jfif", ".jpe"} <= IMAGE_EXTENSIONS


def test_no_extension_is_both_read_and_unread():
    unread = {ext for fmt in UNREAD_FORMATS for ext in fmt.extensions}
    assert not unread & IMAGE_EXTENSIONS


@pytest.mark.parametrize("name", ["a.jfif", "b.jpe", "C.JFIF", "d.apng", "e.dib"])
def test_other_names_of_decoded_formats_are_indexed_and_read(tmp_path, name):
    fmt = {".jfif": "JPEG", ".jpe": "JPEG", ".apng": "PNG", ".dib": "DIB"}[Path(name).suffix.lower()]
    Image.new("RGB", (6, 4), (200, 0, 0)).save(tmp_path / name, format=fmt)
    dataset = open_dataset(tmp_path)
    assert [item.image_path.name for item in dataset.items] == [name]
    assert folder_listing(tmp_path).images == {name}
    assert image_size(tmp_path / name) == (6, 4)
    assert load_image(tmp_path / name)[0, 0, 0] > 150


def test_unread_formats_by_name_and_by_content():
    assert unread_format_named("IMG_0001.HEIC").name == "HEIC"
    assert unread_format_named("x.avif").name == "AVIF"
    assert unread_format_named("photo.jpg") is None and unread_format_named(".heic") is None
    assert unread_format_of(HEIC_HEAD).name == "HEIC"
    assert unread_format_of(AVIF_HEAD).name == "AVIF"  # also names the generic HEIF brand mif1
    assert unread_format_of(b"\xff\xd8\xff\xe0") is None


def _folder_with_unread(root: Path) -> None:
    Image.new("RGB", (6, 4)).save(root / "ok.jpg")
    (root / "IMG_0001.HEIC").write_bytes(HEIC_HEAD)
    (root / "sub").mkdir()
    (root / "sub" / "b.avif").write_bytes(AVIF_HEAD)
    (root / "sub" / ".hidden.heic").write_bytes(HEIC_HEAD)
    (root / "notes.txt").write_text("not an image")


def test_unread_images_lists_the_folders_the_index_looked_in(tmp_path):
    _folder_with_unread(tmp_path)
    dataset = open_dataset(tmp_path)
    assert [item.image_path.name for item in dataset.items] == ["ok.jpg"]
    found = [(path.relative_to(tmp_path).as_posix(), fmt.name) for path, fmt in unread_images(dataset.folders)]
    assert sorted(found) == [("IMG_0001.HEIC", "HEIC"), ("sub/b.avif", "AVIF")]


def test_stats_count_and_name_the_files_not_read(tmp_path):
    _folder_with_unread(tmp_path)
    stats = compute_stats(open_dataset(tmp_path), check_images=False)
    assert stats.n_images == 1
    assert stats.not_read == {"AVIF": 1, "HEIC": 1}
    report = stats.to_dict()
    assert report["n_not_read"] == 2 and report["problem_counts"] == {UNSUPPORTED_IMAGE: 2}
    messages = {Path(p["file"]).name: p["message"] for p in report["problems"]}
    assert "HEIC images are not supported" in messages["IMG_0001.HEIC"]
    assert any(line.startswith("not read       2 files (AVIF 1, HEIC 1)") for line in stats.summary_lines())


def test_stats_of_a_folder_without_such_files_say_nothing_more(tmp_path):
    Image.new("RGB", (6, 4)).save(tmp_path / "ok.png")
    stats = compute_stats(open_dataset(tmp_path))
    assert stats.not_read == {} and stats.problems == []
    assert not any(line.startswith("not read") for line in stats.summary_lines())
