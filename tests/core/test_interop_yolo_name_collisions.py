"""YOLO import drops a split's images/ folder from an image's name in the output; where that gives two images
one name or one VOC file, each keeps its path as it is in the folder, so each VOC file is written beside its
own image: nothing overwritten, nothing left out, one warning naming them."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import ConversionReport, read_yolo, write_voc_records
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import run_cli, write_image


def _image(src, rel, label=None, line="0 0.5 0.5 0.5 0.5\n"):
    (src / rel).parent.mkdir(parents=True, exist_ok=True)
    write_image(src / rel, 64, 32)
    if label is not None:
        (src / label).parent.mkdir(parents=True, exist_ok=True)
        (src / label).write_text(line)


def _boxes(out, rel):
    return [(o.name, o.box.as_tuple()) for o in read_voc((out / rel).with_suffix(".xml")).objects]


def test_an_image_beside_images_and_the_one_in_images_each_get_their_own_voc_file(tmp_path):
    src = tmp_path / "yolo"
    _image(src, "a.png", "a.txt", "0 0.5 0.5 0.5 0.5\n")                            # labelImg, flat
    _image(src, "images/a.png", "labels/a.txt", "1 0.25 0.25 0.5 0.5\n")           # Ultralytics
    _image(src, "images/b.png", "labels/b.txt")                                    # no other b: dropped as ever
    (src / "classes.txt").write_text("cat\ndog\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [r.relative for r in records] == ["a.png", "b.png", "images/a.png"]
    assert report.warnings == [
        f"{src}: 2 images would have shared a name or a VOC file in the output with another once images/ was "
        "dropped from its path (a.png and images/a.png): each of them keeps its path as it is in this folder, "
        "images/ included, and its VOC file is written beside it. Nothing was overwritten or left out"]
    out = tmp_path / "voc"
    write_voc_records(records, out, report=report)
    assert report.problems == [] and (report.images, report.annotated, report.objects) == (3, 3, 3)
    assert _boxes(out, "a.png") == [("cat", (16.0, 8.0, 48.0, 24.0))]
    assert _boxes(out, "images/a.png") == [("dog", (0.0, 0.0, 32.0, 16.0))]
    assert (out / "images" / "a.png").samefile(src / "images" / "a.png")
    assert sorted(item.image_path.relative_to(out).as_posix() for item in open_dataset(out).items
                  if item.has_annotation) == ["a.png", "b.png", "images/a.png"]


def test_roboflow_and_ultralytics_splits_of_one_name_and_names_differing_in_extension_or_case(tmp_path):
    src = tmp_path / "yolo"
    _image(src, "train/images/a.jpg", "train/labels/a.txt")     # Roboflow: train/a.jpg
    _image(src, "images/train/a.png", "labels/train/a.txt")     # Ultralytics: train/a.png, the same a.xml
    _image(src, "train/C.png", "train/C.txt")                   # flat, beside the split folders
    _image(src, "train/images/c.png", "train/labels/c.txt")     # train/c.png: one c.xml where case is ignored
    _image(src, "valid/images/a.jpg", "valid/labels/a.txt")     # valid/a.jpg: meets no one
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [r.relative for r in records] == ["images/train/a.png", "train/C.png", "train/images/a.jpg",
                                             "train/images/c.png", "valid/a.jpg"]
    assert "4 images would have shared a name or a VOC file" in report.warnings[0]
    assert "(train/images/a.jpg and images/train/a.png; train/C.png and train/images/c.png)" in report.warnings[0]
    write_voc_records(records, tmp_path / "voc", report=report)
    assert report.problems == [] and report.annotated == 5


def test_the_command_writes_both_and_says_so(tmp_path, capsys):
    src = tmp_path / "yolo"
    _image(src, "train/a.png", "train/a.txt")
    _image(src, "train/images/a.png", "train/labels/a.txt", "0 0.25 0.25 0.5 0.5\n")
    (src / "classes.txt").write_text("cat\n")
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", tmp_path / "voc")
    assert code == 0
    assert "would have shared a name or a VOC file" in err and "left out" not in err.replace(
        "Nothing was overwritten or left out", "")
    assert "2 images (2 annotated), 2 boxes, 0 problems, 1 warning" in err
    assert _boxes(tmp_path / "voc", "train/a.png") == [("cat", (16.0, 8.0, 48.0, 24.0))]
    assert _boxes(tmp_path / "voc", "train/images/a.png") == [("cat", (0.0, 0.0, 32.0, 16.0))]


def test_names_that_differ_only_in_case_keep_their_names_and_no_warning_says_nothing_was_left_out(tmp_path):
    # train/images/A.png and a.png: their own paths would share train/images/a.xml where case is ignored
    # as much as train/A.png and train/a.png do, so parting them changes a name for nothing.
    src = tmp_path / "yolo"
    _image(src, "train/images/A.png", "train/labels/A.txt")
    _image(src, "train/images/a.png", "train/labels/a.txt", "0 0.25 0.25 0.5 0.5\n")
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [r.relative for r in records] == ["train/A.png", "train/a.png"]
    assert report.warnings == []
    write_voc_records(records, tmp_path / "voc", report=report)
    assert report.problems == [f"{src / 'train/images/a.png'}: would share the VOC file train/a.xml with "
                               f"{src / 'train/images/A.png'}; image left out"]
    assert _boxes(tmp_path / "voc", "train/A.png") == [("cat", (16.0, 8.0, 48.0, 24.0))]


def test_paths_parted_for_another_that_still_differ_only_in_case_are_not_said_to_be_all_kept(tmp_path):
    src = tmp_path / "yolo"
    _image(src, "train/A.png", "train/A.txt")                   # flat: holds train/A.png
    _image(src, "train/images/A.png", "train/labels/A.txt")     # parted for its sake ...
    _image(src, "train/images/a.png", "train/labels/a.txt")     # ... and so is this, one VOC file with A.png
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [r.relative for r in records] == ["train/A.png", "train/images/A.png", "train/images/a.png"]
    [warning] = report.warnings
    assert "3 images would have shared a name" in warning and "Nothing was overwritten" not in warning
    assert warning.endswith("But train/images/A.png and train/images/a.png differ only in case, so they "
                            "still share a VOC file where names ignore case: only the first is converted (see "
                            "the problems below). Rename the others to keep them")
    write_voc_records(records, tmp_path / "voc", report=report)
    assert report.problems == [f"{src / 'train/images/a.png'}: would share the VOC file train/images/a.xml "
                               f"with {src / 'train/images/A.png'}; image left out"]
    assert report.images == 2
