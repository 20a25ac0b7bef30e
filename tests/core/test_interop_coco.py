"""COCO export and import (core.interop): pycocotools agrees, and every kind of bad entry."""

from __future__ import annotations

import json

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop import ConversionReport, export_coco, read_coco, write_voc_records
from tests.cli.helpers import voc_xml, write_image
from tests.core.interop_helpers import (
    assert_same_boxes,
    forbid_decoding,
    non_utf8_name,
    voc_boxes,
)


def test_export_is_read_by_pycocotools_with_the_same_boxes(small_voc, tmp_path, monkeypatch):
    coco_api = pytest.importorskip("pycocotools.coco", reason="pycocotools is in the test extra")
    forbid_decoding(monkeypatch)
    out = tmp_path / "coco"
    report = export_coco(open_dataset(small_voc), out)
    assert report.problems == []
    assert (report.images, report.annotated, report.objects) == (5, 4, 4)
    coco = coco_api.COCO(str(out / "annotations.json"))
    assert {c["name"] for c in coco.loadCats(coco.getCatIds())} == {"cat", "dog"}
    expected = voc_boxes(small_voc)
    by_name = {img["file_name"]: img for img in coco.loadImgs(coco.getImgIds())}
    # Every image is listed; annotated-but-empty and never-annotated alike have no annotations.
    assert sorted(by_name) == ["a.png", "e.png", "r.jpg", "sub/s.png", "u.png"]
    assert (by_name["r.jpg"]["width"], by_name["r.jpg"]["height"]) == (40, 60)  # EXIF applied
    for file_name, image in by_name.items():
        anns = coco.loadAnns(coco.getAnnIds(imgIds=[image["id"]]))
        got = [(coco.loadCats(a["category_id"])[0]["name"],
                (a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]))
               for a in anns]
        for a in anns:
            assert a["iscrowd"] == 0 and a["area"] == pytest.approx(a["bbox"][2] * a["bbox"][3])
        want = expected.get(file_name.rsplit("/", 1)[-1], [])
        assert_same_boxes({file_name: want}, {file_name: got}, tolerance=0.001)
        assert (out / "images" / file_name).is_file()


def test_round_trip_keeps_boxes_and_labels(small_voc, tmp_path):
    coco, back = tmp_path / "coco", tmp_path / "back"
    export_coco(open_dataset(small_voc), coco)
    report = ConversionReport()
    write_voc_records(read_coco(coco, report), back, report=report)
    assert report.problems == []
    expected = voc_boxes(small_voc)
    # COCO cannot say "checked, nothing there": e.png comes back unannotated.
    del expected["e.png"]
    assert_same_boxes(expected, voc_boxes(back))
    assert not (back / "e.xml").exists() and (back / "e.png").is_file()


def test_an_image_name_json_cannot_hold_is_a_problem_and_the_rest_is_written(small_voc, tmp_path):
    odd = non_utf8_name(small_voc)
    write_image(small_voc / f"{odd}.png", 40, 30)
    # <filename> cannot hold the name either; readers match the XML by its own file name.
    (small_voc / f"{odd}.xml").write_text(voc_xml("caf.png", 40, 30, [("cat", (5, 5, 20, 20))]))
    out = tmp_path / "coco"
    report = export_coco(open_dataset(small_voc), out)
    assert report.problems == [f"{small_voc / odd}.png: file name is not valid UTF-8, so a COCO "
                               "file_name cannot name it; rename the file; image left out"]
    assert report.images == 5 and report.skipped_images == 1
    document = json.loads((out / "annotations.json").read_text(encoding="utf-8"))
    assert len(document["images"]) == 5 and not (out / "images" / f"{odd}.png").exists()


