"""YOLO import of lines other than `class cx cy w h`: a polygon (segmentation label) is read as the box around its
points, as Ultralytics trains detection on it; a 6th value is a prediction's confidence (save_txt with save_conf).
Each is said once in the summary."""

from __future__ import annotations

from petloc_gui.core.interop import ConversionReport, read_yolo
from tests.cli.helpers import write_image


def _folder(tmp_path, labels: dict[str, str]):
    folder = tmp_path / "src"
    folder.mkdir()
    for stem, text in labels.items():
        write_image(folder / f"{stem}.png", 200, 100)
        (folder / f"{stem}.txt").write_text(text)
    (folder / "classes.txt").write_text("cat\ndog\n")
    return folder


def test_polygon_lines_become_the_box_around_their_points(tmp_path):
    folder = _folder(tmp_path, {
        "seg": "0 0.1 0.1 0.5 0.1 0.5 0.6 0.1 0.6\n1 0.2 0.3 0.4 0.5 0.3 0.9\n",
        "mixed": "0 0.5 0.5 0.2 0.2\n1 0.25 0.25 0.75 0.25 0.5 0.75\n",
        "plain": "1 0.5 0.5 0.5 0.5\n",
    })
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    assert report.problems == []
    assert [(o.label, o.box.as_tuple()) for o in records["seg.png"].objects] == [
        ("cat", (20.0, 10.0, 100.0, 60.0)), ("dog", (40.0, 30.0, 80.0, 90.0))]
    assert [(o.label, o.box.as_tuple()) for o in records["mixed.png"].objects] == [
        ("cat", (80.0, 40.0, 120.0, 60.0)), ("dog", (50.0, 25.0, 150.0, 75.0))]
    assert not any(r.prelabel for r in records.values())
    assert report.warnings == [
        f"{folder}: 3 polygon lines (segmentation labels, `class x1 y1 x2 y2 ...`) in 2 label files "
        f"(e.g. {folder / 'mixed.txt'}) became the box around their points, as Ultralytics reads them to "
        "train detection (a pose dataset's lines, the box and its keypoints, need its data.yaml with `kpt_shape` in "
        "the folder)",
        f"{folder}: 1 label file ({folder / 'mixed.txt'}) holds both polygon lines and box lines `class cx cy w h`: "
        "each line was read as what it is, but Ultralytics reads every line of such a file as a polygon, so it "
        "would train each of its boxes as the box between the points (cx, cy) and (w, h), not the box drawn. "
        "Before training with Ultralytics, write those boxes as 4-point polygons, or export the VOC folder "
        "written here with petloc convert --to yolo (boxes only)"]


def test_files_mixing_polygons_and_boxes_are_read_line_by_line_and_named(tmp_path):
    """Ultralytics reads a box line of a file with a polygon as two points (verify_image_label: any line of
    more than 6 values makes every line a segment), so `0 0.5 0.5 0.2 0.2` would be the box from (0.2, 0.2)
    to (0.5, 0.5) there: read as drawn here, and every such file named (three, then a count)."""
    mixed = "0 0.5 0.5 0.2 0.2\n1 0.25 0.25 0.75 0.25 0.5 0.75\n"
    folder = _folder(tmp_path, {"m1": mixed, "m2": mixed, "m3": mixed, "m4": mixed,
                                "seg": "1 0.25 0.25 0.75 0.25 0.5 0.75\n", "box": "0 0.5 0.5 0.2 0.2\n"})
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    assert report.problems == []
    assert [(o.label, o.box.as_tuple()) for o in records["m4.png"].objects] == [
        ("cat", (80.0, 40.0, 120.0, 60.0)), ("dog", (50.0, 25.0, 150.0, 75.0))]
    [mixed_warning] = [w for w in report.warnings if "both polygon lines and box lines" in w]
    assert mixed_warning.startswith(
        f"{folder}: 4 label files ({folder / 'm1.txt'}, {folder / 'm2.txt'}, {folder / 'm3.txt'} and 1 more) "
        "hold both polygon lines and box lines `class cx cy w h`")
    assert "seg.txt" not in mixed_warning and "box.txt" not in mixed_warning


def test_unusable_polygons_and_odd_coordinate_counts_are_reported(tmp_path):
    folder = _folder(tmp_path, {"a": ("0 0.1 0.5 0.4 0.5 0.9 0.5\n"            # all on one line: no area
                                      "0 0.1 0.1 0.5 0.1 0.5 0.6 0.1\n"        # 7 coordinates
                                      "0 0.1 0.1 0.5 0.1 0.5 1.6\n"            # past the bottom edge
                                      "1 0.1 0.1 0.2 0.1 0.2 0.2\n")})
    report = ConversionReport()
    [record] = read_yolo(folder, report)
    a = folder / "a.txt"
    assert report.problems == [
        f"{a}:1: polygon has no area (its points lie on one line); box left out",
        f"{a}:2: expected 5 values `class cx cy w h` (6 with a confidence, 7 with a track id), or a polygon "
        "`class x1 y1 x2 y2 x3 y3 ...` (an even number of coordinates, 6 or more), got 8: "
        "'0 0.1 0.1 0.5 0.1 0.5 0.6 0.1'; box left out",
        f"{a}:3: box (20.0, 10.0, 100.0, 160.0) lies outside the 200x100 image; box left out"]
    assert [o.box.as_tuple() for o in record.objects] == [(20.0, 10.0, 40.0, 20.0)]
    assert report.skipped_objects == 3


def test_a_prediction_files_confidences_are_left_out_and_it_is_said_to_be_one(tmp_path):
    folder = _folder(tmp_path, {"pred": "0 0.5 0.5 0.2 0.2 0.91\n1 0.3 0.3 0.1 0.1 0.55\n",
                                "label": "0 0.5 0.5 0.2 0.2\n"})
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    assert report.problems == []
    assert [(o.label, o.box.as_tuple()) for o in records["pred.png"].objects] == [
        ("cat", (80.0, 40.0, 120.0, 60.0)), ("dog", (50.0, 25.0, 70.0, 35.0))]
    assert (records["pred.png"].prelabel, records["label.png"].prelabel) == (True, False)
    assert report.warnings == [
        f"{folder}: 1 label file (e.g. {folder / 'pred.txt'}) holds a model's predictions, lines of 6 values "
        "`class cx cy w h confidence` (Ultralytics' save_txt with save_conf): the boxes were "
        "read and the confidences left out. The VOC files written from them are marked as unreviewed "
        "pre-labels, as petloc predict --write-voc marks its own, until someone saves them"]


def test_the_voc_files_written_from_predictions_are_unreviewed_pre_labels(tmp_path):
    from petloc_gui.core.interop import write_voc_records
    from petloc_gui.core.voc import read_voc

    folder = _folder(tmp_path, {"pred": "0 0.5 0.5 0.2 0.2 0.91\n", "label": "0 0.5 0.5 0.2 0.2\n"})
    report = ConversionReport()
    write_voc_records(read_yolo(folder, report), tmp_path / "voc", report=report)
    assert read_voc(tmp_path / "voc" / "pred.xml").unreviewed
    assert not read_voc(tmp_path / "voc" / "label.xml").unreviewed
