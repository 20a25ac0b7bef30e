"""PNG and WebP images with an EXIF orientation are exported upright, without the tag (core/interop/upright.py).

Their boxes are normalised to the image as displayed; OpenCV 4.x reads a WebP as stored (it ignores its
orientation, 5.0 applies it) and readers that ignore EXIF read any file as stored. Written upright, every
reader sees the pixels the boxes are on. Each test reads the export the way such a reader does: Pillow
without exif_transpose, the stored pixels.
"""

from __future__ import annotations

import json
import os

import cv2
import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.images import image_size, load_image
from petloc_gui.core.interop import export_coco, export_yolo
from petloc_gui.core.interop import upright as upright_module
from petloc_gui.core.interop.upright import tagged_orientation
from tests.cli.helpers import voc_xml

# Stored 40 wide, 20 high; a white mark in the stored top-left corner, a green one bottom-right.
STORED = np.zeros((20, 40, 3), np.uint8)
STORED[:5, :8] = 255
STORED[15:, 30:, 1] = 200


def _write(path, orientation, fmt="PNG", pixels=STORED, **options):
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.fromarray(pixels).save(path, format=fmt, exif=exif.tobytes(), **options)
    return path


def _annotate(image, box=(1, 1, 6, 6)):
    """A VOC file with one box, in the displayed frame (as petloc draws it)."""
    width, height = image_size(image)
    image.with_suffix(".xml").write_text(voc_xml(image.name, width, height, [("mark", box)]))


def _plain(path) -> np.ndarray:
    """The pixels as a reader that ignores EXIF sees them (RGB)."""
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"))


def _white_box(shown: np.ndarray) -> tuple[int, int, int, int]:
    """(xmin, ymin, xmax, ymax) around the white mark of displayed pixels."""
    ys, xs = np.nonzero(shown.min(axis=2) == 255)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


@pytest.mark.parametrize("orientation", range(2, 9))
def test_a_rotated_png_is_exported_upright_and_its_box_is_on_the_mark(tmp_path, orientation):
    folder = tmp_path / "voc"
    folder.mkdir()
    image = _write(folder / "r.png", orientation)
    shown = load_image(image)  # petloc's pixels, as displayed
    _annotate(image, _white_box(shown))
    report = export_yolo(open_dataset(folder), tmp_path / "out")
    exported = tmp_path / "out" / "images" / "r.png"
    assert tagged_orientation(exported) is None and 0x0112 not in Image.open(exported).getexif()
    assert np.array_equal(_plain(exported), shown)
    # OpenCV (Ultralytics' reader) agrees, and the normalised box lands on the mark.
    decoded = cv2.imdecode(np.fromfile(exported, np.uint8), cv2.IMREAD_COLOR)[:, :, ::-1]
    assert np.array_equal(decoded, shown)
    _, cx, cy, w, h = map(float, (tmp_path / "out" / "labels" / "r.txt").read_text().split())
    height, width = decoded.shape[:2]
    x0, y0 = round((cx - w / 2) * width), round((cy - h / 2) * height)
    x1, y1 = round((cx + w / 2) * width), round((cy + h / 2) * height)
    assert (decoded[y0:y1, x0:x1] == 255).all()
    assert any("1 PNG or WebP image with an EXIF orientation was written upright without it (r.png)" in warning
               for warning in report.warnings)
    assert report.problems == []


def test_a_rotated_webp_is_exported_upright_losslessly(tmp_path):
    folder = tmp_path / "voc"
    folder.mkdir()
    image = _write(folder / "r.webp", 6, "WEBP", lossless=True)
    _annotate(image)
    export_yolo(open_dataset(folder), tmp_path / "out")
    exported = tmp_path / "out" / "images" / "r.webp"
    assert Image.open(exported).format == "WEBP" and tagged_orientation(exported) is None
    assert np.array_equal(_plain(exported), load_image(image))
    assert _plain(exported).shape[:2] == (40, 20)  # turned a quarter: 20 wide, 40 high


