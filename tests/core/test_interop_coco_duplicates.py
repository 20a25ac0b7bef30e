"""COCO entries that are one image file: their boxes go into one VOC file, none is lost; entries
that only found one file by base name may be two photos, so neither is converted.

Two entries naming a.jpg (or train/001.jpg and val/001.jpg, both found as
images/001.jpg by base name) were written one after the other: the second
replaced the first's VOC file (--overwrite: its boxes silently gone) or was
kept out with "exists; left untouched", about a file this same run wrote.
"""

from __future__ import annotations

import json

from petloc_gui.cli.main import main
from petloc_gui.core.boxes import Box
from petloc_gui.core.interop import ConversionReport, ImageRecord, LabelledBox, read_coco, write_voc_records
from tests.cli.helpers import write_image
from tests.core.interop_helpers import voc_boxes

CATEGORIES = [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}]


def _coco(tmp_path, images, annotations):
    folder = tmp_path / "src"
    (folder / "images").mkdir(parents=True)
    write_image(folder / "images" / "a.png", 100, 50)
    write_image(folder / "images" / "b.png", 100, 50)
    path = folder / "annotations.json"
    path.write_text(json.dumps({"images": images, "annotations": annotations, "categories": CATEGORIES}))
    return path


def _box(ann_id, image_id, category_id, bbox):
    return {"id": ann_id, "image_id": image_id, "category_id": category_id, "bbox": bbox}


SAME_NAME = [{"id": 1, "file_name": "a.png", "width": 100, "height": 50},
             {"id": 2, "file_name": "a.png", "width": 100, "height": 50},
             {"id": 3, "file_name": "b.png"}]
SAME_NAME_BOXES = [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [50, 10, 30, 30]),
                   _box(3, 3, 2, [1, 1, 10, 10])]


def test_entries_naming_one_file_have_their_boxes_merged(tmp_path):
    path = _coco(tmp_path, SAME_NAME, SAME_NAME_BOXES)
    report = ConversionReport()
    records = read_coco(path, report)
    assert [r.relative for r in records] == ["a.png", "b.png"]
    assert [(o.label, o.box.as_tuple()) for o in records[0].objects] == [
        ("cat", (10.0, 10.0, 30.0, 30.0)), ("dog", (50.0, 10.0, 80.0, 40.0))]
    assert report.problems == [] and report.merged == 1
    assert report.warnings == [f"{path}: images[0] ('a.png') and images[1] ('a.png') are the same image "
                               f"{path.parent / 'images' / 'a.png'}; their 2 boxes are merged into its one VOC file"]


def test_convert_writes_both_boxes_and_calls_nothing_it_wrote_existing(tmp_path, capsys):
    path = _coco(tmp_path, SAME_NAME, SAME_NAME_BOXES)
    for out, extra in ((tmp_path / "voc", []), (tmp_path / "voc2", ["--overwrite"])):
        assert main(["convert", str(path), "--from", "coco", str(out), "--json", *extra]) == 0
        summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert voc_boxes(out)["a.png"] == [("cat", (10.0, 10.0, 30.0, 30.0)), ("dog", (50.0, 10.0, 80.0, 40.0))]
        assert (summary["images"], summary["objects"], summary["merged"], summary["kept_existing"]) == (2, 3, 1, 0)
        assert not any("exists" in line for line in summary["warnings"] + summary["problems"])


def test_names_found_only_by_base_name_are_not_converted_for_they_may_be_two_photos(tmp_path):
    path = _coco(tmp_path, [{"id": 1, "file_name": "train/a.png"}, {"id": 2, "file_name": "val/a.png"},
                            {"id": 3, "file_name": "b.png"}],
                 [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [60, 5, 9, 9]), _box(3, 3, 1, [1, 1, 5, 5])])
    report = ConversionReport()
    assert [r.relative for r in read_coco(path, report)] == ["b.png"]
    image = path.parent / "images" / "a.png"
    assert report.problems == [
        f"{path}: images[0]: names the same image {image} as images[1] ('val/a.png'), and their names differ "
        "(the file was found by base name): which entry the file is cannot be told; pass --image-root so that "
        "each finds its own file; not converted",
        f"{path}: images[1]: names the same image {image} as images[0] ('train/a.png'), and their names differ "
        "(the file was found by base name): which entry the file is cannot be told; pass --image-root so that "
        "each finds its own file; not converted"]
    assert (report.skipped_images, report.skipped_objects, report.merged, report.warnings) == (2, 2, 0, [])


def test_a_box_listed_under_two_entries_of_one_name_counts_once(tmp_path):
    path = _coco(tmp_path, [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "a.png"}],
                 [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 1, [10, 10, 20, 20]), _box(3, 2, 2, [60, 5, 9, 9])])
    report = ConversionReport()
    [record] = read_coco(path, report)
    assert [o.label for o in record.objects] == ["cat", "dog"]
    [warning] = report.warnings
    assert "images[0] ('a.png') and images[1] ('a.png') are the same image" in warning
    assert warning.endswith("their 2 boxes (1 box listed under more than one of them counted once) are merged "
                            "into its one VOC file")


def test_entries_of_one_file_stating_different_sizes_are_not_converted(tmp_path):
    path = _coco(tmp_path, [{"id": 1, "file_name": "a.png", "width": 100, "height": 50},
                            {"id": 2, "file_name": "x/a.png", "width": 640, "height": 480},
                            {"id": 3, "file_name": "b.png", "width": 100, "height": 50}],
                 [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [50, 10, 30, 30])])
    report = ConversionReport()
    assert [r.relative for r in read_coco(path, report)] == ["b.png"]
    assert report.problems[0].startswith(f"{path}: images[1]: says 640x480 but a.png is 100x50")
    assert report.problems[1] == (f"{path}: images[0]: names the same image {path.parent / 'images' / 'a.png'} "
                                  "as images[1] ('x/a.png'), and their sizes differ (100x50, 640x480): which "
                                  "entry the file is cannot be told; not converted")
    assert (report.skipped_images, report.skipped_objects, report.merged) == (2, 2, 0)


def test_a_record_given_twice_to_the_voc_writer_is_a_problem_not_an_existing_file(tmp_path):
    image = write_image(tmp_path / "a.png", 40, 30)
    records = [ImageRecord(image, "a.png", 40, 30, True, [LabelledBox(label, Box(1, 1, 9, 9))])
               for label in ("cat", "dog")]
    report = write_voc_records(records, tmp_path / "voc")
    assert voc_boxes(tmp_path / "voc")["a.png"] == [("cat", (1.0, 1.0, 9.0, 9.0))]
    assert report.warnings == [] and report.kept_existing == 0
    assert report.problems == [f"{image}: listed twice; its VOC file a.xml is written from the first record "
                               "only, this one's boxes are left out"]
    assert (report.images, report.skipped_images, report.skipped_objects) == (1, 1, 1)
