"""A symbolic link that cannot be followed (``ln -s a b; ln -s b a``, a link to itself) anywhere in a
dataset folder: ``DirEntry.is_dir()`` raises there ("Too many levels of symbolic links"), which stopped
`petloc stats`, predict, evaluate, train and the window's retrain. Every listing now asks
`folder_listing.entry_kind`: the entry is left out and named as a problem, the good images all read."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.folder_listing import file_names, folder_listing, unread_images
from petloc_gui.core.orphan_annotations import annotations_without_image
from petloc_gui.core.stats import INDEX_PROBLEM, compute_stats

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
XML = ("<annotation><filename>{}</filename><size><width>6</width><height>4</height><depth>3</depth></size>"
       "<object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>3</ymax></bndbox>"
       "</object></annotation>")
LOOP = "symbolic link that cannot be followed (Too many levels of symbolic links); not read"


def _loops(folder: Path) -> list[str]:
    """Three kinds of loop in ``folder``: two links naming each other, an image and an XML linked to themselves."""
    os.symlink("loopA", folder / "loopB")
    os.symlink("loopB", folder / "loopA")
    os.symlink("loop2.jpg", folder / "loop2.jpg")
    os.symlink("self.xml", folder / "self.xml")
    return ["loop2.jpg", "loopA", "loopB", "self.xml"]


def _photo(folder: Path, name: str, xml_folder: Path | None = None) -> None:
    Image.new("RGB", (6, 4)).save(folder / name)
    (xml_folder or folder).joinpath(Path(name).stem + ".xml").write_text(XML.format(name))


def test_a_listing_leaves_out_and_names_a_link_it_cannot_follow(tmp_path):
    _photo(tmp_path, "ok.jpg")
    loops = _loops(tmp_path)
    untold: list[tuple[str, str]] = []
    with os.scandir(tmp_path) as entries:
        names = file_names(entries, untold)
    assert sorted(names) == ["ok.jpg", "ok.xml"]
    assert sorted(untold) == [(str(tmp_path / name), LOOP) for name in loops]
    assert folder_listing(tmp_path).images == frozenset({"ok.jpg"})


def test_the_unread_formats_are_still_found_beside_a_loop(tmp_path):
    (tmp_path / "IMG_1.heic").write_bytes(HEIC)
    _loops(tmp_path)
    assert [(path.name, fmt.name) for path, fmt in unread_images([tmp_path])] == [("IMG_1.heic", "HEIC")]
    assert [path.name for path, _ in open_dataset(tmp_path).unread()] == ["IMG_1.heic"]


def test_stats_of_a_sidecar_folder_with_loops_names_each_and_counts_the_good_images(tmp_path):
    _photo(tmp_path, "ok.jpg")
    _photo(tmp_path, "two.png")
    loops = _loops(tmp_path)
    stats = compute_stats(open_dataset(tmp_path), check_images=False)
    assert stats.n_annotated == 2 and stats.class_counts == {"cat": 2}
    # (in the order the folder lists them)
    assert sorted((p.kind, Path(p.path).name, p.message) for p in stats.problems) == [
        (INDEX_PROBLEM, name, LOOP) for name in loops]


def test_stats_names_the_image_loop_once_when_its_header_is_read(tmp_path):
    _photo(tmp_path, "ok.jpg")
    _loops(tmp_path)
    stats = compute_stats(open_dataset(tmp_path), check_images=True)
    assert [Path(p.path).name for p in stats.problems].count("loop2.jpg") == 1
    assert stats.values["image_width"] == [6.0]  # the good image was read


def test_an_xml_linked_to_itself_is_no_annotation_without_image(tmp_path):
    _photo(tmp_path, "ok.jpg")
    os.symlink("self.xml", tmp_path / "self.xml")
    untold: list[tuple[str, str]] = []
    assert annotations_without_image(open_dataset(tmp_path), untold) == []
    assert untold == [(str(tmp_path / "self.xml"), LOOP)]


def test_the_oxford_index_leaves_out_loops_and_names_them(tmp_path):
    images, xmls = tmp_path / "images", tmp_path / "annotations" / "xmls"
    images.mkdir()
    xmls.mkdir(parents=True)
    _photo(images, "Bengal_1.jpg", xmls)
    _loops(images)
    os.symlink("loop.xml", xmls / "loop.xml")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "oxford"
    assert [(item.image_name, item.has_annotation) for item in dataset.items] == [("Bengal_1.jpg", True)]
    assert sorted((Path(p.path).name, p.what, p.folder) for p in dataset.problems) == sorted(
        (name, LOOP, True) for name in ["loop.xml", "loop2.jpg", "loopA", "loopB", "self.xml"])
    # the window's watch sees the folder as the index did: no change to report
    assert folder_listing(images).same_names(dataset.folders[images])
    stats = compute_stats(dataset, check_images=True)
    assert stats.n_annotated == 1
    assert sorted(Path(p.path).name for p in stats.problems) == ["loop.xml", "loop2.jpg", "loopA", "loopB",
                                                                 "self.xml"]  # each once


def test_the_sidecar_index_and_its_folder_watch_leave_an_image_named_loop_out(tmp_path):
    _photo(tmp_path, "ok.jpg")
    _loops(tmp_path)
    dataset = open_dataset(tmp_path)
    # loop2.jpg is named like an image but is no file: not an item (it was, counted in "images")
    assert [Path(item.image_path).name for item in dataset.items] == ["ok.jpg"]
    listing = folder_listing(tmp_path)
    assert listing.images == frozenset({"ok.jpg"}) and listing.folders == frozenset()
