"""A YOLO box drawn past an image edge is clipped to the image, as Ultralytics clips it when it trains (its
verify_image_label takes values within -0.01 to 1.01; RandomPerspective clips): left out, it was an object
lost on the way to VOC that Ultralytics trains on. Values beyond those limits are still left out and reported."""

from __future__ import annotations

from petloc_gui.core.interop import ConversionReport, read_yolo, write_voc_records
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import write_image


def test_boxes_past_an_edge_within_ultralytics_limits_are_clipped_and_counted(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    write_image(folder / "a.png", 200, 100)
    (folder / "a.txt").write_text(
        "0 0.95 0.5 0.3 0.2\n"                      # 20 px past the right edge: 160..200
        "1 0.5 0.02 0.2 0.2\n"                      # 8 px past the top: 0..12
        "0 0.1 0.2 0.3 0.5 -0.01 0.7\n"             # a polygon 2 px past the left edge: 0..60 x 20..70
        "1 0.5 0.5 0.1 0.1\n"                       # inside
        "0 1.02 0.5 0.3 0.2\n"                      # cx beyond 1.01: not normalised, left out
        "1 0.5 1.2 0.2 0.2\n")                      # wholly below the image
    write_image(folder / "b.png", 200, 100)
    (folder / "b.txt").write_text("0 0.5 0.5 1.0 1.01\n")  # half a pixel past: clamped silently
    (folder / "classes.txt").write_text("cat\ndog\n")
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    a = folder / "a.txt"
    assert [(o.label, tuple(round(v, 6) for v in o.box.as_tuple())) for o in records["a.png"].objects] == [
        ("cat", (160.0, 40.0, 200.0, 60.0)), ("dog", (80.0, 0.0, 120.0, 12.0)), ("cat", (0.0, 20.0, 60.0, 70.0)),
        ("dog", (90.0, 45.0, 110.0, 55.0))]
    assert records["b.png"].objects[0].box.as_tuple() == (0.0, 0.0, 200.0, 100.0)
    assert report.problems == [
        f"{a}:5: box (174.0, 40.0, 234.0, 60.0) lies outside the 200x100 image; box left out",
        f"{a}:6: box (80.0, 110.0, 120.0, 130.0) lies outside the 200x100 image; box left out"]
    assert report.skipped_objects == 2
    assert [w for w in report.warnings if "passed an image edge" in w] == [
        f"{folder}: 3 boxes in 1 label file (e.g. {a}:1) passed an image edge by more than a pixel: clipped to "
        "the image, as Ultralytics clips them when it trains (their values lie within its limits, -0.01 to 1.01; "
        "a box further out is reported and left out)"]
    write_voc_records(list(records.values()), tmp_path / "voc", report=report)
    assert [o.box.as_tuple() for o in read_voc(tmp_path / "voc" / "a.xml").objects][:3] == [
        (160.0, 40.0, 200.0, 60.0), (80.0, 0.0, 120.0, 12.0), (0.0, 20.0, 60.0, 70.0)]
