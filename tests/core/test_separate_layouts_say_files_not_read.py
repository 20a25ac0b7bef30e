"""A layout with separate folders (VOC devkit, Oxford, images + Annotations) reads its images folder and its
annotations folder only: a photo+XML pair at the top of the dataset, or labelImg's XML saved beside its
photo in ``JPEGImages/``, was left out of every figure, and no problem line named it ("problems 0")."""

from __future__ import annotations

import os

from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import compute_stats
from tests.cli.helpers import oxford_layout

XML = "<annotation><filename>{}</filename></annotation>"


def _image(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (6, 4)).save(path)


def test_files_a_devkit_does_not_read_are_named(tmp_path):
    _image(tmp_path / "JPEGImages" / "day" / "x.jpg")
    (tmp_path / "Annotations" / "day").mkdir(parents=True)
    (tmp_path / "Annotations" / "day" / "x.xml").write_text(XML.format("x.jpg"))
    (tmp_path / "JPEGImages" / "day" / "x.xml").write_text(XML.format("x.jpg"))  # labelImg's save beside it
    _image(tmp_path / "loose.jpg")
    (tmp_path / "loose.xml").write_text(XML.format("loose.jpg"))
    (tmp_path / "labelmap.txt").write_text("cat\n")  # a CVAT export's: no image, no annotation
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "voc-devkit" and len(dataset) == 1
    beside = "not read: this layout reads images from JPEGImages/ and annotations from Annotations/ only"
    assert [(problem.path, problem.what, problem.folder) for problem in dataset.problems] == [
        (str(tmp_path / "JPEGImages" / "day" / "x.xml"), "annotation file in the images folder, not read: this "
         f"layout reads annotations from {os.path.join('Annotations', 'day', '')}", False),
        (str(tmp_path / "loose.jpg"), beside, False), (str(tmp_path / "loose.xml"), beside, False)]
    stats = compute_stats(dataset, check_images=False)  # `petloc stats` prints them
    assert {problem.path for problem in dataset.problems} <= {problem.path for problem in stats.problems}


def test_an_oxford_folder_names_a_photo_at_its_top(tmp_path):
    oxford_layout(tmp_path, ["Abyssinian_1"], 6, 4)
    _image(tmp_path / "Abyssinian_2.jpg")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "oxford"
    assert [(problem.path, problem.what) for problem in dataset.problems] == [
        (str(tmp_path / "Abyssinian_2.jpg"), "not read: this layout reads images from images/ and annotations "
         "from annotations/xmls/ only")]


def test_a_devkit_holding_nothing_else_says_nothing(tmp_path):
    _image(tmp_path / "JPEGImages" / "x.jpg")
    (tmp_path / "Annotations").mkdir()
    (tmp_path / "Annotations" / "x.xml").write_text(XML.format("x.jpg"))
    (tmp_path / "ImageSets" / "Main").mkdir(parents=True)
    (tmp_path / "ImageSets" / "Main" / "train.txt").write_text("x\n")
    _image(tmp_path / "SegmentationClass" / "x.png")  # VOC2012's masks: another folder, not read nor named
    assert open_dataset(tmp_path).problems == []
