"""core.image_orientation.orientation_tag: the EXIF Orientation an open image's header carries, which petloc applies
(`load_image`, `image_size`) and an export writes upright (`core.interop.upright`) — one reading for both."""

from __future__ import annotations

import pytest
from PIL import Image

from petloc_gui.core.image_orientation import orientation_tag

_XMP_ORIENTATION_8 = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
                      'syntax-ns#"><rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" '
                      'tiff:Orientation="8"/></rdf:RDF></x:xmpmeta>')


def _exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()


@pytest.mark.parametrize(("suffix", "options"), [
    (".png", {}), (".webp", {"lossless": True}), (".jpg", {"quality": 90})])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_the_exif_orientation_of_each_format(tmp_path, suffix, options, orientation):
    path = tmp_path / f"o{suffix}"
    Image.new("RGB", (6, 4)).save(path, exif=_exif(orientation), **options)
    with Image.open(path) as image:
        assert orientation_tag(image) == orientation


def test_a_tiff_tag(tmp_path):
    path = tmp_path / "o.tif"
    Image.new("RGB", (6, 4)).save(path, tiffinfo={0x0112: 6})
    with Image.open(path) as image:
        assert orientation_tag(image) == 6


def test_no_exif_is_upright(tmp_path):
    path = tmp_path / "plain.png"
    Image.new("RGB", (6, 4)).save(path)
    with Image.open(path) as image:
        assert orientation_tag(image) == 1


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data:UserWarning")  # Pillow's, about the file made so here
def test_a_value_out_of_range_or_unreadable_is_upright(tmp_path):
    out_of_range, corrupt = tmp_path / "nine.png", tmp_path / "corrupt.webp"
    Image.new("RGB", (6, 4)).save(out_of_range, exif=_exif(9))
    Image.new("RGB", (6, 4)).save(corrupt, exif=b"Exif\x00\x00II*\x00\xff\xff\xff\x7f", lossless=True)
    for path in (out_of_range, corrupt):
        with Image.open(path) as image:
            assert orientation_tag(image) == 1, path.name


def test_an_xmp_orientation_is_not_read(tmp_path):
    """Pillow's getexif() falls back to XMP; browsers, Qt and OpenCV do not apply it, nor does petloc."""
    path = tmp_path / "xmp.webp"
    Image.new("RGB", (6, 4)).save(path, xmp=_XMP_ORIENTATION_8.encode(), lossless=True)
    with Image.open(path) as image:
        assert image.getexif().get(0x0112) == 8  # what the fallback would have read
        assert orientation_tag(image) == 1
