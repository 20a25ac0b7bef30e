"""A file of 1 to 3 bytes named as an image (what an interrupted download leaves) is refused as not an
image, not with an error from inside Pillow: BMP's plugin test reads a 4-byte number from the first
bytes and raised struct.error, which stopped `petloc stats`, convert, evaluate and train whole."""

from __future__ import annotations

import pytest

from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.images import image_size, load_image

TINY = [b"x", b"xx", b"\xff\xd8", b"\x89P", b"II", b"GI", b"RI"]


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
@pytest.mark.parametrize("data", TINY, ids=repr)
def test_a_file_of_a_few_bytes_is_refused_as_not_an_image(tmp_path, data, suffix):
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data)
    for read in (image_size, load_image):
        with pytest.raises(ImageLoadError) as info:
            read(path)
        assert info.value.path == path
        assert info.value.reason.startswith("not an image file"), info.value.reason


def test_a_bmp_cut_after_its_signature_says_so(tmp_path):
    path = tmp_path / "cut.bmp"
    path.write_bytes(b"BM")
    with pytest.raises(ImageLoadError) as info:
        image_size(path)
    assert info.value.reason == "cannot read this BMP file: it is cut short or damaged"
