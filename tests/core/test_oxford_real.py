"""The real Oxford-IIIT Pet subset in ../shared (read-only; edits go to copies)."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from lxml import etree

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.images import image_size
from petloc_gui.core.voc import read_voc, write_voc

from .xml_compare import differences, parse

pytestmark = pytest.mark.shared


def test_every_real_xml_parses_and_matches_its_image(oxford_dir):
    xmls = sorted((oxford_dir / "annotations" / "xmls").glob("*.xml"))
    assert len(xmls) > 200
    for path in xmls:
        annotation = read_voc(path)
        image = oxford_dir / "images" / annotation.filename
        assert annotation.size == image_size(image), path.name
        assert annotation.objects, path.name
        assert all(obj.name in ("cat", "dog") for obj in annotation.objects)
        assert annotation.problems == [], (path.name, annotation.problems)


def test_edit_one_box_in_a_copy_keeps_everything_else(oxford_dir, tmp_path):
    for source in sorted((oxford_dir / "annotations" / "xmls").glob("*.xml"))[::5]:
        copy = tmp_path / source.name
        shutil.copy(source, copy)
        annotation = read_voc(copy)
        first = annotation.objects[0]
        moved = first.box.translated(-1, -1)
        annotation.objects[0] = dataclasses.replace(first, box=moved)
        write_voc(annotation, copy)
        diffs = differences(parse(source), parse(copy))
        assert {d.split(": ")[0].rsplit("/", 1)[-1].split("[")[0] for d in diffs} == {
            "xmin", "ymin", "xmax", "ymax"}, diffs
        assert read_voc(copy).objects[0].box == Box(*moved.rounded())
        # Unchanged round trip: equal annotation.
        write_voc(read_voc(copy), tmp_path / "again.xml")
        assert read_voc(tmp_path / "again.xml") == read_voc(copy)


def test_real_oxford_folder_indexes(oxford_dir):
    dataset = open_dataset(oxford_dir)
    assert dataset.layout == "oxford" and len(dataset) == 540
    xml_count = len(list((oxford_dir / "annotations" / "xmls").glob("*.xml")))
    assert dataset.annotated_count == xml_count == 236
    splits = {item.split for item in dataset}
    assert splits <= {"trainval", "test", None} and {"trainval", "test"} <= splits
    test_items = [item for item in dataset if item.split == "test"]
    assert test_items and not any(item.has_annotation for item in test_items)
    by_name = {item.image_path.name: item for item in dataset}
    assert by_name["Abyssinian_1.jpg"].meta == {"breed": "Abyssinian", "species": "cat",
                                                 "class_id": 1, "breed_id": 1}
    assert by_name["american_bulldog_100.jpg"].meta["species"] == "dog"
    names = [item.image_path.name for item in dataset]
    assert names.index("Abyssinian_2.jpg") < names.index("Abyssinian_10.jpg")
    assert dataset.find(oxford_dir / "images" / "Bengal_10.jpg") is by_name["Bengal_10.jpg"]
    # Opening the images/ folder opens the whole dataset.
    assert open_dataset(oxford_dir / "images").root == dataset.root


def test_size_missing_in_oxford_copy_is_found_in_images_folder(oxford_copy):
    path = oxford_copy / "annotations" / "xmls" / "Bengal_10.xml"
    tree = parse(path)
    tree.remove(tree.find("size"))
    path.write_bytes(etree.tostring(tree))
    annotation = read_voc(path)
    assert annotation.size == image_size(oxford_copy / "images" / "Bengal_10.jpg")
    assert any("size missing" in p for p in annotation.problems)


def test_new_annotation_goes_where_the_layout_says(oxford_copy):
    from petloc_gui.core.voc import VocObject, new_annotation

    (oxford_copy / "annotations" / "xmls" / "Abyssinian_1.xml").unlink()
    dataset = open_dataset(oxford_copy)
    item = dataset.find(oxford_copy / "images" / "Abyssinian_1.jpg")
    assert not item.has_annotation
    assert item.annotation_path == dataset.annotation_path_for(item.image_path)
    annotation = new_annotation(item.image_path, *image_size(item.image_path))
    annotation.objects.append(VocObject("cat", Box(10, 10, 50, 50)))
    write_voc(annotation, item.annotation_path)
    assert item.refresh() and open_dataset(oxford_copy).annotated_count == 3


def test_two_object_file_delete_one_keeps_the_other_exactly(oxford_dir, tmp_path):
    # The README mentions Bengal_105.xml with two objects; this subset has no
    # such file, so one is made from a real file by adding a second head.
    import copy as copying

    source = tmp_path / "source.xml"
    tree = parse(oxford_dir / "annotations" / "xmls" / "Bengal_10.xml")
    second = copying.deepcopy(tree.find("object"))
    for tag in ("xmin", "ymin", "xmax", "ymax"):
        element = second.find(f"bndbox/{tag}")
        element.text = str(int(element.text) // 2)
    tree.find("object").addnext(second)
    source.write_bytes(etree.tostring(tree))
    work = tmp_path / "Bengal_10.xml"
    shutil.copy(source, work)
    annotation = read_voc(work, image_path=oxford_dir / "images" / "Bengal_10.jpg")
    assert len(annotation.objects) == 2 and annotation.problems == []
    kept = annotation.objects[1]
    del annotation.objects[0]
    write_voc(annotation, work)
    written = parse(work)
    assert len(written.findall("object")) == 1
    assert differences(parse(source).findall("object")[1], written.find("object")) == []
    assert [c.tag for c in written if c.tag != "object"] == [
        c.tag for c in parse(source) if c.tag != "object"]
    assert read_voc(work).objects == [kept]
