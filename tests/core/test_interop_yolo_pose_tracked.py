"""YOLO import of Ultralytics' other long lines, read as Ultralytics reads them: a pose dataset's
`class cx cy w h` + keypoints (data.yaml kpt_shape) is a box, not a polygon; a tracked prediction
`class cx cy w h conf id` (save_txt with save_conf) is a box and a pre-label; 7 values ending in 1,
either a tracked prediction or a triangle, follow the folder, then the file, and are refused, not
guessed, where neither tells."""

from __future__ import annotations

import pytest

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop import ConversionReport, read_yolo
from tests.cli.helpers import write_image


def _folder(tmp_path, labels: dict[str, str], yaml: str | None = None):
    folder = tmp_path / "src"
    folder.mkdir()
    for stem, text in labels.items():
        write_image(folder / f"{stem}.png", 200, 100)
        (folder / f"{stem}.txt").write_text(text)
    if yaml is None:
        (folder / "classes.txt").write_text("cat\ndog\n")
    else:
        (folder / "data.yaml").write_text(yaml)
    return folder


def _boxes(records):
    return {r.relative: [(o.label, o.box.as_tuple()) for o in r.objects] for r in records}


@pytest.mark.parametrize("shape", ["kpt_shape: [2, 2]", "kpt_shape:\n  - 2\n  - 2"])
def test_a_pose_line_is_its_box_and_the_keypoints_are_left_out_with_a_word(tmp_path, shape):
    # 9 values: read as a polygon, the box would be the one around (0.5, 0.5), (0.2, 0.3), (0.45, 0.45), ...
    folder = _folder(tmp_path, {"a": "0 0.5 0.5 0.2 0.3 0.45 0.45 0.55 0.55\n1 0.5 0.5 0.2 0.2\n"},
                     f"{shape}\nnames: [cat, dog]\n")
    report = ConversionReport()
    records = read_yolo(folder, report)
    assert report.problems == []
    assert _boxes(records) == {"a.png": [("cat", (80.0, 35.0, 120.0, 65.0)), ("dog", (80.0, 40.0, 120.0, 60.0))]}
    assert not records[0].prelabel
    assert report.warnings == [
        f"{folder}: 1 label file (e.g. {folder / 'a.txt'}) holds pose labels, `class cx cy w h` and keypoints "
        "(data.yaml kpt_shape): the boxes were read and the keypoints left out (VOC has no field for them)",
        # Ultralytics skips an image of a pose dataset with a line of another length, its boxes with it.
        f"{folder}: 1 label file (e.g. {folder / 'a.txt'}) of this pose dataset holds lines of 5 values, a box "
        "`class cx cy w h` without keypoints: read as boxes here, but Ultralytics requires every line of a pose "
        "dataset to hold the keypoints of its kpt_shape and skips such an image with all its labels ('labels "
        "require ... columns each'). Add the keypoints (zeros for one not seen) before training a pose model "
        "with Ultralytics"]


def test_a_pose_line_of_the_wrong_length_is_refused_naming_kpt_shape(tmp_path):
    folder = _folder(tmp_path, {"a": "0 0.5 0.5 0.2 0.3 0.45 0.45 0.55 0.55 0.9 2 7\n"},
                     "kpt_shape: [2, 2]  # x, y\nnames: [cat, dog]\n")
    report = ConversionReport()
    read_yolo(folder, report)
    assert report.problems[0] == (
        f"{folder / 'a.txt'}:1: expected 9 values, `class cx cy w h` and 2 keypoints of 2 (kpt_shape [2, 2] "
        f"in {folder / 'data.yaml'}; 10 with a confidence, 11 with a track id), got 12: "
        "'0 0.5 0.5 0.2 0.3 0.45 0.45 0.55 0.55 0.9 2 7'; box left out")


def test_pose_predictions_keep_their_box_and_are_pre_labels(tmp_path):
    keypoints = "0.45 0.45 2 0.55 0.55 2"
    folder = _folder(tmp_path, {"conf": f"0 0.5 0.5 0.2 0.3 {keypoints} 0.9\n",      # save_conf
                                "track": f"0 0.5 0.5 0.2 0.2 {keypoints} 0.8 1\n",   # model.track
                                "label": f"0 0.5 0.5 0.2 0.2 {keypoints}\n"},
                     "kpt_shape: [2, 3]\nnames: [cat]\n")
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    assert report.problems == []
    assert _boxes(list(records.values())) == {"conf.png": [("cat", (80.0, 35.0, 120.0, 65.0))],
                                              "track.png": [("cat", (80.0, 40.0, 120.0, 60.0))],
                                              "label.png": [("cat", (80.0, 40.0, 120.0, 60.0))]}
    assert {name: r.prelabel for name, r in records.items()} == {"conf.png": True, "track.png": True,
                                                                 "label.png": False}
    assert report.warnings[0].startswith(f"{folder}: 2 label files (e.g. {folder / 'conf.txt'}) hold a model's "
                                         "predictions, pose lines, `class cx cy w h` and keypoints, followed by a "
                                         "confidence (some also by a track id) (Ultralytics' save_txt with "
                                         "save_conf): the boxes were read and the confidences and ids left out.")
    assert report.warnings[1].startswith(f"{folder}: 3 label files (e.g. {folder / 'conf.txt'}) hold pose "
                                         "labels")


@pytest.mark.parametrize("shape", ["[17, 4]", "[17]", "[a, 2]", "17"])
def test_a_kpt_shape_petloc_cannot_read_is_refused(tmp_path, shape):
    folder = _folder(tmp_path, {"a": "0 0.5 0.5 0.2 0.3\n"}, f"kpt_shape: {shape}\nnames: [cat]\n")
    with pytest.raises(DatasetError, match="kpt_shape"):
        read_yolo(folder, ConversionReport())


