"""A YOLO line that repeats an earlier one of its file (the same class and box) is left out, as Ultralytics
removes duplicate labels (verify_image_label: np.unique of the rows, a polygon's row being the box around it),
and one warning counts them: a VOC file would otherwise hold the object twice."""

from __future__ import annotations

from petloc_gui.core.interop import ConversionReport, read_yolo, write_voc_records
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import write_image


def test_repeated_lines_are_left_out_with_one_warning(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    for stem in ("a", "b", "p"):
        write_image(folder / f"{stem}.png", 200, 100)
    (folder / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n"
                                  "1 0.5 0.5 0.2 0.2\n"          # another class: kept
                                  "0 0.50 0.5 0.2 0.200\n"       # line 1 written otherwise: left out
                                  "0 0.25 0.5 0.2 0.2\n")
    (folder / "b.txt").write_text("0 0.1 0.1 0.5 0.1 0.5 0.6 0.1 0.6\n"
                                  "0 0.5 0.1 0.1 0.6 0.5 0.6 0.1 0.1\n")  # the same box around it: left out
    (folder / "p.txt").write_text("0 0.5 0.5 0.2 0.2 0.9\n0 0.5 0.5 0.2 0.2 0.8\n")  # two confidences: kept
    (folder / "classes.txt").write_text("cat\ndog\n")
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    assert [(o.label, o.box.as_tuple()) for o in records["a.png"].objects] == [
        ("cat", (80.0, 40.0, 120.0, 60.0)), ("dog", (80.0, 40.0, 120.0, 60.0)), ("cat", (30.0, 40.0, 70.0, 60.0))]
    assert [o.box.as_tuple() for o in records["b.png"].objects] == [(20.0, 10.0, 100.0, 60.0)]
    assert len(records["p.png"].objects) == 2
    assert report.problems == [] and report.skipped_objects == 0
    assert [w for w in report.warnings if "duplicate labels" in w] == [
        f"{folder}: 2 lines in 2 label files (e.g. {folder / 'a.txt'}:3, the same as line 1) repeated an earlier "
        "line of the same class and box: left out, as Ultralytics removes duplicate labels ('duplicate labels "
        "removed'), rather than written as a second object in the same place"]
    write_voc_records(list(records.values()), tmp_path / "voc", report=report)
    assert len(read_voc(tmp_path / "voc" / "a.xml").objects) == 3
    assert report.objects == 6
