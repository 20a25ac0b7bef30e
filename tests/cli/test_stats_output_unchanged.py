"""`petloc stats` prints exactly what it printed before core.stats was split into modules (the
computation; the record and its lines, core.stats_record; problem kinds, core.stats_problems;
number summaries, core.stats_summary): the table and the JSON of a folder with one of each kind of
finding, and every line of a record with every optional field set. The expected texts were printed
by the single-module core.stats (the JSON since with its "unused_predefined_classes" key, the
predefined_classes.txt classes on no box, and its "after_first_classes" and
"predefined_after_first_classes" keys, the classes on no image's first box, and its "n_exif_turned" key,
the images with an EXIF orientation other than 1). Its class balance counts an image's first object with a label
and a box of non-zero area, the one a run learns (d_no_name's second box, "cat"), since that rule replaced the
first object's."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.stats import DatasetStats, Problem
from tests.cli.helpers import run_cli, voc_xml, write_annotated, write_image

TABLE = (
    'dataset        ROOT (layout: sidecar)\n'
    'images         8\n'
    'not read       1 file (HEIC 1): formats petloc does not read; convert them to JPEG or PNG\n'
    'annotated      6\n'
    'no annotation  2\n'
    'objects        7 (1 of them without a label: in no class count)\n'
    'objects/file   0: 1, 1: 3, 2: 2\n'
    'class balance (first object per image; all objects in brackets)\n'
    '  cat      3  60.0%  (3)\n'
    '  class10  1  20.0%  (1)\n'
    '  dog      1  20.0%  (2)\n'
    'box width px   mean 11.6  median 10.0  min 8.0  max 20.0  p05-p95 8.0-18.5\n'
    'box height px  mean 13.1  median 10.0  min 8.0  max 26.0  p05-p95 8.0-22.7\n'
    'box rel. area  mean 0.146  median 0.083  min 0.053  max 0.433  p05-p95 0.053-0.360\n'
    'box centre x   mean 0.355  median 0.312  min 0.125  max 0.875  p05-p95 0.125-0.762\n'
    'box centre y   mean 0.367  median 0.417  min 0.167  max 0.583  p05-p95 0.167-0.558\n'
    'image width    mean 43  median 40  min 40  max 64  p05-p95 40-57\n'
    'image height   mean 33  median 30  min 30  max 48  p05-p95 30-43\n'
    'problems       7 (images checked by their headers only: a truncated image is not found; '
    '--check-decode decodes each image)\n'
    '  box_outside_image: ROOT/b_outside.xml: object 1 (dog): box (30.0, 10.0, 60.0, 25.0) lies '
    'outside the 40x30 image; clamped to (30.0, 10.0, 40.0, 25.0)\n'
    '  inverted_box: ROOT/c_inverted.xml: object 1 (cat): inverted box (20.0, 20.0, 10.0, 10.0) '
    'repaired by swapping coordinates to (10.0, 10.0, 20.0, 20.0)\n'
    '  missing_label: ROOT/d_no_name.xml: object 1 has no <name> (label)\n'
    '  size_mismatch: ROOT/e_wrong_size.xml: size in file 80x60 differs from the image 40x30; '
    "the image's size is used\n"
    '  unreadable_image: ROOT/g_not_image.jpg: not an image file (format not recognised; JPEG, '
    'PNG, GIF, BMP, WebP and TIFF are read)\n'
    '  no_objects: ROOT/i_no_objects.xml: annotation has no object\n'
    '  unsupported_image: ROOT/h_photo.heic: HEIC images are not supported; convert it to JPEG or PNG\n'
)

JSON = (
    '{"root": "ROOT", "layout": "sidecar", "n_images": 8, "n_annotated": 6, "n_prelabels": 0, '
    '"n_unannotated": 2, "n_objects": 7, "n_unlabelled": 1, "n_not_read": 1, '
    '"not_read": {"HEIC": 1}, "class_counts": {"cat": 3, "class10": 1, "dog": 2}, '
    '"first_object_class_counts": {"cat": 3, "class10": 1, "dog": 1}, "unused_predefined_classes": [], '
    '"after_first_classes": {}, "predefined_after_first_classes": [], '
    '"objects_per_annotation": {"0": 1, "1": 3, "2": 2}, "split_counts": {}, "meta_counts": {}, '
    '"images_checked": true, "images_decoded": false, "box": {"width": {"count": 7, "min": 8.0, '
    '"max": 20.0, "mean": 11.5714, "std": 4.0658, "median": 10.0, "p05": 8.0, "p95": 18.5}, '
    '"height": {"count": 7, "min": 8.0, "max": 26.0, "mean": 13.1429, "std": 5.9144, '
    '"median": 10.0, "p05": 8.0, "p95": 22.7}, "rel_area": {"count": 7, "min": 0.0533, '
    '"max": 0.4333, "mean": 0.1456, "std": 0.1252, "median": 0.0833, "p05": 0.0533, '
    '"p95": 0.3596}, "center_x": {"count": 7, "min": 0.125, "max": 0.875, "mean": 0.3554, '
    '"std": 0.2484, "median": 0.3125, "p05": 0.125, "p95": 0.7625}, "center_y": {"count": 7, '
    '"min": 0.1667, "max": 0.5833, "mean": 0.3667, "std": 0.1616, "median": 0.4167, '
    '"p05": 0.1667, "p95": 0.5583}}, "image_size": {"width": {"count": 7, "min": 40.0, '
    '"max": 64.0, "mean": 43.4286, "std": 8.3983, "median": 40.0, "p05": 40.0, "p95": 56.8}, '
    '"height": {"count": 7, "min": 30.0, "max": 48.0, "mean": 32.5714, "std": 6.2987, '
    '"median": 30.0, "p05": 30.0, "p95": 42.6}}, "problem_counts": {"box_outside_image": 1, '
    '"inverted_box": 1, "missing_label": 1, "no_objects": 1, "size_mismatch": 1, '
    '"unreadable_image": 1, "unsupported_image": 1}, "problems": [{"kind": "box_outside_image", '
    '"file": "ROOT/b_outside.xml", "message": "object 1 (dog): box (30.0, 10.0, 60.0, '
    '25.0) lies outside the 40x30 image; clamped to (30.0, 10.0, 40.0, 25.0)"}, '
    '{"kind": "inverted_box", "file": "ROOT/c_inverted.xml", '
    '"message": "object 1 (cat): inverted box (20.0, 20.0, 10.0, '
    '10.0) repaired by swapping coordinates to (10.0, 10.0, 20.0, 20.0)"}, '
    '{"kind": "missing_label", "file": "ROOT/d_no_name.xml", '
    '"message": "object 1 has no <name> (label)"}, {"kind": "size_mismatch", '
    '"file": "ROOT/e_wrong_size.xml", '
    '"message": "size in file 80x60 differs from the image 40x30; the image\'s size is used"}, '
    '{"kind": "unreadable_image", "file": "ROOT/g_not_image.jpg", '
    '"message": "not an image file (format not recognised; JPEG, PNG, GIF, BMP, '
    'WebP and TIFF are read)"}, {"kind": "no_objects", "file": "ROOT/i_no_objects.xml", '
    '"message": "annotation has no object"}, {"kind": "unsupported_image", '
    '"file": "ROOT/h_photo.heic", '
    '"message": "HEIC images are not supported; convert it to JPEG or PNG"}], "n_exif_turned": 0}\n'
)

RECORD_LINES = [
    'dataset        ROOT (layout: oxford)',
    'images         5',
    'not read       3 files (AVIF 1, HEIC 2): formats petloc does not read; convert them to JPEG or PNG',
    'annotated      3 (1 of them unreviewed pre-labels)',
    'no annotation  2',
    'objects        4 (1 of them without a label: in no class count)',
    'splits         test: 2, trainval: 3',
    'objects/file   1: 2, 2: 1',
    'class balance (first object per image; all objects in brackets)',
    '  class2   1  50.0%  (2)',
    '  class10  1  50.0%  (1)',
    'breed (annotated images): b2: 2, b10: 1',
    'box width px   mean 21.8  median 20.0  min 10.0  max 35.5  p05-p95 11.0-34.0',
    'box height px  -',
    'box rel. area  -',
    'box centre x   -',
    'box centre y   -',
    'image width    -',
    'image height   -',
    '(image files not opened: sizes come from the annotations)',
    'problems       1',
    '  missing_label: x.xml: object 2 has no <name>',
]


def _varied_folder(root: Path) -> Path:
    """Sidecar images with one of each finding whose message is petloc's own (no parser's words)."""
    root.mkdir()
    write_annotated(root, "a_two_objects", 40, 30, [("cat", (5, 5, 20, 20)), ("dog", (10, 2, 30, 28))])
    write_annotated(root, "b_outside", 40, 30, [("dog", (30, 10, 60, 25))])
    write_annotated(root, "c_inverted", 40, 30, [("cat", (20, 20, 10, 10))])
    write_annotated(root, "d_no_name", 40, 30, [("", (2, 2, 12, 12)), ("cat", (1, 1, 9, 9))])
    write_annotated(root, "e_wrong_size", 40, 30, [("class10", (1, 1, 9, 9))])
    (root / "e_wrong_size.xml").write_text(voc_xml("e_wrong_size.png", 80, 60, [("class10", (1, 1, 9, 9))]),
                                            encoding="utf-8")
    write_image(root / "f_unannotated.png", 64, 48)
    (root / "g_not_image.jpg").write_bytes(b"\xff\xd8 this is not really a jpeg")
    (root / "h_photo.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    write_image(root / "i_no_objects.png", 40, 30)
    (root / "i_no_objects.xml").write_text(voc_xml("i_no_objects.png", 40, 30, []), encoding="utf-8")
    return root


def test_stats_table_and_json_are_unchanged(tmp_path, capsys):
    root = _varied_folder(tmp_path / "varied")
    code, table, _ = run_cli(capsys, "stats", root)
    assert code == 0
    assert table.replace(str(root), "ROOT") == TABLE
    code, json_out, _ = run_cli(capsys, "stats", root, "--json")
    assert code == 0
    assert json_out.replace(str(root), "ROOT") == JSON


def test_every_line_of_a_full_record_is_unchanged():
    stats = DatasetStats(
        root="ROOT", layout="oxford", n_images=5, n_annotated=3, n_prelabels=1, n_unannotated=2, n_objects=4,
        n_unlabelled=1, not_read={"HEIC": 2, "AVIF": 1}, class_counts={"class10": 1, "class2": 2},
        first_object_class_counts={"class10": 1, "class2": 1}, objects_per_annotation={1: 2, 2: 1},
        split_counts={"trainval": 3, "test": 2}, meta_counts={"breed": {"b10": 1, "b2": 2}},
        images_checked=False, problems=[Problem("missing_label", "x.xml", "object 2 has no <name>")])
    stats.values["box_width"] += [10.0, 20.0, 35.5]
    assert stats.summary_lines() == RECORD_LINES