def test_tracked_predictions_are_boxes_and_pre_labels(tmp_path):
    folder = _folder(tmp_path, {
        "frame1": "0 0.5 0.5 0.2 0.3 0.9 1\n1 0.25 0.25 0.1 0.1 0.8 2\n",  # id 2 tells: tracked
        "frame2": "0 0.5 0.5 0.2 0.3 0.9 3\n",
    })
    report = ConversionReport()
    records = read_yolo(folder, report)
    assert report.problems == []
    assert _boxes(records) == {"frame1.png": [("cat", (80.0, 35.0, 120.0, 65.0)), ("dog", (40.0, 20.0, 60.0, 30.0))],
                               "frame2.png": [("cat", (80.0, 35.0, 120.0, 65.0))]}
    assert all(r.prelabel for r in records)
    assert report.warnings == [
        f"{folder}: 2 label files (e.g. {folder / 'frame1.txt'}) hold a model's predictions, lines of 7 values "
        "`class cx cy w h confidence id`, tracked (Ultralytics' save_txt with save_conf): the boxes were read and "
        "the confidences and ids left out. The VOC files written from them are marked as unreviewed pre-labels, "
        "as petloc predict --write-voc marks its own, until someone saves them"]


def test_a_folder_of_plain_and_tracked_predictions_names_both(tmp_path):
    folder = _folder(tmp_path, {"plain": "0 0.5 0.5 0.2 0.3 0.9\n", "tracked": "0 0.5 0.5 0.2 0.3 0.9 4\n"})
    report = ConversionReport()
    records = read_yolo(folder, report)
    assert all(r.prelabel for r in records)
    assert report.warnings[0].startswith(
        f"{folder}: 2 label files (e.g. {folder / 'plain.txt'}) hold a model's predictions, lines of 6 values "
        "`class cx cy w h confidence` and of 7 with a track id (Ultralytics' save_txt with save_conf): the boxes "
        "were read and the confidences and ids left out.")


def test_a_tracked_video_of_one_pet_is_read_though_no_file_tells(tmp_path):
    # Every frame one line, track id 1: no file tells, the folder does (no polygon anywhere).
    folder = _folder(tmp_path, {f"f{i}": f"0 0.5 0.5 0.2 0.2 0.9{i} 1\n" for i in range(3)})
    report = ConversionReport()
    records = read_yolo(folder, report)
    assert report.problems == []
    assert _boxes(records) == {f"f{i}.png": [("cat", (80.0, 40.0, 120.0, 60.0))] for i in range(3)}
    assert all(r.prelabel and r.annotated for r in records)


def test_seven_values_ending_in_one_beside_polygons_are_triangles(tmp_path):
    folder = _folder(tmp_path, {
        "alone": "0 0.1 0.1 0.5 0.1 0.3 1\n",  # alone, it could be track id 1; the folder holds polygons
        # two lines ending in 1 cannot both be track id 1: triangles
        "triangles": "0 0.1 0.1 0.5 0.1 0.3 1\n1 0.6 0.2 0.9 0.2 0.7 1\n",
        "beside_polygon": "0 0.1 0.1 0.5 0.1 0.3 1\n1 0.1 0.1 0.2 0.1 0.2 0.2 0.1 0.2\n",
    })
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    assert report.problems == []
    assert [o.box.as_tuple() for o in records["triangles.png"].objects] == [(20.0, 10.0, 100.0, 100.0),
                                                                         (120.0, 20.0, 180.0, 100.0)]
    assert records["beside_polygon.png"].objects[0].box.as_tuple() == (20.0, 10.0, 100.0, 100.0)
    assert records["alone.png"].objects[0].box.as_tuple() == (20.0, 10.0, 100.0, 100.0)
    assert not any(r.prelabel for r in records.values())


def test_where_the_folder_holds_both_the_files_decide_and_the_rest_is_one_problem(tmp_path):
    folder = _folder(tmp_path, {
        "tracked": "0 0.5 0.5 0.2 0.3 0.9 1\n1 0.25 0.25 0.1 0.1 0.8 2\n",  # id 2 tells: tracked
        "polygon": "1 0.1 0.1 0.2 0.1 0.2 0.2 0.1 0.2\n",
        **{f"alone{i}": "0 0.5 0.5 0.2 0.3 0.9 1\n" for i in range(3)},  # nothing tells
        "with_box": "0 0.5 0.5 0.2 0.3 0.9 1\n1 0.5 0.5 0.2 0.2\n",
    })
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    assert report.problems == [
        f"{folder}: 4 lines of 7 values ending in 1 in 4 label files (e.g. {folder / 'alone0.txt'}:1) may be a "
        "tracked prediction `class cx cy w h confidence id` (track id 1) or a triangle `class x1 y1 x2 y2 x3 y3` "
        "ending on the bottom edge: this folder holds both tracked predictions (a track id above 1) and polygons, "
        "and nothing in those files tells which; left out, and 3 images with no other box converted without an "
        "annotation. Convert the predictions and the polygon labels as separate folders, or delete the track id "
        "(the last value) from the predictions"]
    assert records["tracked.png"].objects[0].box.as_tuple() == (80.0, 35.0, 120.0, 65.0)
    assert not records["alone0.png"].annotated and records["with_box.png"].annotated
    assert report.skipped_objects == 4


def test_a_triangle_with_a_fractional_last_value_is_still_a_polygon(tmp_path):
    folder = _folder(tmp_path, {"a": "0 0.1 0.1 0.5 0.1 0.3 0.9\n"})
    report = ConversionReport()
    [record] = read_yolo(folder, report)
    assert report.problems == [] and record.objects[0].box.as_tuple() == (20.0, 10.0, 100.0, 90.0)
