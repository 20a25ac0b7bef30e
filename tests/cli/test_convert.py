"""`petloc convert`: both directions, per-line problems on stderr, exit codes, progress."""

from __future__ import annotations

import json
import re

from tests.cli.helpers import last_json, run_cli, write_annotated, write_image
from tests.core.interop_helpers import (
    assert_same_boxes,
    voc_boxes,
)

# A progress line: `petloc: yolo export: reading 250/250 ETA 0:00`, `petloc: writing VOC 250/250 ETA 0:00`
PROGRESS = re.compile(r"petloc: ((yolo|coco) export: (reading|writing)|reading (yolo|coco)|writing VOC) "
                      r"\d+/\d+ ETA \S+")


def _messages(stderr: str) -> list[str]:
    """stderr lines other than progress and the summary; each must be a `petloc: ` line."""
    lines = [line for line in stderr.splitlines()
             if line.strip() and not line.startswith("converted ") and not PROGRESS.fullmatch(line)]
    assert "Traceback" not in stderr
    for line in lines:
        assert line.startswith("petloc: "), line
    return lines


def test_to_yolo_and_back(small_voc, tmp_path, capsys):
    code, out, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", tmp_path / "y", "--json")
    assert code == 0
    summary = last_json(out)
    assert (summary["images"], summary["annotated"], summary["objects"]) == (5, 4, 4)
    assert summary["to"] == "yolo" and summary["problems"] == []
    assert "converted" in err and "5 images (4 annotated), 4 boxes" in err
    # The one warning: u.png goes out without a label file.
    assert [m for m in _messages(err) if "background" in m]
    code, out, err = run_cli(capsys, "convert", tmp_path / "y", "--from", "yolo", tmp_path / "v")
    assert code == 0 and _messages(err) == []
    assert_same_boxes(voc_boxes(small_voc), voc_boxes(tmp_path / "v"))


def test_unreviewed_pre_labels_are_counted_since_yolo_and_coco_cannot_mark_them(small_voc, tmp_path, capsys):
    from petloc_gui.core.voc import read_voc, write_voc

    annotation = read_voc(small_voc / "a.xml")
    annotation.prelabel = "petloc pre-label by petloc predict, model pets"
    write_voc(annotation, small_voc / "a.xml")
    code, out, err = run_cli(capsys, "convert", small_voc, "--to", "coco", tmp_path / "c", "--json")
    assert code == 0 and last_json(out)["prelabels"] == 1
    assert "1 unreviewed pre-label among the annotations" in err
    code, out, _ = run_cli(capsys, "convert", small_voc, "--to", "yolo", tmp_path / "y", "--json")
    assert last_json(out)["prelabels"] == 1


def test_to_coco_and_back(small_voc, tmp_path, capsys):
    code, _, _ = run_cli(capsys, "convert", small_voc, "--to", "coco", tmp_path / "c",
                         "--images", "copy", "--annotated-only")
    assert code == 0
    document = json.loads((tmp_path / "c" / "annotations.json").read_text())
    assert len(document["images"]) == 4 and len(document["annotations"]) == 4
    assert (tmp_path / "c" / "images" / "a.png").stat().st_nlink == 1  # a copy, not a link
    code, _, err = run_cli(capsys, "convert", tmp_path / "c" / "annotations.json", "--from", "coco",
                           tmp_path / "v")
    assert code == 0, err
    expected = voc_boxes(small_voc)
    del expected["e.png"]  # annotated with no boxes: COCO cannot carry that
    assert_same_boxes(expected, voc_boxes(tmp_path / "v"))