def test_depth_and_alpha_are_kept(tmp_path):
    folder = tmp_path / "voc"
    folder.mkdir()
    gray16 = (np.arange(20 * 40, dtype=np.uint16).reshape(20, 40) * 80)
    Image.fromarray(gray16).save(folder / "deep.png", exif=_exif(8))
    rgba = np.dstack([STORED, np.full((20, 40), 128, np.uint8)])
    _write(folder / "alpha.png", 6, pixels=rgba)
    for name in ("deep.png", "alpha.png"):
        _annotate(folder / name)
    export_yolo(open_dataset(folder), tmp_path / "out")
    deep = cv2.imread(str(tmp_path / "out" / "images" / "deep.png"), cv2.IMREAD_UNCHANGED)
    assert deep.dtype == np.uint16 and np.array_equal(deep, np.rot90(gray16, 1))
    alpha = cv2.imread(str(tmp_path / "out" / "images" / "alpha.png"), cv2.IMREAD_UNCHANGED)
    assert alpha.shape == (40, 20, 4) and (alpha[:, :, 3] == 128).all()


def _exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()


def test_coco_export_writes_them_upright_too(tmp_path):
    folder = tmp_path / "voc"
    folder.mkdir()
    image = _write(folder / "r.png", 6)
    _annotate(image)
    export_coco(open_dataset(folder), tmp_path / "out")
    document = json.loads((tmp_path / "out" / "annotations.json").read_text())
    assert (document["images"][0]["width"], document["images"][0]["height"]) == (20, 40)
    assert np.array_equal(_plain(tmp_path / "out" / "images" / "r.png"), load_image(image))


def test_a_rotated_jpeg_and_an_upright_png_keep_their_bytes(tmp_path):
    folder = tmp_path / "voc"
    folder.mkdir()
    jpeg = _write(folder / "r.jpg", 6, "JPEG")
    png = _write(folder / "u.png", 1)
    for image in (jpeg, png):
        _annotate(image)
    report = export_yolo(open_dataset(folder), tmp_path / "out")
    for image in (jpeg, png):
        assert os.path.samefile(image, tmp_path / "out" / "images" / image.name)  # hard-linked as before
    assert not any("EXIF orientation" in warning for warning in report.warnings)


def test_exporting_again_into_the_same_folder_finds_the_upright_copy_there(tmp_path):
    folder = tmp_path / "voc"
    folder.mkdir()
    _annotate(_write(folder / "r.webp", 5, "WEBP", lossless=True))
    export_yolo(open_dataset(folder), tmp_path / "out")
    again = export_yolo(open_dataset(folder), tmp_path / "out", overwrite=True)
    assert again.problems == [] and again.images == 1


def test_one_that_cannot_be_written_upright_keeps_its_tag_and_is_named(tmp_path, monkeypatch):
    folder = tmp_path / "voc"
    folder.mkdir()
    image = _write(folder / "r.png", 6)
    _annotate(image)
    monkeypatch.setattr(upright_module, "upright_pixels", lambda *args: None)  # OpenCV cannot read it
    report = export_yolo(open_dataset(folder), tmp_path / "out")
    assert report.images == 1 and os.path.samefile(image, tmp_path / "out" / "images" / "r.png")
    assert any("1 PNG or WebP image with an EXIF orientation could not be written upright here and keep it "
               "(r.png)" in warning and "mogrify -auto-orient FILE" in warning for warning in report.warnings)


def test_the_datasets_own_image_in_the_export_folder_stays_as_it_is(tmp_path):
    # convert p/images --to yolo p --overwrite: OUT/images is the dataset, its files are not replaced.
    folder = tmp_path / "p" / "images"
    folder.mkdir(parents=True)
    image = _write(folder / "r.png", 6)
    _annotate(image)
    before = image.read_bytes()
    report = export_yolo(open_dataset(folder), tmp_path / "p", overwrite=True)
    assert report.problems == [] and image.read_bytes() == before
    assert any("could not be written upright here and keep it (r.png)" in w for w in report.warnings)
