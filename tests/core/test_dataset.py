"""Folder layouts, natural sort, recursion and where new annotations go."""

from __future__ import annotations

import os
import time

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.folder_listing import FolderListing, folder_listing
from petloc_gui.core.natural_order import natural_key


def _touch(path, text=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_natural_key():
    names = ["img10.jpg", "img2.jpg", "Img1.jpg", "img2a.jpg", "a/img3.jpg"]
    assert sorted(names, key=natural_key) == ["a/img3.jpg", "Img1.jpg", "img2.jpg", "img2a.jpg",
                                              "img10.jpg"]


def test_sidecar_layout_recursive_and_sorted(tmp_path):
    for name in ("img10.jpg", "img2.JPG", "img1.png", "notes.txt", "img2.xml", "sub/deep/p.webp",
                 "sub/deep/p.xml", "sub/q.tiff", ".hidden/x.jpg", "img10.xml.bak"):
        _touch(tmp_path / name)
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar" and dataset.root == tmp_path
    rel = [item.image_path.relative_to(tmp_path).as_posix() for item in dataset]
    assert rel == ["img1.png", "img2.JPG", "img10.jpg", "sub/deep/p.webp", "sub/q.tiff"]
    annotated = {item.image_path.name for item in dataset if item.has_annotation}
    assert annotated == {"img2.JPG", "p.webp"}
    assert all(item.annotation_path == item.image_path.with_suffix(".xml") for item in dataset)
    assert all(item.split is None for item in dataset)
    assert dataset.annotation_path_for(tmp_path / "new.jpg") == tmp_path / "new.xml"
    assert dataset.find(tmp_path / "sub" / "q.tiff").image_path.name == "q.tiff"
    assert dataset.find(tmp_path / "absent.jpg") is None


def test_refresh_after_save(tmp_path):
    _touch(tmp_path / "a.jpg")
    item = open_dataset(tmp_path).items[0]
    assert not item.has_annotation
    _touch(item.annotation_path, "<annotation/>")
    assert item.refresh() is True and item.has_annotation


def test_two_images_sharing_a_sidecar_are_reported(tmp_path):
    _touch(tmp_path / "a.jpg")
    _touch(tmp_path / "a.png")
    dataset = open_dataset(tmp_path)
    assert len(dataset) == 2 and len(dataset.problems) == 1 and "a.xml" in dataset.problems[0]


@pytest.mark.parametrize("reverse", [False, True])
def test_shared_sidecar_owner_does_not_depend_on_the_listing_order(tmp_path, monkeypatch, reverse):
    for name in ("a.jpg", "a.png", "b.png", "b.jpg", "b.bmp"):
        _touch(tmp_path / name)
    _touch(tmp_path / "a.xml", "<annotation><filename>a.png</filename></annotation>")
    listing = os.scandir

    class Listed:  # os.scandir, its entries in a given order
        def __init__(self, path):
            self.entries = sorted(listing(path), key=lambda entry: entry.name, reverse=reverse)

        def __enter__(self):
            return iter(self.entries)

        def __exit__(self, *_):
            return False

    monkeypatch.setattr("petloc_gui.core.folder_walk.os.scandir", Listed)
    assert open_dataset(tmp_path).problems == [  # a.xml names a.png; b.xml does not exist
        f"{tmp_path / 'a.jpg'}: shares its annotation file a.xml with a.png",
        f"{tmp_path / 'b.jpg'}: shares its annotation file b.xml with b.bmp",
        f"{tmp_path / 'b.png'}: shares its annotation file b.xml with b.bmp"]


def test_oxford_layout(tmp_path):
    for name in ("Abyssinian_1.jpg", "Abyssinian_10.jpg", "Abyssinian_2.jpg", "boxer_3.jpg",
                 "Unlisted_4.jpg"):
        _touch(tmp_path / "images" / name)
    _touch(tmp_path / "annotations" / "xmls" / "Abyssinian_2.xml")
    _touch(tmp_path / "annotations" / "list.txt",
           "#Image CLASS-ID SPECIES BREED ID\n# comment\nAbyssinian_1 1 1 1\nAbyssinian_2 1 1 1\n"
           "Abyssinian_10 1 1 1\nboxer_3 4 2 3\nbroken line\n")
    _touch(tmp_path / "annotations" / "trainval.txt", "Abyssinian_1 1 1 1\nAbyssinian_2 1 1 1\n")
    _touch(tmp_path / "annotations" / "test.txt", "Abyssinian_10 1 1 1\nboxer_3 4 2 3\n")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "oxford"
    assert [i.image_path.stem for i in dataset] == ["Abyssinian_1", "Abyssinian_2",
                                                    "Abyssinian_10", "boxer_3", "Unlisted_4"]
    assert [i.split for i in dataset] == ["trainval", "trainval", "test", "test", None]
    assert [i.has_annotation for i in dataset] == [False, True, False, False, False]
    assert dataset[3].meta == {"breed": "boxer", "species": "dog", "class_id": 4, "breed_id": 3}
    assert dataset[4].meta == {"breed": "Unlisted", "species": "cat"}
    assert dataset[0].annotation_path == tmp_path / "annotations" / "xmls" / "Abyssinian_1.xml"
    assert dataset.annotation_path_for(tmp_path / "images" / "x.png") == (
        tmp_path / "annotations" / "xmls" / "x.xml")
    assert any("broken line" in p for p in dataset.problems)


def test_voc_devkit_layout(tmp_path):
    for stem in ("2008_000002", "2008_000010", "2008_000003"):
        _touch(tmp_path / "JPEGImages" / f"{stem}.jpg")
    _touch(tmp_path / "Annotations" / "2008_000003.xml")
    _touch(tmp_path / "ImageSets" / "Main" / "train.txt", "2008_000002\n")
    _touch(tmp_path / "ImageSets" / "Main" / "trainval.txt", "2008_000002\n2008_000003\n")
    _touch(tmp_path / "ImageSets" / "Main" / "cat_train.txt", "2008_000010 1\n")
    dataset = open_dataset(tmp_path / "JPEGImages")  # opening the image folder works too
    assert dataset.layout == "voc-devkit" and dataset.root == tmp_path
    assert [i.image_path.stem for i in dataset] == ["2008_000002", "2008_000003", "2008_000010"]
    assert [i.split for i in dataset] == ["train", "trainval", None]
    assert [i.has_annotation for i in dataset] == [False, True, False]
    assert dataset.annotation_path_for("x/y.jpg") == tmp_path / "Annotations" / "y.xml"


def test_bad_paths(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        open_dataset(tmp_path / "missing")
    with pytest.raises(DatasetError, match="not a folder"):
        open_dataset(_touch(tmp_path / "file.jpg"))
    assert len(open_dataset(_touch(tmp_path / "empty" / "readme.txt").parent)) == 0


def test_symlink_loop_does_not_hang(tmp_path):
    _touch(tmp_path / "a" / "x.jpg")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    assert [i.image_path.name for i in open_dataset(tmp_path)] == ["x.jpg"]


def test_indexing_does_not_decode_and_is_fast(tmp_path):
    # 400 files keep the test quick on a busy disk; benchmarks/index_folder.py times 10,000.
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        (folder / f"img{n}.jpg").write_bytes(b"")  # zero bytes: decoding would fail
        if n % 2:
            (folder / f"img{n}.xml").write_bytes(b"")
    start = time.perf_counter()
    dataset = open_dataset(folder)
    elapsed = time.perf_counter() - start
    assert len(dataset) == 400 and dataset.annotated_count == 200
    assert dataset[2].image_path.name == "img2.jpg" and dataset[10].image_path.name == "img10.jpg"
    assert elapsed < 0.5  # generous: the benchmark measures ~0.01-0.05 s per 1,000 images


def test_truly_empty_folder(tmp_path):
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar" and len(dataset) == 0 and dataset.problems == []


def test_images_and_annotations_folders_without_oxford_files_are_sidecar(tmp_path):
    # A common project layout; treating it as Oxford would hide its sidecars.
    _touch(tmp_path / "images" / "a.jpg")
    _touch(tmp_path / "images" / "a.xml")
    _touch(tmp_path / "annotations" / "export.json")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar"
    assert [(i.image_path.name, i.has_annotation) for i in dataset] == [("a.jpg", True)]
    _touch(tmp_path / "annotations" / "xmls" / "a.xml")
    assert open_dataset(tmp_path).layout == "oxford"


def test_sidecars_next_to_an_annotations_folder(tmp_path):
    _touch(tmp_path / "p.jpg")
    _touch(tmp_path / "p.xml")
    _touch(tmp_path / "annotations" / "xmls" / "q.xml")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar" and [i.has_annotation for i in dataset] == [True]


def test_hidden_folders_are_skipped(tmp_path):
    for name in (".git/objects/x.png", ".venv/lib/site.png", "a/.cache/t.jpg", "a/b.jpg"):
        _touch(tmp_path / name)
    assert [i.image_path.relative_to(tmp_path).as_posix() for i in open_dataset(tmp_path)] == [
        "a/b.jpg"]
    # the folders whose listing made the index (the window watches them for new images)
    assert sorted(f.relative_to(tmp_path).as_posix() for f in open_dataset(tmp_path).folders) == [".", "a"]


def test_the_folders_listed_are_recorded(tmp_path):
    for name in ("sub/deep/p.jpg", "notes/x.txt"):
        _touch(tmp_path / name)
    (tmp_path / "empty").mkdir()
    sidecar = open_dataset(tmp_path)
    # every folder searched, with images or not: images copied into "empty" later are in one of them
    assert sorted(f.relative_to(tmp_path).as_posix() for f in sidecar.folders) == [
        ".", "empty", "notes", "sub", "sub/deep"]
    _touch(tmp_path / "ox" / "images" / "Abyssinian_1.jpg")
    _touch(tmp_path / "ox" / "annotations" / "xmls" / "Abyssinian_1.xml")
    assert list(open_dataset(tmp_path / "ox").folders) == [tmp_path / "ox" / "images"]
    _touch(tmp_path / "voc" / "JPEGImages" / "a.jpg")
    (tmp_path / "voc" / "Annotations").mkdir()
    assert list(open_dataset(tmp_path / "voc").folders) == [tmp_path / "voc" / "JPEGImages"]


def test_a_folder_listed_again_differs_only_when_its_images_or_folders_do(tmp_path):
    for name in ("a.jpg", "a.xml", "notes.txt", "sub/b.png", ".hidden/c.jpg", ".d.jpg"):
        _touch(tmp_path / name)
    seen = open_dataset(tmp_path).folders[tmp_path]
    assert (seen.images, seen.folders) == ({"a.jpg"}, {"sub"}) and seen.mtime_ns == os.stat(tmp_path).st_mtime_ns
    assert folder_listing(tmp_path) == seen  # listed again, nothing changed
    time.sleep(0.01)
    for name in ("a.xml", "b.xml", "other.txt", ".a.xml.tmp"):  # a save, notes: no image changed
        _touch(tmp_path / name, "x")
    again = folder_listing(tmp_path)
    assert again.same_names(seen) and again.mtime_ns != seen.mtime_ns
    _touch(tmp_path / "new.JPG")
    (tmp_path / "day2").mkdir()
    now = folder_listing(tmp_path)
    assert (now.images, now.folders) == ({"a.jpg", "new.JPG"}, {"sub", "day2"}) and not now.same_names(seen)
    assert folder_listing(tmp_path / "absent") == FolderListing(None, frozenset())
    # Oxford's images/ folder is searched as a sidecar folder is: a stray ._x.jpg (hidden) is no image,
    # thumbs/ a folder walked into
    for name in ("images/Abyssinian_1.jpg", "images/._Abyssinian_1.jpg", "images/thumbs/t.jpg",
                 "annotations/xmls/Abyssinian_1.xml"):
        _touch(tmp_path / "ox" / name)
    listed = open_dataset(tmp_path / "ox").folders[tmp_path / "ox" / "images"]
    assert (listed.images, listed.folders) == ({"Abyssinian_1.jpg"}, {"thumbs"})
    assert folder_listing(tmp_path / "ox" / "images") == listed


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_symlinked_folder_is_reported_not_followed(tmp_path):
    outside = tmp_path / "outside"
    _touch(outside / "x.jpg")
    root = tmp_path / "root"
    _touch(root / "y.jpg")
    os.symlink(outside, root / "linked")
    os.symlink(outside / "x.jpg", root / "file_link.jpg")  # links to files are fine
    dataset = open_dataset(root)
    assert [i.image_path.name for i in dataset] == ["file_link.jpg", "y.jpg"]
    assert len(dataset.problems) == 1 and "linked" in dataset.problems[0]
    assert "not followed" in dataset.problems[0]


def test_bind_mount_like_loop_is_listed_once(tmp_path, monkeypatch):
    # A Windows junction or bind mount is a folder (not a link) that can point
    # up the tree; simulate one by making a subfolder report the root's identity.
    import petloc_gui.core.folder_walk as folder_walk

    _touch(tmp_path / "a.jpg")
    _touch(tmp_path / "mount" / "b.jpg")
    real_key = folder_walk.folder_key
    root_key = real_key(tmp_path)
    monkeypatch.setattr(folder_walk, "folder_key",
                        lambda p: root_key if str(p).endswith("mount") else real_key(p))
    assert [i.image_path.name for i in open_dataset(tmp_path)] == ["a.jpg"]


def test_annotation_differing_only_in_case_is_found(tmp_path):
    # On Windows/macOS photo.XML *is* photo.xml: missing it would let a new,
    # empty annotation overwrite it.
    _touch(tmp_path / "photo.jpg")
    _touch(tmp_path / "photo.XML")
    _touch(tmp_path / "exact.jpg")
    _touch(tmp_path / "exact.xml")
    _touch(tmp_path / "EXACT.xml")
    by_name = {i.image_path.name: i for i in open_dataset(tmp_path)}
    assert by_name["photo.jpg"].has_annotation
    assert by_name["photo.jpg"].annotation_path.name == "photo.XML"
    assert by_name["exact.jpg"].annotation_path.name == "exact.xml"
    dataset = open_dataset(tmp_path)
    assert dataset.annotation_path_for(tmp_path / "photo.jpg") == tmp_path / "photo.XML"
    assert dataset.annotation_path_for(tmp_path / "new.jpg") == tmp_path / "new.xml"


def test_oxford_annotation_case_and_missing_lists(tmp_path):
    _touch(tmp_path / "images" / "Bengal_1.jpg")
    _touch(tmp_path / "images" / "Bengal_2.jpg")
    _touch(tmp_path / "annotations" / "xmls" / "Bengal_1.XML")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "oxford" and dataset.problems == []
    assert [(i.has_annotation, i.annotation_path.name, i.split) for i in dataset] == [
        (True, "Bengal_1.XML", None), (False, "Bengal_2.xml", None)]


def test_the_image_an_annotation_names_owns_it_even_with_spaces_at_the_ends_of_its_name(tmp_path):
    from petloc_gui.core.sidecar_index import shared_owner

    (tmp_path / " a.xml").write_text("<annotation><filename> a.png</filename></annotation>")
    assert shared_owner(tmp_path / " a.xml", [" a.jpg", " a.png"]) == " a.png"  # not the first by order
    (tmp_path / "b.xml").write_text("<annotation><filename>C:\\\\photos\\\\b.png </filename></annotation>")
    assert shared_owner(tmp_path / "b.xml", ["b.jpg", "b.png"]) == "b.png"  # cleaned: a Windows path
