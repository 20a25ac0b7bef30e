"""Boxes marked <difficult>1</difficult>: kept through records, counted on export, left out on request."""

from __future__ import annotations

import json

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import ImageRecord, LabelledBox, export_coco, export_yolo, write_voc_records
from petloc_gui.core.interop.records import ConversionReport, read_dataset_records
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import run_cli, write_image
from tests.core.interop_helpers import write_voc_image


def _mark_difficult(xml, index: int) -> None:
    """Set <difficult>1</difficult> on the ``index``-th object (from 0) of a helper-written file."""
    parts = xml.read_text().split("<difficult>0</difficult>")
    marks = ["<difficult>1</difficult>" if i == index else "<difficult>0</difficult>" for i in range(len(parts) - 1)]
    xml.write_text("".join(part + mark for part, mark in zip(parts, [*marks, ""], strict=True)))


@pytest.fixture
def with_difficult(tmp_path):
    """two.png: cat, and dog marked difficult; hard.png: only a difficult dog; easy.png: a cat."""
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "two.png", 40, 30, [("cat", (5, 5, 20, 20)), ("dog", (20, 10, 39, 29))])
    _mark_difficult(folder / "two.xml", 1)
    write_voc_image(folder, "hard.png", 40, 30, [("dog", (2, 2, 30, 20))])
    _mark_difficult(folder / "hard.xml", 0)
    write_voc_image(folder, "easy.png", 40, 30, [("cat", (1, 1, 9, 9))])
    return folder


def test_the_helper_marks_the_object_asked(with_difficult):
    assert [o.difficult for o in read_voc(with_difficult / "two.xml").objects] == [False, True]
    assert [o.difficult for o in read_voc(with_difficult / "hard.xml").objects] == [True]


def test_records_keep_the_mark(with_difficult):
    report = ConversionReport()
    records = {r.relative: r for r in read_dataset_records(open_dataset(with_difficult), report)}
    assert [o.difficult for o in records["two.png"].objects] == [False, True]
    assert [o.difficult for o in records["hard.png"].objects] == [True]


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_export_keeps_difficult_boxes_by_default_and_a_warning_counts_them(with_difficult, tmp_path, export):
    report = export(open_dataset(with_difficult), tmp_path / "out")
    assert report.problems == [] and (report.images, report.objects) == (3, 4)
    assert f"{with_difficult}: 2 boxes marked difficult (e.g. in hard.xml) exported as ordinary boxes: YOLO " \
           "and COCO have no such mark, so trainers learn them like the others. Pass --skip-difficult to " \
           "leave them out, as Ultralytics' own VOC converter does" in report.warnings


def test_coco_export_skips_difficult_boxes_and_an_image_with_only_such_boxes(with_difficult, tmp_path):
    report = export_coco(open_dataset(with_difficult), tmp_path / "out", skip_difficult=True)
    document = json.loads((tmp_path / "out" / "annotations.json").read_text())
    # hard.png left out whole: listed without its box it would be background where a dog is.
    assert sorted(image["file_name"] for image in document["images"]) == ["easy.png", "two.png"]
    assert len(document["annotations"]) == 2
    assert (report.images, report.objects, report.skipped_images, report.skipped_objects) == (2, 2, 1, 2)
    assert f"{with_difficult}: 2 boxes marked difficult (e.g. in hard.xml) left out (--skip-difficult), and " \
           "1 image that had only such boxes" in report.warnings


def test_import_writes_the_mark_a_record_carries(tmp_path):
    image = write_image(tmp_path / "a.png", 40, 30)
    record = ImageRecord(image, "a.png", 40, 30, annotated=True,
                         objects=[LabelledBox("cat", Box(1, 1, 9, 9)), LabelledBox("dog", Box(5, 5, 30, 20), True)])
    write_voc_records([record], tmp_path / "out")
    assert [o.difficult for o in read_voc(tmp_path / "out" / "a.xml").objects] == [False, True]



def test_the_command_line_option(with_difficult, tmp_path, capsys):
    code, _, err = run_cli(capsys, "convert", with_difficult, "--to", "coco", tmp_path / "c", "--skip-difficult")
    assert code == 0 and "left out (--skip-difficult)" in err
    code, _, err = run_cli(capsys, "convert", tmp_path / "c", "--from", "coco", tmp_path / "v", "--skip-difficult")
    assert code == 2 and "--skip-difficult is for --to" in err
    code, _, err = run_cli(capsys, "convert", with_difficult, "--to", "yolo", tmp_path / "y", "--skip-difficult")
    assert code == 0 and sorted(p.name for p in (tmp_path / "y" / "labels").iterdir()) == ["easy.txt", "two.txt"]
    assert len((tmp_path / "y" / "labels" / "two.txt").read_text().splitlines()) == 1
