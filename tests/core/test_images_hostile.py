"""Broken, empty, non-image and decompression-bomb files give ImageLoadError."""

from __future__ import annotations

import time

import pytest
from PIL import Image

from petloc_gui.core.errors import ImageLoadError, PetlocError
from petloc_gui.core.images import MAX_PIXELS, image_size, load_image

from .helpers import png_claiming, snapshot


def _check_refused(path, *, header_ok: bool):
    before = snapshot(path)
    with pytest.raises(ImageLoadError) as info:
        load_image(path)
    assert info.value.path == path and path.name in str(info.value)
    if header_ok:
        image_size(path)
    else:
        with pytest.raises(ImageLoadError):
            image_size(path)
    assert snapshot(path) == before
    return info.value


def test_truncated_jpeg(tmp_path):
    full = tmp_path / "full.jpg"
    Image.effect_noise((200, 200), 64).convert("RGB").save(full, quality=95)
    path = tmp_path / "truncated.jpg"
    path.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    error = _check_refused(path, header_ok=True)
    assert "truncated" in str(error).lower() or "decode" in str(error).lower()


def test_empty_file(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert "empty" in str(_check_refused(path, header_ok=False))


def test_text_file_named_jpg(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("this is not an image\n")
    assert "not an image" in str(_check_refused(path, header_ok=False))


def test_missing_file(tmp_path):
    with pytest.raises(ImageLoadError, match="does not exist"):
        load_image(tmp_path / "nope.jpg")
    with pytest.raises(PetlocError):
        image_size(tmp_path / "nope.jpg")


def test_decompression_bomb_header_refused_before_decoding(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(png_claiming(100_000, 100_000))
    start = time.perf_counter()
    error = _check_refused(path, header_ok=False)
    assert time.perf_counter() - start < 2.0
    assert "too large" in str(error)


# pytest resets warning filters per test, so the one core.images sets at import
# time does not apply here.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_just_over_our_limit_but_under_pillows(tmp_path):
    # 10,001 x 10,000 = just over 100 MP: Pillow alone would only warn.
    path = tmp_path / "big.png"
    path.write_bytes(png_claiming(10_001, MAX_PIXELS // 10_001 + 1))
    _check_refused(path, header_ok=False)
