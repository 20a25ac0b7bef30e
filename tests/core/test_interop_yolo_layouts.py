"""YOLO import finds each image's label file as Ultralytics does: the last images/ folder of its path
becomes labels/ (Roboflow's train/images + train/labels as well as images/train + labels/train), with a
label beside the image as the fallback."""

from __future__ import annotations

from petloc_gui.core.interop import ConversionReport, read_yolo, write_voc_records
from tests.cli.helpers import write_image


def _image(path, label_path=None, line="0 0.5 0.5 0.5 0.5\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    write_image(path, 64, 32)
    if label_path is not None:
        label_path.parent.mkdir(parents=True, exist_ok=True)
        label_path.write_text(line)


def test_roboflows_split_folders_each_holding_images_and_labels(tmp_path):
    src = tmp_path / "roboflow"
    _image(src / "train" / "images" / "a.jpg", src / "train" / "labels" / "a.txt")
    _image(src / "valid" / "images" / "b.jpg", src / "valid" / "labels" / "b.txt", "1 0.25 0.5 0.5 0.5\n")
    _image(src / "test" / "images" / "c.jpg")  # not annotated
    (src / "data.yaml").write_text("train: ../train/images\nval: ../valid/images\nnc: 2\nnames: ['cat', 'dog']\n")
    (src / "README.roboflow.txt").write_text("Exported from roboflow.com\n")  # not a label file
    report = ConversionReport()
    records = read_yolo(src, report)
    assert report.problems == [] and report.skipped_images == 0
    assert [(r.relative, r.annotated, [o.label for o in r.objects]) for r in records] == [
        ("test/c.jpg", False, []), ("train/a.jpg", True, ["cat"]), ("valid/b.jpg", True, ["dog"])]
    assert records[2].objects[0].box.as_tuple() == (0.0, 8.0, 32.0, 24.0)
    out = tmp_path / "voc"
    write_voc_records(records, out)
    assert (out / "train" / "a.xml").is_file() and (out / "valid" / "b.xml").is_file()
    assert not (out / "test" / "c.xml").exists()


def test_a_label_beside_its_image_is_the_fallback_and_the_last_images_folder_counts(tmp_path):
    src = tmp_path / "ultra"
    _image(src / "images" / "beside.jpg", src / "images" / "beside.txt")  # labelImg saved it there
    _image(src / "images" / "set" / "images" / "deep.jpg", src / "images" / "set" / "labels" / "deep.txt")
    (src / "labels").mkdir()
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert report.problems == []
    assert [(r.relative, len(r.objects)) for r in records] == [("beside.jpg", 1), ("images/set/deep.jpg", 1)]


def test_a_label_without_its_image_names_where_the_image_was_looked_for(tmp_path):
    src = tmp_path / "roboflow"
    _image(src / "train" / "images" / "a.jpg", src / "train" / "labels" / "a.txt")
    (src / "train" / "labels" / "ghost.txt").write_text("0 0.5 0.5 0.1 0.1\n")
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [r.relative for r in records] == ["train/a.jpg"]
    assert report.problems == [f"{src / 'train' / 'labels' / 'ghost.txt'}: no image ghost.* found in "
                               f"{src / 'train' / 'images'}; labels not converted"]
    assert report.skipped_images == 1


def test_two_images_of_one_label_name_in_a_split_folder(tmp_path):
    src = tmp_path / "roboflow"
    _image(src / "train" / "images" / "a.jpg", src / "train" / "labels" / "a.txt")
    _image(src / "train" / "images" / "a.png")
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [(r.relative, r.annotated) for r in records] == [("train/a.jpg", True)]
    assert report.problems == [f"{src / 'train' / 'images' / 'a.png'}: same name as a.jpg: the label file "
                               "belongs to one image only; image left out"]


def test_darknets_image_lists_are_not_label_files(tmp_path):
    src = tmp_path / "darknet"
    _image(src / "obj" / "t.jpg", src / "obj" / "t.txt")
    (src / "obj.names").write_text("cat\n")
    (src / "obj.data").write_text("classes=1\ntrain=data/train.txt\nvalid=data/valid.txt\nnames=data/obj.names\n")
    (src / "train.txt").write_text("data/obj/t.jpg\r\nC:\\darknet\\data\\obj\\u.JPEG\ndata/obj/v.heic\n")
    (src / "valid.txt").write_text("")
    (src / "lists").mkdir()
    (src / "lists" / "more.txt").write_text("/data/x.png\n")
    (src / "obj" / "ghost.txt").write_text("0 0.5 0.5 0.1 0.1\n")  # a label file without its image
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [(r.relative, len(r.objects)) for r in records] == [("obj/t.jpg", 1)]
    assert report.problems == [f"{src / 'obj' / 'ghost.txt'}: no image ghost.* found in {src / 'obj'}; "
                               "labels not converted"]
    assert report.skipped_images == 1


def test_one_nested_split_folder_leaves_the_flat_images_around_it_flat(tmp_path):
    src = tmp_path / "mixed"
    _image(src / "a.png", src / "a.txt")  # labelImg's flat layout at the top
    _image(src / "extra" / "images" / "b.png", src / "extra" / "labels" / "b.txt", "0 0.25 0.5 0.5 0.5\n")
    _image(src / "extra" / "c.png", src / "extra" / "c.txt")  # beside the split folders: read flat
    (src / "old.txt").write_text("0 0.5 0.5 0.1 0.1\n")  # a label without its image is still reported
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [(r.relative, len(r.objects)) for r in records] == [("a.png", 1), ("extra/b.png", 1), ("extra/c.png", 1)]
    assert records[1].objects[0].box.as_tuple() == (0.0, 8.0, 32.0, 24.0)
    assert report.problems == [f"{src / 'old.txt'}: no image old.* found in {src}; labels not converted"]


def test_images_at_the_top_of_a_split_folder_are_read_too(tmp_path):
    src = tmp_path / "ultra"
    _image(src / "images" / "a.jpg", src / "labels" / "a.txt")
    _image(src / "loose.jpg", src / "loose.txt")  # no YOLO trainer reads it, but it is someone's box
    _image(src / "preview.jpg")
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [(r.relative, r.annotated) for r in records] == [("a.jpg", True), ("loose.jpg", True),
                                                             ("preview.jpg", False)]
    assert report.problems == [] and report.skipped_images == 0


def test_a_label_beside_its_image_in_a_split_is_read_and_said_to_be_unseen_by_ultralytics(tmp_path):
    """Ultralytics finds a label only by img2label_paths (images/ -> labels/) and trains an image without one
    as background: the fallback reads it here, and a warning names it so that the folder means one thing."""
    src = tmp_path / "roboflow"
    _image(src / "train" / "images" / "a.jpg", src / "train" / "labels" / "a.txt")
    _image(src / "train" / "images" / "b.jpg", src / "train" / "images" / "b.txt")
    _image(src / "train" / "images" / "c.jpg", src / "train" / "images" / "c.txt")
    _image(src / "flat" / "d.jpg", src / "flat" / "d.txt")  # labelImg's own layout: no warning
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [(r.relative, len(r.objects)) for r in records] == [
        ("flat/d.jpg", 1), ("train/a.jpg", 1), ("train/b.jpg", 1), ("train/c.jpg", 1)]
    assert report.problems == []
    assert report.warnings == [
        f"{src}: 2 images in split folders have their label file beside them (e.g. "
        f"{src / 'train' / 'images' / 'b.txt'}) rather than in labels/ ({src / 'train' / 'labels' / 'b.txt'}): read "
        "here, but Ultralytics looks only in labels/ and would train them as background (no objects). Move the "
        "label files to labels/ before training with Ultralytics"]


def test_a_txt_beside_an_image_whose_label_is_in_labels_is_named_as_passed_over(tmp_path):
    """images/a.txt beside images/a.jpg, whose label is labels/a.txt: Ultralytics reads labels/a.txt only. It
    was reported as 'no image a.* found' (a.jpg is there) and counted as a skipped image (a.jpg was converted)."""
    src = tmp_path / "ultra"
    _image(src / "images" / "a.jpg", src / "labels" / "a.txt")
    (src / "images" / "a.txt").write_text("0 0.25 0.25 0.2 0.2\n")
    (src / "classes.txt").write_text("cat\n")
    report = ConversionReport()
    records = read_yolo(src, report)
    assert [(r.relative, r.objects[0].box.as_tuple()) for r in records] == [("a.jpg", (16.0, 8.0, 48.0, 24.0))]
    assert report.problems == [
        f"{src / 'images' / 'a.txt'}: beside a.jpg, whose label file is {src / 'labels' / 'a.txt'}, the one "
        "Ultralytics reads: not converted. Copy its lines there if they are boxes of that image, or delete it"]
    assert report.skipped_images == 0