def _coco(tmp_path, annotations, images=None, categories=None):
    folder = tmp_path / "src"
    (folder / "images").mkdir(parents=True)
    write_image(folder / "images" / "a.png", 100, 50)
    write_image(folder / "images" / "b.png", 100, 50)
    write_image(folder / "images" / "c.png", 100, 50)
    document = {
        "images": images if images is not None else [
            {"id": 1, "file_name": "a.png", "width": 100, "height": 50},
            {"id": 2, "file_name": "b.png", "width": 100, "height": 50},
            {"id": 3, "file_name": "gone.png", "width": 100, "height": 50},
            {"id": 4, "file_name": "c.png", "width": 50, "height": 100},
        ],
        "annotations": annotations,
        "categories": categories if categories is not None else [
            {"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}],
    }
    path = folder / "instances.json"
    path.write_text(json.dumps(document))
    return path


def test_bad_entries_are_named_and_the_rest_converted(tmp_path):
    path = _coco(tmp_path, [
        {"id": 10, "image_id": 1, "category_id": 1, "bbox": [10, 5, 20, 10]},   # fine
        {"id": 11, "image_id": 1, "category_id": 9, "bbox": [10, 5, 20, 10]},   # unknown category
        {"id": 12, "image_id": 1, "category_id": 2, "bbox": [90, 5, 30, 10]},   # 20 px outside
        {"id": 13, "image_id": 1, "category_id": 2, "bbox": [1, 2, 3]},         # malformed
        {"id": 14, "image_id": 77, "category_id": 2, "bbox": [1, 2, 3, 4]},     # unknown image
        {"id": 15, "image_id": 3, "category_id": 2, "bbox": [1, 2, 3, 4]},      # image missing
        {"id": 16, "image_id": 1, "category_id": 2, "bbox": [0, 0, 100, 50.4]},  # edge: clamped
        {"id": 17, "image_id": 1, "category_id": 2, "bbox": [1, 1, 5, 5], "iscrowd": 1},
    ])
    report = ConversionReport()
    records = {r.relative: r for r in read_coco(path, report)}
    problems = "\n".join(report.problems)
    assert f"{path}: annotations[1] (id 11): category_id 9" in problems
    assert f"{path}: annotations[2] (id 12): bbox [90, 5, 30, 10] lies outside" in problems
    assert f"{path}: annotations[3] (id 13): bbox must be 4 numbers" in problems
    assert f"{path}: annotations[4] (id 14): image_id 77" in problems
    assert f"{path}: images[2]: image 'gone.png' not found" in problems
    assert f"{path}: images[3]: says 50x100 but c.png is 100x50" in problems and "swapped" in problems
    # A crowd region is no entry's mistake: one warning counts them (COCO train2017 has ~9,000).
    assert "iscrowd" not in problems
    assert report.warnings == [f"{path}: 1 iscrowd=1 region left out (e.g. annotations[7] (id 17)): a crowd "
                               "region covers a group of objects, and VOC has one box per object"]
    assert len(report.problems) == 6 and report.skipped_objects == 6
    assert sorted(records) == ["a.png", "b.png"]
    assert [(o.label, o.box.as_tuple()) for o in records["a.png"].objects] == [
        ("cat", (10.0, 5.0, 30.0, 15.0)), ("dog", (0.0, 0.0, 100.0, 50.0))]
    assert records["b.png"].annotated is False  # listed with no annotations


def test_a_category_id_used_twice_keeps_its_first_name_with_a_problem(tmp_path):
    path = _coco(tmp_path, [{"id": 10, "image_id": 1, "category_id": 1, "bbox": [10, 5, 20, 10]}],
                 categories=[{"id": 1, "name": "cat"}, {"id": 1, "name": "dog"},
                             {"id": 1, "name": "cat"}])  # the same entry again says nothing new
    report = ConversionReport()
    records = {r.relative: r for r in read_coco(path, report)}
    assert [o.label for o in records["a.png"].objects] == ["cat"]
    assert [p for p in report.problems if "categories" in p] == [
        f"{path}: categories[1]: category id 1 is used twice ('cat', then 'dog'); its boxes are "
        "read as 'cat', this entry is ignored"]


def test_a_size_written_as_a_numeric_string_is_taken_and_any_other_is_named(tmp_path):
    path = _coco(tmp_path, [], images=[
        {"id": 1, "file_name": "a.png", "width": "100", "height": "50"},
        {"id": 2, "file_name": "b.png", "width": "wide", "height": 50.5}])
    report = ConversionReport()
    assert [r.relative for r in read_coco(path, report)] == ["a.png"]
    assert report.problems == [f"{path}: images[1]: width and height must be whole numbers, got "
                               "'wide' and 50.5; image not converted"]


def test_a_size_too_large_for_a_float_is_a_mismatch_not_an_error(tmp_path):
    huge = 10 ** 400
    path = _coco(tmp_path, [], images=[{"id": 1, "file_name": "a.png", "width": 100, "height": 50},
                                       {"id": 2, "file_name": "b.png", "width": huge, "height": 50}])
    report = ConversionReport()
    assert [r.relative for r in read_coco(path, report)] == ["a.png"]
    assert report.problems == [f"{path}: images[1]: says {huge}x50 but b.png is 100x50 as displayed; "
                               "its boxes cannot be trusted, image not converted"]


def test_not_coco_is_a_clear_error(tmp_path):
    (tmp_path / "x.json").write_text("{not json")
    with pytest.raises(DatasetError, match="not valid JSON"):
        read_coco(tmp_path / "x.json", ConversionReport())
    (tmp_path / "x.json").write_text('{"annotations": []}')
    with pytest.raises(DatasetError, match="no `images` list"):
        read_coco(tmp_path, ConversionReport())


def test_file_names_cannot_escape_the_image_folders(tmp_path):
    secret = tmp_path / "secret.png"
    write_image(secret, 10, 10)
    path = _coco(tmp_path, [], images=[{"id": 1, "file_name": "../../secret.png"},
                                        {"id": 2, "file_name": str(secret)}])
    report = ConversionReport()
    records = read_coco(path, report, images_dir=tmp_path / "src" / "images")
    assert records == []
    assert report.skipped_images == 2
    assert "climbs out of the image folders" in report.problems[0]  # said as it is, not "not found"
    assert "not found" in report.problems[1]


def test_server_paths_fall_back_to_the_base_name(tmp_path):
    path = _coco(tmp_path, [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 4, 4]}],
                 images=[{"id": 1, "file_name": "/data/upload/7/a.png", "width": 100, "height": 50}])
    report = ConversionReport()
    records = read_coco(path, report)
    assert report.problems == [] and [r.relative for r in records] == ["a.png"]


