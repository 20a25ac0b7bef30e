"""The two flaws viewers forgive: a JPEG missing only its end marker and a PNG with a bad checksum
in a chunk that holds no pixels (a text chunk here) load (from repaired bytes, the file untouched); any
other damage stays refused."""

from __future__ import annotations

import io
import re
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.images import image_size, load_image

from .helpers import png_chunk, snapshot


def _jpeg(progressive: bool, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((96, 64), 64).convert(mode).save(buffer, "JPEG", quality=90, progressive=progressive)
    return buffer.getvalue()


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


@pytest.mark.parametrize("progressive", [False, True], ids=["baseline", "progressive"])
@pytest.mark.parametrize("missing", [1, 2])
def test_jpeg_missing_only_its_end_marker_loads_whole(tmp_path, progressive, missing):
    data = _jpeg(progressive)
    assert data.endswith(b"\xff\xd9")
    path = tmp_path / "no_end.jpg"
    path.write_bytes(data[:-missing])
    before = snapshot(path)
    assert image_size(path) == (96, 64)
    assert np.array_equal(load_image(path), _pixels(data))
    assert load_image(path, max_size=48).shape == (32, 48, 3)
    assert snapshot(path) == before


@pytest.mark.parametrize("progressive", [False, True], ids=["baseline", "progressive"])
@pytest.mark.parametrize("kept", [0.5, 0.95, -8])
def test_jpeg_cut_inside_its_image_data_stays_refused(tmp_path, progressive, kept):
    # Loaded, it would be grey where the data is missing.
    data = _jpeg(progressive)
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[:int(len(data) * kept)] if kept > 0 else data[:kept])
    with pytest.raises(ImageLoadError, match="truncated"):
        load_image(path)


def test_progressive_jpeg_cut_between_two_scans_stays_refused(tmp_path):
    # Every scan present is complete, but the last refinements are missing: a blurred image.
    data = _jpeg(progressive=True)
    scans = [match.start() for match in re.finditer(b"\xff\xda", data)]
    assert len(scans) > 2
    path = tmp_path / "between_scans.jpg"
    for cut in scans[1:]:
        path.write_bytes(data[:cut])
        with pytest.raises(ImageLoadError):
            load_image(path)


def _bad_crc(chunk: bytes) -> bytes:
    return chunk[:-4] + struct.pack(">I", (struct.unpack(">I", chunk[-4:])[0] ^ 1))


def _gray_png(*extra: bytes) -> bytes:
    ihdr = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 3, 1, 8, 0, 0, 0, 0))
    idat = png_chunk(b"IDAT", zlib.compress(b"\x00\x10\x80\xf0"))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"".join(extra) + idat + png_chunk(b"IEND", b"")


@pytest.mark.parametrize("kind", [b"tEXt", b"zTXt", b"iTXt", b"tIME"])
def test_png_with_a_bad_checksum_in_a_text_chunk_loads(tmp_path, kind):
    payload = {b"tEXt": b"Comment\x00hello", b"zTXt": b"Comment\x00\x00" + zlib.compress(b"hello"),
               b"iTXt": b"Comment\x00\x00\x00\x00\x00hello", b"tIME": struct.pack(">HBBBBB", 2024, 1, 2, 3, 4, 5)}
    path = tmp_path / "text.png"
    path.write_bytes(_gray_png(png_chunk(b"tEXt", b"Title\x00fine"), _bad_crc(png_chunk(kind, payload[kind]))))
    before = snapshot(path)
    assert image_size(path) == (3, 1)
    assert load_image(path)[0, :, 0].tolist() == [0x10, 0x80, 0xF0]
    assert snapshot(path) == before


def _exif_rotated() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6
    return exif.tobytes()


# transparency, orientation, an APNG's frame layout, and a critical chunk: dropping any would change the
# pixels (tests/core/test_images_damaged_chunks.py: those whose loss changes nothing load)
@pytest.mark.parametrize(("kind", "data"), [
    (b"tRNS", b"\x00\x10"), (b"eXIf", _exif_rotated()), (b"acTL", struct.pack(">II", 1, 0)),
    (b"fcTL", struct.pack(">IIIIIHHBB", 0, 3, 1, 0, 0, 1, 10, 0, 0)), (b"PLTE", b"\x00" * 6)],
    ids=["tRNS", "eXIf", "acTL", "fcTL", "PLTE"])
def test_png_with_a_bad_checksum_in_a_chunk_that_changes_pixels_stays_refused(tmp_path, kind, data):
    path = tmp_path / "bad.png"
    path.write_bytes(_gray_png(_bad_crc(png_chunk(b"tEXt", b"a\x00b")), _bad_crc(png_chunk(kind, data))))
    for read in (image_size, load_image):
        with pytest.raises(ImageLoadError) as info:
            read(path)
        assert info.value.reason == f"PNG file is damaged (bad CRC in its {kind.decode()} chunk)"
