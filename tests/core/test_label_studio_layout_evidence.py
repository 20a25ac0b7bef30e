"""A folder is read as Label Studio's VOC export (``images/`` + ``Annotations/``) only where no annotation
a sidecar folder reads would be left out.

Any folder with ``images/`` and ``Annotations/`` subfolders and no XML at the top of ``images/`` was read
as the export: photo+XML pairs at its top or in other subfolders disappeared (7 images / 5 annotated
became 2 / 0), labelImg's pairs in ``images/day/`` beside an empty ``Annotations/`` all read "no
annotation" with "problems 0", a save wrote a second XML under ``Annotations/day/``, opening
``images/`` opened the parent, and unzipping an export into a project changed its layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

import petloc_gui.core.label_studio_layout as label_studio_layout
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.orphan_annotations import annotations_without_image
from petloc_gui.core.stats import compute_stats
from tests.cli.helpers import oxford_layout

XML = ("<annotation><folder>images</folder><filename>{}</filename><size><width>6</width><height>4</height>"
       "<depth>3</depth></size><object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax>"
       "<ymax>3</ymax></bndbox></object></annotation>")
LOOKS_LIKE = "looks like Label Studio's Pascal VOC export (images/ + Annotations/) but is read as a sidecar folder"


def _image(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (6, 4)).save(path)


def _pair(folder: Path, name: str, xml_folder: Path | None = None) -> None:
    """``folder/name`` and its annotation, beside it or in ``xml_folder``."""
    _image(folder / name)
    xml = (xml_folder or folder) / (name.rsplit(".", 1)[0] + ".xml")
    xml.parent.mkdir(parents=True, exist_ok=True)
    xml.write_text(XML.format(name), encoding="utf-8")


def _label_studio_export(root: Path) -> None:
    """As label-studio-converter's convert_to_voc writes it: images/ flat, Annotations/<stem>.xml flat,
    nothing else (an image of a task without boxes has no XML)."""
    for name in ("1a2b3c4d-cat.jpg", "5e6f7a8b-dog.png", "9c0d1e2f-Straße.jpg"):
        _pair(root / "images", name, root / "Annotations")
    _image(root / "images" / "0a1b2c3d-unlabelled.jpg")


def _said(dataset) -> list[str]:
    return [problem.what for problem in dataset.problems if LOOKS_LIKE in problem.what]


def test_a_label_studio_export_is_read_as_one(tmp_path):
    _label_studio_export(tmp_path)
    (tmp_path / "notes.txt").write_text("a file that is neither an image nor an annotation")
    (tmp_path / "__MACOSX" / "images").mkdir(parents=True)  # unzipped on macOS: hidden AppleDouble files
    (tmp_path / "__MACOSX" / "images" / "._1a2b3c4d-cat.jpg").write_bytes(b"\0")
    for opened in (tmp_path, tmp_path / "images"):
        dataset = open_dataset(opened)
        assert (dataset.layout, dataset.root, dataset.problems) == ("images-annotations", tmp_path, [])
        assert [(item.image_name, item.has_annotation) for item in dataset] == [
            ("0a1b2c3d-unlabelled.jpg", False), ("1a2b3c4d-cat.jpg", True), ("5e6f7a8b-dog.png", True),
            ("9c0d1e2f-Straße.jpg", True)]
    assert annotations_without_image(dataset) == []


def test_pairs_beside_an_images_folder_of_unlabelled_photos_stay_read(tmp_path):
    # case a: photo+XML pairs at the top and in batch2/, images/ of photos not labelled yet
    for i in range(3):
        _pair(tmp_path, f"root_{i}.jpg")
    for i in range(2):
        _pair(tmp_path / "batch2", f"b_{i}.jpg")
    for i in range(2):
        _image(tmp_path / "images" / f"raw_{i}.jpg")
    (tmp_path / "Annotations").mkdir()
    (tmp_path / "Annotations" / "README.txt").write_text("another tool writes here")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar" and dataset.problems == []
    assert (len(dataset), dataset.annotated_count) == (7, 5)
    assert open_dataset(tmp_path / "images").root == tmp_path / "images"  # not its parent


def test_an_export_unzipped_into_a_project_leaves_it_a_sidecar_folder_and_says_why(tmp_path):
    for i in range(3):
        _pair(tmp_path, f"root_{i}.jpg")
    _label_studio_export(tmp_path)
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar" and dataset.annotated_count == 3
    assert _said(dataset) == [f"{LOOKS_LIKE}: root_0.jpg at its top would be left out; the XML files in "
                              "Annotations/ are annotations without an image here"]
    assert dataset.problems[0].path == str(tmp_path / "Annotations")
    assert len(annotations_without_image(dataset)) == 3  # listed, as before the layout existed


def test_pairs_only_in_another_folder_leave_it_a_sidecar_folder(tmp_path):
    _label_studio_export(tmp_path)
    _pair(tmp_path / "batch2", "b_0.jpg")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar"
    assert _said(dataset) == [f"{LOOKS_LIKE}: batch2/b_0.xml beside them would be left out; the XML files in "
                              "Annotations/ are annotations without an image here"]


def test_images_alone_in_another_folder_leave_it_the_export(tmp_path):
    # an export petloc wrote inside the dataset: images, no annotation the sidecar search would read
    _label_studio_export(tmp_path)
    _image(tmp_path / "exports" / "yolo" / "images" / "1a2b3c4d-cat.jpg")
    assert open_dataset(tmp_path).layout == "images-annotations"


def test_labelimg_pairs_in_subfolders_of_images_stay_their_own(tmp_path):
    # case b: labelImg's XMLs beside the photos in images/day/, an Annotations/ made ready for an export
    for i in range(3):
        _pair(tmp_path / "images" / "day", f"d_{i}.jpg")
    for i in range(2):
        _pair(tmp_path / "images" / "night", f"n_{i}.jpg")
    (tmp_path / "Annotations").mkdir()
    for opened in (tmp_path, tmp_path / "images"):
        dataset = open_dataset(opened)
        assert (dataset.layout, dataset.root, dataset.problems) == ("sidecar", opened, [])
        assert (len(dataset), dataset.annotated_count) == (5, 5)
    # the window saves into the user's own file, not a second one under Annotations/day/
    image = tmp_path / "images" / "day" / "d_0.jpg"
    assert open_dataset(tmp_path).annotation_path_for(image) == image.with_suffix(".xml")
    # the same, with XMLs in Annotations/ too: said why it is not read as the export
    (tmp_path / "Annotations" / "d_0.xml").write_text(XML.format("d_0.jpg"), encoding="utf-8")
    dataset = open_dataset(tmp_path)
    assert (dataset.layout, dataset.annotated_count) == ("sidecar", 5)
    (said,) = _said(dataset)
    assert said.startswith(f"{LOOKS_LIKE}: images/ holds annotation files of its own (images/")
    assert "(images/day/d_" in said or "(images/night/n_" in said


def test_a_stray_xml_in_images_is_said_to_be_why_the_export_is_not_read_as_one(tmp_path):
    _label_studio_export(tmp_path)
    (tmp_path / "images" / "1a2b3c4d-cat.xml").write_text(XML.format("1a2b3c4d-cat.jpg"), encoding="utf-8")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar"
    assert _said(dataset) == [f"{LOOKS_LIKE}: images/ holds annotation files of its own (images/1a2b3c4d-cat.xml), "
                              "which would be left out; the XML files in Annotations/ are annotations without "
                              "an image here"]
    stats = compute_stats(dataset, check_images=False)
    assert sum(LOOKS_LIKE in problem.message for problem in stats.problems) == 1  # `petloc stats` prints it
    assert len(annotations_without_image(dataset)) == 3


def test_xml_files_named_after_no_image_are_no_export(tmp_path):
    for i in range(2):
        _image(tmp_path / "images" / f"raw_{i}.jpg")
    (tmp_path / "Annotations").mkdir()
    (tmp_path / "Annotations" / "other.xml").write_text(XML.format("other.jpg"), encoding="utf-8")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar"
    assert _said(dataset) == [f"{LOOKS_LIKE}: no XML file in Annotations/ is named after an image in images/; "
                              "the XML files in Annotations/ are annotations without an image here"]


def test_the_search_is_bounded(tmp_path, monkeypatch):
    _label_studio_export(tmp_path)
    for name in ("a", "b", "c"):
        (tmp_path / "images" / name).mkdir()
    monkeypatch.setattr(label_studio_layout, "MOST_FOLDERS_SEARCHED", 3)
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "sidecar"
    assert _said(dataset) == [f"{LOOKS_LIKE}: it holds over 3 folders, too many to search for annotation files "
                              "that would be left out; the XML files in Annotations/ are annotations without an "
                              "image here"]
    monkeypatch.setattr(label_studio_layout, "MOST_FOLDERS_SEARCHED", 5)
    assert open_dataset(tmp_path).layout == "images-annotations"


@pytest.mark.parametrize("layout", ["sidecar", "oxford", "voc-devkit"])
def test_the_other_layouts_keep_theirs(tmp_path, layout):
    if layout == "sidecar":  # a project with images/ beside its own pairs and no Annotations/
        _pair(tmp_path, "a.jpg")
        _pair(tmp_path / "images", "b.jpg")
    elif layout == "oxford":
        oxford_layout(tmp_path, ["Abyssinian_1", "beagle_2"], 6, 4)
        (tmp_path / "Annotations").mkdir()  # beside annotations/ on a case-sensitive disk
    else:
        _pair(tmp_path / "JPEGImages", "x.jpg", tmp_path / "Annotations")
        _image(tmp_path / "images" / "x.jpg")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == layout and _said(dataset) == []
