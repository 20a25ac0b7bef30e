"""YOLO export and import (core.interop): layout, boxes, and every kind of bad line."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import DatasetError, SaveError
from petloc_gui.core.interop import ConversionReport, export_yolo, read_yolo, write_voc_records
from petloc_gui.core.interop import yolo as yolo_module
from petloc_gui.core.interop.yolo_names import find_class_names, parse_yaml_names
from tests.cli.helpers import voc_xml, write_image
from tests.core.interop_helpers import (
    assert_same_boxes,
    forbid_decoding,
    spec_yolo_boxes,
    voc_boxes,
)


def test_export_layout_and_boxes_match_a_spec_reader(small_voc, tmp_path, monkeypatch):
    forbid_decoding(monkeypatch)
    out = tmp_path / "yolo"
    report = export_yolo(open_dataset(small_voc), out)
    assert report.problems == []
    assert (report.images, report.annotated, report.objects) == (5, 4, 4)
    names = (out / "classes.txt").read_text().splitlines()
    assert names == ["cat", "dog"]
    assert parse_yaml_names((out / "data.yaml").read_text(), out / "data.yaml") == names
    # Annotated with no boxes: an empty file. Never annotated: no file.
    assert (out / "labels" / "e.txt").read_text() == ""
    assert not (out / "labels" / "u.txt").exists()
    assert (out / "images" / "u.png").is_file()
    assert (out / "labels" / "sub" / "s.txt").is_file()
    monkeypatch.undo()  # the spec reader decodes (exif_transpose) on purpose
    expected = voc_boxes(small_voc)
    for image in ("a.png", "r.jpg", "sub/s.png"):
        label = out / "labels" / Path(image).with_suffix(".txt")
        got = spec_yolo_boxes(label, out / "images" / image, names)
        assert_same_boxes({image: expected[Path(image).name]}, {image: got}, tolerance=0.01)


def test_rotated_photo_is_normalised_to_its_displayed_size(small_voc, tmp_path):
    out = tmp_path / "yolo"
    export_yolo(open_dataset(small_voc), out)
    # dog (4,10,30,55) in the 40x60 displayed image.
    cls, cx, cy, w, h = (out / "labels" / "r.txt").read_text().split()
    assert cls == "1"
    assert float(cx) == pytest.approx(17 / 40) and float(cy) == pytest.approx(32.5 / 60)
    assert float(w) == pytest.approx(26 / 40) and float(h) == pytest.approx(45 / 60)


def test_round_trip_keeps_boxes_labels_and_the_empty_annotation(small_voc, tmp_path):
    yolo, back = tmp_path / "yolo", tmp_path / "back"
    export_yolo(open_dataset(small_voc), yolo)
    report = ConversionReport()
    write_voc_records(read_yolo(yolo, report), back, report=report)
    assert report.problems == [] and report.images == 5
    assert_same_boxes(voc_boxes(small_voc), voc_boxes(back))
    assert (back / "e.xml").is_file() and not (back / "u.xml").exists()


def test_non_empty_output_is_refused_without_overwrite(small_voc, tmp_path):
    out = tmp_path / "yolo"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(SaveError, match="not empty"):
        export_yolo(open_dataset(small_voc), out)
    export_yolo(open_dataset(small_voc), out, overwrite=True)
    assert (out / "keep.txt").read_text() == "mine"


def test_files_an_earlier_export_left_are_counted_in_a_warning_and_kept(small_voc, tmp_path):
    out = tmp_path / "yolo"
    export_yolo(open_dataset(small_voc), out)
    (small_voc / "a.xml").unlink()  # a.txt of the first export no longer belongs to a.png
    (small_voc / "u.png").unlink()
    report = export_yolo(open_dataset(small_voc), out, overwrite=True)
    stale = [w for w in report.warnings if "this export did not write" in w]
    assert len(stale) == 2
    assert stale[0].startswith(f"{out / 'labels'}: 1 label file this export did not write is "
                               "here too (e.g. a.txt)")
    assert stale[1].startswith(f"{out / 'images'}: 1 image this export did not write is "
                               "here too (e.g. u.png)")
    assert (out / "labels" / "a.txt").is_file() and (out / "images" / "u.png").is_file()
    assert [w for w in export_yolo(open_dataset(small_voc), tmp_path / "new").warnings
            if "this export did not write" in w] == []


def test_only_images_and_label_files_count_as_left_from_an_earlier_export(tmp_path):
    # convert p/images --to yolo p --overwrite: OUT/images is the dataset itself,
    # whose .xml files (and anything else there) are not an earlier export's images.
    folder = tmp_path / "p" / "images"
    folder.mkdir(parents=True)
    write_image(folder / "a.png", 40, 30)
    (folder / "a.xml").write_text(voc_xml("a.png", 40, 30, [("cat", (5, 5, 20, 20))]))
    (folder / "notes.md").write_text("mine")
    (tmp_path / "p" / "labels").mkdir()
    (tmp_path / "p" / "labels" / "readme.md").write_text("mine")
    report = export_yolo(open_dataset(folder), tmp_path / "p", overwrite=True)
    assert report.problems == [] and report.images == 1
    assert [w for w in report.warnings if "this export did not write" in w] == []
    assert (folder / "a.xml").is_file() and (folder / "notes.md").is_file()
    write_image(folder / "b.png", 40, 30)  # the dataset's own image, not annotated yet: left out, not a leftover
    report = export_yolo(open_dataset(folder), tmp_path / "p", overwrite=True, annotated_only=True)
    assert [w for w in report.warnings if "this export did not write" in w] == []


def test_an_image_whose_label_cannot_be_written_is_left_out_of_images_too(small_voc, tmp_path,
                                                                           monkeypatch):
    real = yolo_module.write_derived

    def write_derived(path, data):
        if path.name == "a.txt":
            raise SaveError("cannot write: No space left on device", path)
        real(path, data)

    monkeypatch.setattr(yolo_module, "write_derived", write_derived)
    out = tmp_path / "yolo"
    report = export_yolo(open_dataset(small_voc), out)
    assert report.problems == [f"{out / 'labels' / 'a.txt'}: cannot write: No space left on device; "
                               "image left out"]
    # Not left to train as background, and not blamed on an earlier export.
    assert not (out / "images" / "a.png").exists() and (small_voc / "a.png").is_file()
    assert [w for w in report.warnings if "this export did not write" in w] == []
    assert report.images == 4 and report.skipped_images == 1


def test_annotated_only_leaves_unannotated_images_out(small_voc, tmp_path):
    report = export_yolo(open_dataset(small_voc), tmp_path / "y", annotated_only=True)
    assert not (tmp_path / "y" / "images" / "u.png").exists()
    assert report.images == 4 and report.warnings == []


def test_unannotated_images_are_warned_about(small_voc, tmp_path):
    report = export_yolo(open_dataset(small_voc), tmp_path / "y")
    assert any("background" in w for w in report.warnings)


def _yolo_folder(tmp_path, lines: dict[str, str], images=("a", "b"), names="cat\ndog\n"):
    folder = tmp_path / "src"
    folder.mkdir()
    for stem in images:
        write_image(folder / f"{stem}.png", 100, 50)
    for stem, text in lines.items():
        (folder / f"{stem}.txt").write_text(text)
    (folder / "classes.txt").write_text(names)
    return folder


def test_a_label_file_of_only_bad_lines_is_not_a_verified_negative(tmp_path):
    folder = _yolo_folder(tmp_path, {"a": "7 0.5 0.5 0.2 0.2\n\n1 0.5 0.5\n", "b": ""})
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    assert (records["a.png"].annotated, records["b.png"].annotated) == (False, True)
    assert report.problems[-1] == (f"{folder / 'a.txt'}: none of its 2 lines is a usable box; "
                                   "image a.png converted without an annotation")
    out = tmp_path / "voc"
    write_voc_records(list(records.values()), out, report=report)
    assert not (out / "a.xml").exists() and (out / "a.png").is_file()
    assert (out / "b.xml").is_file()  # an empty file still says "checked, nothing there"


def test_a_label_file_of_one_bad_line_is_named_so(tmp_path):
    folder = _yolo_folder(tmp_path, {"a": "7 0.5 0.5 0.2 0.2\n"}, images=("a",))
    report = ConversionReport()
    [record] = read_yolo(folder, report)
    assert not record.annotated
    assert report.problems[-1] == (f"{folder / 'a.txt'}: its one line is not a usable box; "
                                   "image a.png converted without an annotation")


def test_bad_lines_are_named_by_file_and_line_and_the_rest_converted(tmp_path):
    folder = _yolo_folder(tmp_path, {
        "a": ("0 0.5 0.5 0.2 0.2\n"        # fine
              "7 0.5 0.5 0.2 0.2\n"        # class id outside classes.txt
              "1 0.5 0.5 0.2\n"            # 4 values
              "1 zero 0.5 0.2 0.2\n"       # not a number
              "1 1.15 0.5 0.3 0.2\n"       # past the right edge, cx beyond Ultralytics' 1.01
              "1 0.25 0.5 0.1 -0.2\n"      # negative height
              "\n"
              "1 0.25 0.5 0.1 0.2\n"),     # fine, after the bad ones
        "b": "0 0.5 0.5 1.0 1.0000001\n",  # within rounding of the edges: clamped, kept
        "ghost": "0 0.5 0.5 0.1 0.1\n",    # no image
    })
    report = ConversionReport()
    records = {r.relative: r for r in read_yolo(folder, report)}
    a = f"{folder / 'a.txt'}"
    assert any(p.startswith(f"{a}:2:") and "class id 7" in p and "classes.txt" in p
               for p in report.problems)
    assert any(p.startswith(f"{a}:3:") and "expected 5 values" in p for p in report.problems)
    assert any(p.startswith(f"{a}:4:") and "not numbers" in p for p in report.problems)
    assert any(p.startswith(f"{a}:5:") and "outside" in p for p in report.problems)
    assert any(p.startswith(f"{a}:6:") and "positive" in p for p in report.problems)
    assert any(p.startswith(str(folder / "ghost.txt")) and "no image" in p for p in report.problems)
    assert len(report.problems) == 6
    assert report.skipped_objects == 5
    assert [(o.label, o.box.as_tuple()) for o in records["a.png"].objects] == [
        ("cat", (40.0, 20.0, 60.0, 30.0)), ("dog", (20.0, 20.0, 30.0, 30.0))]
    assert records["b.png"].objects[0].box.as_tuple() == (0.0, 0.0, 100.0, 50.0)


def test_unreadable_image_is_reported_with_its_label_file(tmp_path):
    folder = _yolo_folder(tmp_path, {"a": "0 0.5 0.5 0.2 0.2\n", "b": "0 0.5 0.5 0.2 0.2\n"})
    (folder / "b.png").write_bytes(b"not a png")
    report = ConversionReport()
    records = read_yolo(folder, report)
    assert [r.relative for r in records] == ["a.png"]
    assert len(report.problems) == 1 and report.problems[0].startswith(str(folder / "b.txt"))


def test_images_and_labels_folders_with_splits_and_data_yaml(tmp_path):
    src = tmp_path / "ultra"
    for split in ("train", "val"):
        (src / "images" / split).mkdir(parents=True)
        (src / "labels" / split).mkdir(parents=True)
        write_image(src / "images" / split / "x.jpg", 64, 32)
        (src / "labels" / split / "x.txt").write_text("1 0.5 0.5 0.5 0.5\n")
    (src / "data.yaml").write_text("path: .\ntrain: images/train\nval: images/val\n"
                                   "names:\n  0: person\n  1: 'pet dog'\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert report.problems == []
    assert [r.relative for r in records] == ["train/x.jpg", "val/x.jpg"]
    assert records[0].objects[0].label == "pet dog"
    assert records[0].objects[0].box.as_tuple() == (16.0, 8.0, 48.0, 24.0)
    out = tmp_path / "voc"
    write_voc_records(records, out)
    assert (out / "train" / "x.xml").is_file() and (out / "val" / "x.xml").is_file()


@pytest.mark.parametrize("text, names", [
    ("names: [cat, 'dog', \"bird\"]\n", ["cat", "dog", "bird"]),
    ("nc: 2\nnames:\n  - cat\n  - dog\ntrain: x\n", ["cat", "dog"]),
    ("names:\n  1: dog\n  0: cat\n", ["cat", "dog"]),
    ("names: {0: cat, 1: dog}\n", ["cat", "dog"]),
])
def test_data_yaml_name_forms(text, names):
    assert parse_yaml_names(text, Path("data.yaml")) == names


def test_a_missing_yolo_folder_is_said_not_to_exist(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        read_yolo(tmp_path / "nowhere", ConversionReport())
    (tmp_path / "file").write_text("")
    with pytest.raises(DatasetError, match="not a folder"):
        read_yolo(tmp_path / "file", ConversionReport())


def test_missing_names_and_gaps_are_clear_errors(tmp_path):
    with pytest.raises(DatasetError, match=r"classes\.txt"):
        find_class_names(tmp_path)
    with pytest.raises(DatasetError, match="without gaps"):
        parse_yaml_names("names:\n  0: a\n  2: b\n", Path("data.yaml"))


def test_existing_voc_is_kept_unless_overwrite_and_non_voc_never_replaced(tmp_path):
    folder = _yolo_folder(tmp_path, {"a": "0 0.5 0.5 0.2 0.2\n", "b": "1 0.5 0.5 0.2 0.2\n"})
    (folder / "a.xml").write_text("<annotation><filename>a.png</filename></annotation>")
    (folder / "b.xml").write_text("<html>not VOC</html>")
    before_a, before_b = (folder / "a.xml").read_bytes(), (folder / "b.xml").read_bytes()
    report = ConversionReport()
    write_voc_records(read_yolo(folder, report), folder, report=report)  # in place
    assert (folder / "a.xml").read_bytes() == before_a
    assert (folder / "b.xml").read_bytes() == before_b
    # the HTML file is counted apart, not as a second VOC file kept (`kept_targets`)
    assert (report.kept_existing, report.kept_not_voc, len(report.warnings)) == (1, 1, 2)
    report = ConversionReport()
    write_voc_records(read_yolo(folder, report), folder, overwrite=True, report=report)
    assert "<name>cat</name>" in (folder / "a.xml").read_text()
    assert (folder / "b.xml").read_bytes() == before_b
    assert any(str(folder / "b.xml") in p and "not a Pascal VOC file" in p and "--overwrite replaces only VOC files"
               in p for p in report.problems)


def test_a_different_image_at_the_target_is_never_replaced(tmp_path):
    folder = _yolo_folder(tmp_path, {"a": "0 0.5 0.5 0.2 0.2\n"}, images=("a",))
    out = tmp_path / "out"
    out.mkdir()
    write_image(out / "a.png", 10, 10, color=(1, 2, 3))
    before = (out / "a.png").read_bytes()
    report = ConversionReport()
    write_voc_records(read_yolo(folder, report), out, report=report)
    assert (out / "a.png").read_bytes() == before and not (out / "a.xml").exists()
    assert report.skipped_images == 1 and "different file" in report.problems[0]


def test_two_images_with_one_stem_do_not_share_a_label_file(tmp_path):
    folder = tmp_path / "voc"
    folder.mkdir()
    write_image(folder / "photo.jpg", 20, 10)
    write_image(folder / "photo.png", 20, 10)
    report = export_yolo(open_dataset(folder), tmp_path / "y")
    assert report.images == 1 and report.skipped_images == 1
    assert any("photo.png" in p and "same label file" in p for p in report.problems)


@pytest.mark.parametrize("why", ["EXDEV", "EINVAL"])  # EINVAL: Windows on FAT32/exFAT, as CPython maps it
def test_images_are_copied_where_hard_links_are_impossible(small_voc, tmp_path, monkeypatch, why):
    import errno
    import os

    def no_links(*_args):
        raise OSError(getattr(errno, why), "no hard link here")

    monkeypatch.setattr(os, "link", no_links)
    report = export_yolo(open_dataset(small_voc), tmp_path / "y")
    copied = tmp_path / "y" / "images" / "a.png"
    assert report.problems == [] and copied.read_bytes() == (small_voc / "a.png").read_bytes()
    assert not os.path.samefile(copied, small_voc / "a.png")


def test_an_image_name_near_the_file_systems_limit_converts_and_stops_nothing(tmp_path):
    long = "x" * 245  # its annotation's temporary name, with a dot, the pid and a suffix, was too long
    folder = _yolo_folder(tmp_path, {long: "0 .5 .5 .2 .2\n", "b": "1 .5 .5 .2 .2\n"}, images=(long, "b"))
    out = tmp_path / "out"
    report = write_voc_records(read_yolo(folder, ConversionReport()), out)
    assert (out / f"{long}.xml").is_file() and (out / "b.xml").is_file()
    assert report.images == 2 and report.problems == []


def test_an_image_already_in_place_stays_when_its_annotation_cannot_be_written(tmp_path, monkeypatch):
    from petloc_gui.core.interop import voc_out

    folder = _yolo_folder(tmp_path, {"a": "0 .5 .5 .2 .2\n"}, images=("a",))
    before = (folder / "a.png").read_bytes()

    def refused(annotation, target):
        raise SaveError("disk full", target)

    monkeypatch.setattr(voc_out, "write_new_voc", refused)
    report = write_voc_records(read_yolo(folder, ConversionReport()), folder)  # in place
    assert report.skipped_images == 1 and (folder / "a.png").read_bytes() == before  # the user's own image


def test_a_file_system_error_writing_one_annotation_is_that_images_problem(tmp_path, monkeypatch):
    import errno

    from petloc_gui.core.interop import voc_out

    folder = _yolo_folder(tmp_path, {"a": "0 .5 .5 .2 .2\n", "b": "1 .5 .5 .2 .2\n"})
    real_write = voc_out.write_voc

    def refused_for_a(annotation, target):
        if target.name.startswith(".a.xml"):
            raise OSError(errno.ENAMETOOLONG, "File name too long")  # not wrapped by the writer
        return real_write(annotation, target)

    monkeypatch.setattr(voc_out, "write_voc", refused_for_a)
    out = tmp_path / "out"
    report = write_voc_records(read_yolo(folder, ConversionReport()), out)
    assert (out / "b.xml").is_file() and not (out / "a.png").exists()  # the run went on; a is not half there
    assert report.skipped_images == 1 and "File name too long" in report.problems[0]