def test_a_polygon_without_a_bbox_gets_its_bounding_box_and_a_mask_one_is_named(tmp_path):
    path = _coco(tmp_path, [
        {"id": 4, "image_id": 1, "category_id": 1, "iscrowd": 0,
         "segmentation": [[10, 10, 60, 12, 40, 30], [5, 20, 8, 22, 6, 25]]},           # two parts
        {"id": 5, "image_id": 2, "category_id": 2, "segmentation": {"counts": [0, 10], "size": [50, 100]}},
        {"id": 6, "image_id": 2, "category_id": 2, "bbox": [1, 2, 3, 4], "segmentation": [[0, 0, 9, 9, 0, 9]]},
    ])
    report = ConversionReport()
    records = {r.relative: r for r in read_coco(path, report)}
    assert [o.box.as_tuple() for o in records["a.png"].objects] == [(5.0, 10.0, 60.0, 30.0)]
    assert [o.box.as_tuple() for o in records["b.png"].objects] == [(1.0, 2.0, 4.0, 6.0)]  # bbox wins
    assert report.warnings == [f"{path}: 1 annotation with a polygon `segmentation` but no `bbox` (e.g. "
                               "annotations[0] (id 4)) got the bounding box of the polygon"]
    entry_problems = [p for p in report.problems if "annotations" in p]
    assert entry_problems == [f"{path}: annotations[1] (id 5): no `bbox`, and its `segmentation` is a "
                              "run-length mask (petloc takes the box of a polygon `[[x1, y1, x2, y2, ...]]`, "
                              "not of a mask); left out"]


def test_export_warns_about_unannotated_and_checked_empty_images_as_yolo_export_does(small_voc, tmp_path):
    report = export_coco(open_dataset(small_voc), tmp_path / "coco")
    target = tmp_path / "coco" / "annotations.json"
    # u.png: nobody annotated it; e.png: checked, nothing there. COCO lists both with no annotations.
    assert report.warnings == [
        f"{target}: 1 image without an annotation was listed with no annotations; detectron2 and MMDetection "
        "drop such images by default, other trainers train on them as background (no objects). Use "
        "--annotated-only to leave them out",
        f"{target}: 1 image annotated as \"checked, nothing there\" is listed with no annotations, which COCO "
        "cannot tell from \"not annotated yet\": read back (--from coco), they get no VOC file"]
    report = export_coco(open_dataset(small_voc), tmp_path / "only", annotated_only=True)
    assert len(report.warnings) == 1 and "checked, nothing there" in report.warnings[0]


def test_a_polygon_entry_left_out_is_a_problem_not_also_a_box_it_got(tmp_path):
    path = _coco(tmp_path, [
        {"id": 7, "image_id": 1, "category_id": 1, "segmentation": [[10, 10, 60, 10, 40, 10]]},   # no height
        {"id": 8, "image_id": 2, "category_id": 1, "segmentation": [[10, 10, 260, 12, 40, 30]]},  # past the edge
        {"id": 9, "image_id": 2, "category_id": 1, "segmentation": [[10, 10, 60, 12, 40, 30]]},
    ])
    report = ConversionReport()
    read_coco(path, report)
    assert [p.split(": ", 2)[1] for p in report.problems if "annotations[" in p] == [
        "annotations[0] (id 7)", "annotations[1] (id 8)"]
    assert [w for w in report.warnings if "polygon" in w] == [
        f"{path}: 1 annotation with a polygon `segmentation` but no `bbox` (e.g. annotations[2] (id 9)) got the "
        "bounding box of the polygon"]
