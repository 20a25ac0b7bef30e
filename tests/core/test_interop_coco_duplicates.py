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


def _base_name_problem(path, index, others):
    image = path.parent / "images" / "a.png"
    return (f"{path}: images[{index}]: found {image} only by its base name, and {others} names the same image: "
            "which entry the file is cannot be told (two splits' images of one name are as often two photos); "
            "pass --image-root so that each finds its own file; not converted")


def test_names_found_only_by_base_name_are_not_converted_for_they_may_be_two_photos(tmp_path):
    path = _coco(tmp_path, [{"id": 1, "file_name": "train/a.png"}, {"id": 2, "file_name": "val/a.png"},
                            {"id": 3, "file_name": "b.png"}],
                 [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [60, 5, 9, 9]), _box(3, 3, 1, [1, 1, 5, 5])])
    report = ConversionReport()
    assert [r.relative for r in read_coco(path, report)] == ["b.png"]
    assert report.problems == [_base_name_problem(path, 0, "images[1] ('val/a.png')"),
                               _base_name_problem(path, 1, "images[0] ('train/a.png')")]
    assert (report.skipped_images, report.skipped_objects, report.merged, report.warnings) == (2, 2, 0, [])


def test_an_entry_found_by_its_own_path_is_kept_beside_a_base_name_guess(tmp_path):
    path = _coco(tmp_path, [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "val/a.png"}],
                 [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [60, 5, 9, 9])])
    report = ConversionReport()
    [record] = read_coco(path, report)
    assert record.relative == "a.png" and [o.label for o in record.objects] == ["cat"]
    assert report.problems == [_base_name_problem(path, 1, "images[0] ('a.png')")]
    assert (report.skipped_images, report.merged, report.warnings) == (1, 0, [])


def test_one_file_written_two_ways_is_one_image_and_its_boxes_merged(tmp_path):
    # "./a.png", "images/a.png" (from the JSON's folder) and "a.png" all find images/a.png by their own path.
    for case, names in enumerate((["a.png", "./a.png"], ["a.png", "images/a.png"], ["images\\a.png", "images/a.png"])):
        path = _coco(tmp_path / str(case),
                     [{"id": 1, "file_name": names[0]}, {"id": 2, "file_name": names[1]}],
                     [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [60, 5, 9, 9])])
        report = ConversionReport()
        [record] = read_coco(path, report)
        assert [o.label for o in record.objects] == ["cat", "dog"], names
        assert report.problems == [] and report.merged == 1


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


def test_an_entry_stating_the_wrong_size_is_left_out_and_the_right_one_kept_unmerged(tmp_path):
    # The file's own size tells which entry is it: the other is left out for its size, nothing is merged.
    for first_size in ({"width": 100, "height": 50}, {}):
        path = _coco(tmp_path / str(len(first_size)), [{"id": 1, "file_name": "a.png", **first_size},
                                                       {"id": 2, "file_name": "a.png", "width": 50, "height": 100},
                                                       {"id": 3, "file_name": "b.png", "width": 100, "height": 50}],
                     [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [5, 10, 30, 30])])
        report = ConversionReport()
        records = read_coco(path, report)
        assert [r.relative for r in records] == ["a.png", "b.png"]
        assert [o.label for o in records[0].objects] == ["cat"]
        [problem] = report.problems
        assert problem.startswith(f"{path}: images[1]: says 50x100 but a.png is 100x50")
        assert (report.skipped_images, report.merged, report.warnings) == (1, 0, [])


def test_one_box_merged_is_said_in_the_singular(tmp_path):
    path = _coco(tmp_path, [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "a.png"}],
                 [_box(1, 1, 1, [10, 10, 20, 20])])
    report = ConversionReport()
    read_coco(path, report)
    [warning] = report.warnings
    assert warning.endswith("their 1 box is merged into its one VOC file")


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


def test_one_server_path_listed_twice_is_merged_though_found_by_base_name(tmp_path):
    # Label Studio writes server paths (/data/upload/1/a.png), found by their base name: the same name
    # twice is one image, not two photos that may differ.
    path = _coco(tmp_path, [{"id": 1, "file_name": "/data/upload/1/a.png"},
                            {"id": 2, "file_name": "/data/upload/1/a.png"}],
                 [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [60, 5, 9, 9])])
    report = ConversionReport()
    [record] = read_coco(path, report)
    assert [o.label for o in record.objects] == ["cat", "dog"]
    assert report.problems == [] and report.merged == 1 and len(report.warnings) == 1


def test_two_spellings_of_one_server_path_are_one_name(tmp_path):
    # "/data/x/a.png" and "data/x/a.png", "./x/a.png" and "x/a.png": one path as the look-up reads it.
    for case, names in enumerate((["/data/x/a.png", "data/x/a.png"], ["./x/a.png", "x/a.png"])):
        path = _coco(tmp_path / str(case), [{"id": 1, "file_name": names[0]}, {"id": 2, "file_name": names[1]}],
                     [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [60, 5, 9, 9])])
        report = ConversionReport()
        [record] = read_coco(path, report)
        assert [o.label for o in record.objects] == ["cat", "dog"], names
        assert report.problems == [] and report.merged == 1


def test_two_server_folders_found_by_one_base_name_are_both_left_out(tmp_path):
    path = _coco(tmp_path, [{"id": 1, "file_name": "/data/upload/1/a.png"},
                            {"id": 2, "file_name": "/data/upload/2/a.png"}],
                 [_box(1, 1, 1, [10, 10, 20, 20]), _box(2, 2, 2, [60, 5, 9, 9])])
    report = ConversionReport()
    assert read_coco(path, report) == [] and len(report.problems) == 2 and report.merged == 0
