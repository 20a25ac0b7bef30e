"""An orientation written only in XMP (tiff:Orientation) is not applied: the EXIF tag alone counts.

Browsers, Qt's QImageReader (autoTransform), OpenCV and labelImg show such a photo as stored;
Pillow's ``getexif``/``exif_transpose`` rotate it. A box drawn in those tools must land on the
same pixels in petloc, so its sizes and pixels are the stored ones.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, PngImagePlugin

from petloc_gui.core.images import image_size, load_image

# 60 x 40 stored, red top-left quadrant: any rotation or flip moves it.
_STORED = np.zeros((40, 60, 3), np.uint8)
_STORED[:20, :30] = (255, 0, 0)
_STORED[20:, 30:] = (0, 0, 255)

_XMP_ATTRIBUTE = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="{}"/>'
    "</rdf:RDF></x:xmpmeta>")
_XMP_ELEMENT = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/">'
    "<tiff:Orientation>{}</tiff:Orientation></rdf:Description></rdf:RDF></x:xmpmeta>")


def _save(path, xmp: str, exif_orientation: int | None = None, **options) -> None:
    if path.suffix == ".tif":  # Pillow ignores exif= when tiffinfo= is given: both tags here
        options["tiffinfo"] = {700: xmp.encode()}
        if exif_orientation is not None:
            options["tiffinfo"][0x0112] = exif_orientation
        Image.fromarray(_STORED).save(path, **options)
        return
    if exif_orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        options["exif"] = exif.tobytes()
    if path.suffix == ".png":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", xmp)
        options["pnginfo"] = info
    else:
        options["xmp"] = xmp.encode()
    Image.fromarray(_STORED).save(path, **options)


def _assert_as_stored(path) -> None:
    array = load_image(path)
    assert image_size(path) == (60, 40)
    assert array.shape == (40, 60, 3)
    assert np.abs(array[10, 15].astype(int) - (255, 0, 0)).max() < 60  # red stays top-left
    assert np.abs(array[30, 45].astype(int) - (0, 0, 255)).max() < 60


@pytest.mark.parametrize("orientation", [3, 6, 8])
@pytest.mark.parametrize("template", [_XMP_ATTRIBUTE, _XMP_ELEMENT], ids=["attribute", "element"])
@pytest.mark.parametrize(("suffix", "options"), [
    (".jpg", {"quality": 95}), (".webp", {"lossless": True}), (".png", {}),
    (".tif", {}), (".tif", {"compression": "tiff_lzw"}),
], ids=["jpeg", "webp", "png", "tiff", "tiff-lzw"])
def test_an_xmp_only_orientation_is_not_applied(tmp_path, orientation, template, suffix, options):
    # TIFF matters: Pillow orients a TIFF itself on load, and fell back to the XMP packet for the
    # pixels while the header size stayed unrotated (size and pixels disagreed).
    path = tmp_path / f"xmp{orientation}{suffix}"
    _save(path, template.format(orientation), **options)
    with Image.open(path) as raw:
        assert raw.getexif().get(0x0112) == orientation  # the trap is real: Pillow reads it
    _assert_as_stored(path)


@pytest.mark.parametrize(("suffix", "options"), [
    (".jpg", {"quality": 95}), (".webp", {"lossless": True}), (".tif", {}),
], ids=["jpeg", "webp", "tiff"])
def test_the_exif_tag_wins_over_xmp(tmp_path, suffix, options):
    # EXIF 1 (upright) with XMP 6: stored; EXIF 6 with XMP 8: rotated 90 clockwise, as EXIF says.
    upright = tmp_path / f"upright{suffix}"
    _save(upright, _XMP_ATTRIBUTE.format(6), exif_orientation=1, **options)
    _assert_as_stored(upright)
    rotated = tmp_path / f"rotated{suffix}"
    _save(rotated, _XMP_ATTRIBUTE.format(8), exif_orientation=6, **options)
    array = load_image(rotated)
    assert image_size(rotated) == (40, 60) and array.shape == (60, 40, 3)
    assert np.abs(array[15, 30].astype(int) - (255, 0, 0)).max() < 60  # red now top-right


def test_petloc_shows_what_opencv_shows(tmp_path):
    # OpenCV applies the EXIF tag (IMREAD_COLOR) and ignores XMP, as labelImg and browsers do.
    cv2 = pytest.importorskip("cv2")
    for name, exif_orientation in (("xmp_only.jpg", None), ("exif6.jpg", 6)):
        path = tmp_path / name
        _save(path, _XMP_ATTRIBUTE.format(8), exif_orientation=exif_orientation, quality=95)
        ours = load_image(path).astype(int)
        theirs = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB).astype(int)
        assert ours.shape == theirs.shape, name
        assert np.abs(ours - theirs).max() <= 8, name
