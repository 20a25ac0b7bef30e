"""YOLO export of images named otherwise than Ultralytics reads (its IMG_FORMATS): a JPEG named .jfif or
.jpe and a PNG named .apng go out under .jpg / .png (bytes unchanged); a GIF or a DIB, which Ultralytics
would skip (a GIF is a video to it), is exported with a warning that its labels train nothing, and so is
one under a name Ultralytics reads (a GIF named .jpg), whose content it refuses."""

from __future__ import annotations

import os

from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import ConversionReport, export_yolo, read_yolo
from tests.cli.helpers import voc_xml

# Ultralytics' IMG_FORMATS (ultralytics/data/utils.py), as its loaders test a name
ULTRALYTICS_IMAGES = {"avif", "bmp", "dng", "heic", "jp2", "jpeg", "jpeg2000", "jpg", "mpo", "png", "tif", "tiff",
                      "webp"}


def _annotated(folder, name, fmt):
    Image.new("RGB", (40, 30), (200, 10, 10)).save(folder / name, format=fmt)
    stem = name.rsplit(".", 1)[0]
    (folder / f"{stem}.xml").write_text(voc_xml(name, 40, 30, [("cat", (5, 5, 20, 20))]))


def test_other_names_of_formats_yolo_reads_get_the_usual_one(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name, fmt in (("a.jfif", "JPEG"), ("b.JPE", "JPEG"), ("c.apng", "PNG"), ("d.jpg", "PNG"), ("e.png", "PNG")):
        _annotated(data, name, fmt)
    out = tmp_path / "yolo"
    report = export_yolo(open_dataset(data), out)
    assert report.problems == [] and report.images == 5
    exported = sorted(os.listdir(out / "images"))
    assert exported == ["a.jpg", "b.jpg", "c.png", "d.jpg", "e.png"]  # a PNG named .jpg: Ultralytics reads it
    assert all(name.rsplit(".", 1)[1].lower() in ULTRALYTICS_IMAGES for name in exported)
    assert sorted(os.listdir(out / "labels")) == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    assert (out / "images" / "a.jpg").read_bytes() == (data / "a.jfif").read_bytes()
    assert report.warnings == [f"{out / 'images'}: 3 images were exported under the usual name of their format, "
                               "which YOLO tools read (e.g. a.jfif as a.jpg); the bytes are unchanged"]
    back = ConversionReport()
    assert sorted(record.relative for record in read_yolo(out, back)) == exported and back.problems == []


def test_images_yolo_does_not_read_are_named_in_a_warning(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _annotated(data, "a.gif", "GIF")
    _annotated(data, "b.dib", "DIB")
    _annotated(data, "c.png", "PNG")
    out = tmp_path / "yolo"
    report = export_yolo(open_dataset(data), out)
    assert report.problems == [] and report.images == 3
    assert sorted(os.listdir(out / "images")) == ["a.gif", "b.dib", "c.png"]
    assert report.warnings == [f"{out / 'images'}: 2 images named .dib, .gif (e.g. a.gif): Ultralytics does not read "
                               "such files as images, so their labels train nothing. Convert them to PNG or JPEG "
                               "before training"]


def test_a_folder_of_usual_names_gets_no_word(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _annotated(data, "a.jpeg", "JPEG")
    _annotated(data, "b.TIF", "TIFF")
    report = export_yolo(open_dataset(data), tmp_path / "yolo")
    assert report.warnings == [] and sorted(os.listdir(tmp_path / "yolo" / "images")) == ["a.jpeg", "b.TIF"]


def test_an_image_whose_content_ultralytics_refuses_is_named_with_its_format(tmp_path):
    """Ultralytics checks the content as well (verify_image_label: "invalid image format GIF"), so a GIF named
    .jpg (as Oxford's Abyssinian_34.jpg) would be skipped with its labels."""
    data = tmp_path / "data"
    data.mkdir()
    _annotated(data, "g.jpg", "GIF")
    _annotated(data, "p.jpg", "PNG")  # Ultralytics reads a PNG whatever its name
    report = export_yolo(open_dataset(data), tmp_path / "yolo")
    assert report.problems == [] and report.images == 2
    assert report.warnings == [f"{tmp_path / 'yolo' / 'images'}: 1 image is of a format Ultralytics does not read "
                               "whatever the name (g.jpg is a GIF): it checks the content and skips such an image "
                               "with its labels ('invalid image format'). Convert it to PNG or JPEG before training"]


def test_many_refused_images_are_counted_and_the_first_three_named(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for stem in ("a", "c", "d"):
        _annotated(data, f"{stem}.png", "GIF")
    _annotated(data, "b.bmp", "DIB")
    [warning] = export_yolo(open_dataset(data), tmp_path / "yolo").warnings
    assert warning.startswith(f"{tmp_path / 'yolo' / 'images'}: 4 images are of a format Ultralytics does not read "
                              "whatever the name (a.png is a GIF, b.bmp is a DIB (a BMP without its file header), "
                              "c.png is a GIF, and 1 more): ")
    assert warning.endswith("Convert them to PNG or JPEG before training")


def test_more_than_one_left_out_reads_n_more_not_n_mores(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for stem in ("a", "c", "d", "e", "f"):
        _annotated(data, f"{stem}.png", "GIF")
    [warning] = export_yolo(open_dataset(data), tmp_path / "yolo").warnings
    assert ", and 2 more): " in warning
