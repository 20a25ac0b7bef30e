"""Layouts with images and annotations in separate folders, images in subfolders: a CVAT "Pascal VOC 1.1"
export (datumaro) of a task whose images were uploaded in folders writes ``JPEGImages/day/x.jpg`` and
``Annotations/day/x.xml`` (``ImageSets/Main/default.txt`` lists ``day/x``). Only the top level of
JPEGImages/ was indexed: ``petloc stats`` said "images 1, problems 0" for four boxed photos, and the
subfolder's XMLs were not named as annotations without an image. Label Studio's VOC export
(``images/`` + ``Annotations/``) was read as a sidecar folder: every image "no annotation", every XML
"annotation file with no image", and train refused "found 0"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.orphan_annotations import annotations_without_image
from petloc_gui.core.stats import compute_stats
from petloc_gui.core.stats_problems import NO_IMAGE

XML = ("<annotation><filename>{}</filename><size><width>6</width><height>4</height><depth>3</depth></size>"
       "<object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>3</ymax></bndbox>"
       "</object></annotation>")
NOT_FOLLOWED = "symbolic link to a folder not followed; open the folder it points to directly"


def _photo(images: Path, annotations: Path, relative: str, boxed: bool = True) -> None:
    """An image at ``images/relative`` and (``boxed``) its annotation at the same path under ``annotations``."""
    image = images / relative
    image.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (6, 4)).save(image)
    if boxed:
        xml = (annotations / relative).with_suffix(".xml")
        xml.parent.mkdir(parents=True, exist_ok=True)
        xml.write_text(XML.format(image.name))


def _cvat_export(root: Path) -> None:
    for relative in ("Abyssinian_10.jpg", "day/Abyssinian_1.jpg", "day/Abyssinian_100.jpg", "day/deep/z.png"):
        _photo(root / "JPEGImages", root / "Annotations", relative)
    _photo(root / "JPEGImages", root / "Annotations", "day/unboxed.jpg", boxed=False)
    (root / "ImageSets" / "Main").mkdir(parents=True)
    (root / "ImageSets" / "Main" / "train.txt").write_text("day/Abyssinian_1\nAbyssinian_10\n")
    (root / "ImageSets" / "Main" / "val.txt").write_text("day/Abyssinian_100\n")


def test_a_devkit_export_with_images_in_folders_is_read_whole(tmp_path):
    _cvat_export(tmp_path)
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "voc-devkit" and dataset.problems == []
    images, annotations = tmp_path / "JPEGImages", tmp_path / "Annotations"
    # natural order of the paths within JPEGImages/, as the sidecar search orders its subfolders
    assert [(item.image_path.relative_to(images).as_posix(), item.has_annotation, item.split)
            for item in dataset.items] == [
        ("Abyssinian_10.jpg", True, "train"), ("day/Abyssinian_1.jpg", True, "train"),
        ("day/Abyssinian_100.jpg", True, "val"), ("day/deep/z.png", True, None), ("day/unboxed.jpg", False, None)]
    assert [item.annotation_path.relative_to(annotations).as_posix() for item in dataset.items] == [
        "Abyssinian_10.xml", "day/Abyssinian_1.xml", "day/Abyssinian_100.xml", "day/deep/z.xml", "day/unboxed.xml"]
    # every folder listed is recorded (the window watches them), with the folders it walked into
    assert {path.relative_to(images).as_posix(): (set(seen.images), set(seen.folders))
            for path, seen in dataset.folders.items()} == {
        ".": ({"Abyssinian_10.jpg"}, {"day"}),
        "day": ({"Abyssinian_1.jpg", "Abyssinian_100.jpg", "unboxed.jpg"}, {"deep"}),
        "day/deep": ({"z.png"}, set())}
    # an image the index does not hold (one of a format petloc does not read) keeps its folder there too
    assert dataset.annotation_path_for(images / "day" / "new.heic") == annotations / "day" / "new.xml"
    assert dataset.annotation_path_for(tmp_path / "elsewhere" / "y.jpg") == annotations / "y.xml"
    stats = compute_stats(dataset, check_images=True)
    assert (stats.n_images, stats.n_annotated, stats.problems) == (5, 4, [])
    # a subfolder opened alone is the export, as JPEGImages/ is: as its own folder it read no annotation of it
    assert (open_dataset(images / "day").root, open_dataset(images / "day").layout) == (tmp_path, "voc-devkit")


def test_opening_the_images_folder_opens_the_whole_export(tmp_path):
    _cvat_export(tmp_path)
    dataset = open_dataset(tmp_path / "JPEGImages")
    assert dataset.root == tmp_path and len(dataset) == 5


def test_annotations_in_subfolders_without_their_image_are_named(tmp_path):
    _cvat_export(tmp_path)
    annotations = tmp_path / "Annotations"
    (annotations / "day" / "gone.xml").write_text(XML.format("gone.jpg"))
    (annotations / "night").mkdir()  # a folder of images deleted whole
    (annotations / "night" / "n1.xml").write_text(XML.format("n1.jpg"))
    (annotations / ".cache").mkdir()  # hidden: skipped, as the sidecar search skips it
    (annotations / ".cache" / "h.xml").write_text(XML.format("h.jpg"))
    (annotations / "day" / "notes.txt").write_text("not an annotation")
    assert [path.relative_to(annotations).as_posix() for path in annotations_without_image(open_dataset(tmp_path))] == [
        "day/gone.xml", "night/n1.xml"]
    stats = compute_stats(open_dataset(tmp_path), check_images=False)
    assert sorted((p.kind, Path(p.path).relative_to(annotations).as_posix()) for p in stats.problems) == [
        (NO_IMAGE, "day/gone.xml"), (NO_IMAGE, "night/n1.xml")]


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_the_subfolders_follow_the_sidecar_search_rules(tmp_path):
    _cvat_export(tmp_path)
    images, annotations = tmp_path / "JPEGImages", tmp_path / "Annotations"
    _photo(images, annotations, ".hidden/h.jpg")  # hidden folder: skipped
    _photo(images, annotations, "._Abyssinian_10.jpg", boxed=False)  # macOS's AppleDouble file: no image
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    _photo(outside, outside, "o.jpg")
    os.symlink(outside, images / "linked")  # said, not followed (it could point at "/")
    os.symlink(outside, annotations / "linked_xmls")
    os.symlink("loopB", images / "day" / "loopA")
    os.symlink("loopA", images / "day" / "loopB")
    dataset = open_dataset(tmp_path)
    assert len(dataset) == 5
    assert sorted((Path(p.path).relative_to(tmp_path).as_posix(), p.what.split(" (")[0]) for p in dataset.problems) == [
        ("JPEGImages/day/loopA", "symbolic link that cannot be followed"),
        ("JPEGImages/day/loopB", "symbolic link that cannot be followed"),
        ("JPEGImages/linked", NOT_FOLLOWED)]
    untold: list[tuple[str, str]] = []
    # .hidden/h.xml is no image's annotation, but in a hidden folder: not searched, as in a sidecar folder
    assert annotations_without_image(dataset, untold) == []
    assert untold == [(str(annotations / "linked_xmls"), NOT_FOLLOWED)]


def test_a_bind_mount_pointing_up_the_images_folder_is_listed_once(tmp_path, monkeypatch):
    import petloc_gui.core.folder_walk as folder_walk

    _cvat_export(tmp_path)
    _photo(tmp_path / "JPEGImages", tmp_path / "Annotations", "mount/b.jpg")  # stands for the top's images
    real_key = folder_walk.folder_key
    top = real_key(tmp_path / "JPEGImages")
    monkeypatch.setattr(folder_walk, "folder_key", lambda p: top if str(p).endswith("mount") else real_key(p))
    assert len(open_dataset(tmp_path)) == 5


def test_label_studios_voc_export_is_images_beside_annotations(tmp_path):
    for relative in ("Abyssinian_1.jpg", "Abyssinian_10.jpg", "sub/b.jpg"):
        _photo(tmp_path / "images", tmp_path / "Annotations", relative)
    _photo(tmp_path / "images", tmp_path / "Annotations", "c.jpg", boxed=False)
    (tmp_path / "Annotations" / "gone.xml").write_text(XML.format("gone"))
    for opened in (tmp_path, tmp_path / "images"):
        dataset = open_dataset(opened)
        assert (dataset.layout, dataset.root) == ("images-annotations", tmp_path)
        assert [(item.image_path.relative_to(tmp_path).as_posix(), item.has_annotation) for item in dataset] == [
            ("images/Abyssinian_1.jpg", True), ("images/Abyssinian_10.jpg", True), ("images/c.jpg", False),
            ("images/sub/b.jpg", True)]
        assert dataset.annotation_path_for(tmp_path / "images" / "d.jpg") == tmp_path / "Annotations" / "d.xml"
    assert annotations_without_image(dataset) == [tmp_path / "Annotations" / "gone.xml"]
    from petloc_gui.model.data import collect_samples

    assert len(collect_samples(tmp_path)[0]) == 3  # train found 0 of them


def test_images_with_their_own_xmls_beside_an_annotations_folder_stay_a_sidecar_folder(tmp_path):
    # labelImg's XMLs beside the photos: read against Annotations/ they would all be left out
    _photo(tmp_path / "images", tmp_path / "images", "a.jpg")
    _photo(tmp_path / "images", tmp_path / "Annotations", "b.jpg")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar"
    assert [(item.image_name, item.has_annotation) for item in dataset] == [("a.jpg", True), ("b.jpg", False)]


def test_training_names_each_image_by_its_path_within_the_dataset(tmp_path):
    from petloc_gui.model.data import collect_samples
    from petloc_gui.model.splits import split_key

    _cvat_export(tmp_path)
    _photo(tmp_path / "JPEGImages", tmp_path / "Annotations", "night/Abyssinian_10.jpg")  # a name twice
    samples, skipped, root = collect_samples(tmp_path)
    assert root == tmp_path
    relpaths = [sample.relpath for sample in samples]
    assert relpaths == ["JPEGImages/Abyssinian_10.jpg", "JPEGImages/day/Abyssinian_1.jpg",
                        "JPEGImages/day/Abyssinian_100.jpg", "JPEGImages/day/deep/z.png",
                        "JPEGImages/night/Abyssinian_10.jpg"]
    assert len({split_key(relpath) for relpath in relpaths}) == 5  # one split key each, the same name twice too
    assert skipped == [(str(tmp_path / "JPEGImages" / "day" / "unboxed.jpg"), "no annotation")]