def test_bad_yolo_lines_are_reported_and_the_rest_converted(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    for stem in ("a", "b"):
        write_image(src / f"{stem}.png", 100, 50)
    (src / "classes.txt").write_text("cat\n")
    (src / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n3 0.5 0.5 0.2 0.2\n0 0.5 0.5\n")
    (src / "b.txt").write_text("0 1.5 0.5 0.2 0.2\n0 0.2 0.2 0.1 0.1\n")
    (src / "lost.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    code, out, err = run_cli(capsys, "convert", src, "--from", "yolo", tmp_path / "v", "--json")
    assert code == 0
    messages = _messages(err)
    assert any(f"{src / 'a.txt'}:2:" in m and "class id 3" in m for m in messages)
    assert any(f"{src / 'a.txt'}:3:" in m and "expected 5 values" in m for m in messages)
    assert any(f"{src / 'b.txt'}:1:" in m and "outside" in m for m in messages)
    assert any(str(src / "lost.txt") in m and "no image" in m for m in messages)
    summary = last_json(out)
    assert summary["objects"] == 2 and summary["skipped_objects"] == 3
    assert len(summary["problems"]) == 4
    assert "2 boxes" in err.splitlines()[-1]


def test_existing_voc_needs_overwrite(small_voc, tmp_path, capsys):
    run_cli(capsys, "convert", small_voc, "--to", "yolo", tmp_path / "y")
    out = tmp_path / "v"
    out.mkdir()
    (out / "a.xml").write_text("<annotation><filename>a.png</filename></annotation>")
    code, _, err = run_cli(capsys, "convert", tmp_path / "y", "--from", "yolo", out)
    assert code == 0 and "left untouched" in err and "--overwrite" in err
    assert "<object>" not in (out / "a.xml").read_text()
    code, _, _ = run_cli(capsys, "convert", tmp_path / "y", "--from", "yolo", out, "--overwrite")
    assert code == 0 and "<name>cat</name>" in (out / "a.xml").read_text()


def test_failures_exit_1_and_usage_errors_exit_2(small_voc, tmp_path, capsys):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("x")
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "coco", busy)
    assert code == 1 and _messages(err) == [f"petloc: {busy}: folder is not empty; choose a new "
                                            "or empty folder, or pass --overwrite to replace the "
                                            "files the export writes"]
    code, _, err = run_cli(capsys, "convert", tmp_path / "nowhere", "--from", "yolo", tmp_path / "o")
    assert code == 1 and "nowhere" in err
    code, _, err = run_cli(capsys, "convert", tmp_path / "busy", "--from", "yolo", tmp_path / "o")
    assert code == 1 and "classes.txt" in err
    code, _, _ = run_cli(capsys, "convert", small_voc, tmp_path / "o")
    assert code == 2
    code, _, _ = run_cli(capsys, "convert", small_voc, "--to", "voc", tmp_path / "o")
    assert code == 2


def test_nothing_converted_exits_1(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "classes.txt").write_text("cat\n")
    (src / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", tmp_path / "v")
    assert code == 1 and "nothing converted" in err


def _progress(stderr: str) -> list[str]:
    """The progress lines, less their ETA."""
    return [line.rsplit(" ETA ", 1)[0] for line in stderr.splitlines() if PROGRESS.fullmatch(line)]


def test_progress_on_big_folders_counts_images_once_per_pass(tmp_path, capsys):
    """An export goes over the images twice (reading, then writing), and its bar counted both as one:
    `coco export 250/500` when 250 images had been read, `yolo export 5000/20000` for 10,000 images.
    Each pass now has a line of its own counting images, with the `petloc: ` of predict's and evaluate's."""
    src = tmp_path / "big"
    src.mkdir()
    for index in range(240):
        write_annotated(src, f"i{index}", 20, 20, [("cat", (2, 2, 15, 15))])
    for fmt in ("coco", "yolo"):
        code, _, err = run_cli(capsys, "convert", src, "--to", fmt, tmp_path / fmt)
        assert code == 0
        assert _progress(err) == [f"petloc: {fmt} export: {step} {n}/240" for step in ("reading", "writing")
                                  for n in (60, 120, 180, 240)]
        code, _, err = run_cli(capsys, "convert", tmp_path / fmt, "--from", fmt, tmp_path / f"{fmt}-voc")
        assert code == 0
        # COCO's second pass, over its annotations, reads no file: a moment, not shown
        assert _progress(err) == [f"petloc: {step} {n}/240" for step in (f"reading {fmt}", "writing VOC")
                                  for n in (60, 120, 180, 240)]


def test_no_progress_under_200_images(tmp_path, capsys):
    """From 200 images on, as docs/cli.md says (the doubled count showed a bar from 100)."""
    src = tmp_path / "small"
    src.mkdir()
    for index in range(150):
        write_image(src / f"i{index}.png", 4, 4)
    code, _, err = run_cli(capsys, "convert", src, "--to", "coco", tmp_path / "c")
    assert code == 0 and _progress(err) == [] and "ETA" not in err


def test_export_of_a_messy_folder_reports_each_file_and_exports_the_rest(messy_dataset, tmp_path,
                                                                         capsys):
    code, out, err = run_cli(capsys, "convert", messy_dataset, "--to", "coco", tmp_path / "c",
                             "--json")
    assert code == 0
    summary = last_json(out)
    problems = "\n".join(summary["problems"])
    for name in ("d.jpg", "e.xml", "g.xml"):  # corrupt image, broken XML, hostile XML
        assert f"{messy_dataset / name}: " in problems
    assert len(summary["problems"]) == 3 and summary["skipped_images"] == 3
    warnings = "\n".join(summary["warnings"])
    assert f"{messy_dataset / 'b.xml'}: " in warnings and "clamped" in warnings
    assert f"{messy_dataset / 'f.xml'}: " in warnings and "inverted" in warnings
    assert (summary["images"], summary["annotated"], summary["objects"]) == (4, 3, 3)
    document = json.loads((tmp_path / "c" / "annotations.json").read_text())
    boxes = {image["file_name"]: [a["bbox"] for a in document["annotations"]
                                  if a["image_id"] == image["id"]] for image in document["images"]}
    assert boxes == {"a.png": [[5, 5, 15, 15]], "b.png": [[30, 10, 10, 15]], "c.png": [],
                     "f.png": [[10, 10, 10, 10]]}
    assert "1 image without an annotation was listed with no annotations" in warnings  # c.png
    assert len(_messages(err)) == 6


def test_an_export_into_the_dataset_is_refused_with_one_line(small_voc, capsys):
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", small_voc / "yolo",
                           "--overwrite")
    assert code == 1
    assert _messages(err) == [f"petloc: {small_voc / 'yolo'}: is inside the dataset being exported "
                              f"({small_voc}), so the export would become part of the dataset; "
                              "choose a folder outside it"]
    assert not (small_voc / "yolo").exists()
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "coco", small_voc, "--overwrite")
    assert code == 1
    assert _messages(err) == [f"petloc: {small_voc}: is the folder of the dataset being exported, so the "
                              "export would become part of the dataset; choose a folder outside it"]
    assert not (small_voc / "annotations.json").exists()


def test_from_yolo_writes_the_voc_of_an_image_whose_name_xml_cannot_hold(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    write_image(src / "a\x01.png", 100, 50)
    (src / "classes.txt").write_text("cat\n")
    (src / "a\x01.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", tmp_path / "v")
    assert code == 0 and _messages(err) == []
    assert list(voc_boxes(tmp_path / "v")) == ["a\x01.png"]


def test_from_yolo_leaves_no_image_without_the_voc_file_that_could_not_be_written(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    for stem in ("a", "b"):
        write_image(src / f"{stem}.png", 100, 50)
    (src / "classes.txt").write_text("cat\nd\x01og\n")  # no XML can hold the second label
    (src / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    (src / "b.txt").write_text("1 0.5 0.5 0.2 0.2\n")
    out = tmp_path / "v"
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out)
    [message] = _messages(err)
    assert code == 0  # a.png converted
    assert message.startswith(f"petloc: {out / 'b.xml'}: cannot write annotation: ")
    assert message.endswith("; image not converted")
    # b.png alone would read as an image nobody annotated: it is not left there.
    assert sorted(p.name for p in out.iterdir()) == ["a.png", "a.xml"]


def test_import_writes_each_annotation_where_the_help_says(tmp_path, capsys):
    """--help said OUT/<image>.xml (photo.png.xml); the file is OUT/<stem>.xml, beside the image."""
    from petloc_gui.cli import cmd_convert

    src = tmp_path / "y"
    (src / "images" / "train").mkdir(parents=True)
    (src / "labels" / "train").mkdir(parents=True)
    write_image(src / "images" / "train" / "a.photo.png", 40, 30)
    (src / "labels" / "train" / "a.photo.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    (src / "classes.txt").write_text("cat\n")
    code, _, _ = run_cli(capsys, "convert", src, "--from", "yolo", tmp_path / "v")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "v" / "train").iterdir()) == ["a.photo.png", "a.photo.xml"]
    help_text = " ".join(cmd_convert.EPILOG.split())
    assert "OUT/<image> + OUT/<stem>.xml" in help_text and "sub-folders such as train/ are kept" in help_text
