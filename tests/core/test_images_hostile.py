"""Broken, empty, non-image and decompression-bomb files give ImageLoadError."""

from __future__ import annotations

import contextlib
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
def test_just_over_our_limit(tmp_path):
    # 10,001 x 17,999: just over MAX_PIXELS (180 MP); Pillow warns from 90 MP on.
    path = tmp_path / "big.png"
    path.write_bytes(png_claiming(10_001, MAX_PIXELS // 10_001 + 1))
    _check_refused(path, header_ok=False)


@pytest.mark.parametrize("fmt", ["PNG", "GIF", "WEBP", "BMP", "TIFF"])
def test_truncated_files_of_every_format_are_refused_not_gray(tmp_path, fmt):
    full = tmp_path / "full.img"
    Image.effect_noise((120, 90), 64).convert("RGB").save(full, format=fmt)
    path = tmp_path / f"truncated.{fmt.lower()}"
    path.write_bytes(full.read_bytes()[: full.stat().st_size * 6 // 10])
    with pytest.raises(ImageLoadError) as info:
        load_image(path)
    assert info.value.path == path


def test_folder_named_like_an_image(tmp_path):
    path = tmp_path / "photo.jpg"
    path.mkdir()
    for function in (load_image, image_size):
        with pytest.raises(ImageLoadError, match="not a file") as info:
            function(path)
        assert info.value.path == path


def test_file_vanishing_after_indexing(tmp_path):
    from petloc_gui.core.dataset import open_dataset

    Image.new("RGB", (4, 4)).save(tmp_path / "gone.png")
    item = open_dataset(tmp_path).items[0]
    item.image_path.unlink()
    with pytest.raises(ImageLoadError, match="does not exist") as info:
        load_image(item.image_path)
    assert info.value.path == item.image_path


def test_permission_denied_is_typed(tmp_path, monkeypatch):
    import petloc_gui.core.images as images

    path = tmp_path / "locked.png"
    Image.new("RGB", (4, 4)).save(path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, which ignores chmod; simulate the refusal.
    monkeypatch.setattr(images, "open", refuse, raising=False)
    for function in (load_image, image_size):
        with pytest.raises(ImageLoadError, match="Permission denied") as info:
            function(path)
        assert info.value.path == path


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow warns about corrupt TIFF tags
def test_corrupted_bytes_never_escape_as_other_exceptions(tmp_path):
    # A small deterministic fuzz: flipped bytes in every format give either an
    # image or ImageLoadError (a 10,500-file run of this found no escape).
    import random

    rng = random.Random(1234)
    source = Image.effect_noise((48, 32), 60).convert("RGB")
    for fmt in ("JPEG", "PNG", "GIF", "BMP", "WEBP", "TIFF"):
        clean = tmp_path / f"clean.{fmt}"
        source.save(clean, format=fmt)
        data = clean.read_bytes()
        for trial in range(25):
            broken = bytearray(data)
            for _ in range(rng.choice((1, 4, 16))):
                broken[rng.randrange(len(broken))] = rng.randrange(256)
            path = tmp_path / f"fuzz{trial}.{fmt}"
            path.write_bytes(bytes(broken))
            for function in (image_size, load_image):
                with contextlib.suppress(ImageLoadError):
                    function(path)


@pytest.mark.parametrize(("fmt", "suffix"), [("EPS", "jpg"), ("PPM", "png"), ("ICO", "jpg")])
def test_formats_outside_the_list_are_refused(tmp_path, fmt, suffix):
    # Pillow can open these, but EPS would run Ghostscript on load: a hostile
    # file named .jpg must never reach such a decoder.
    path = tmp_path / f"disguised.{suffix}"
    if fmt == "EPS":
        path.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 8 8\n%%EndComments\n"
                         b"showpage\n%%EOF\n")
    else:
        Image.new("RGB", (8, 8)).save(path, format=fmt)
    with Image.open(path) as probe:
        assert probe.format == fmt  # the trap is real: Pillow alone would take it
    shown = {"EPS": "EPS", "PPM": "Netpbm (PPM/PGM/PBM)", "ICO": "Icon (ICO)"}[fmt]
    reason = _check_refused(path, header_ok=False).reason
    assert reason == f"{shown} images are not supported; convert it to JPEG or PNG"


# --- issue 12 point 7: sparse files, a real JPEG header then zeros -------------

def _jpeg_header(tmp_path, upto_scan: bool) -> bytes:
    """The start of a real JPEG: its segments before (or including) the scan header."""
    full = tmp_path / "real.jpg"
    Image.effect_noise((640, 480), 64).convert("RGB").save(full, quality=90)
    data = full.read_bytes()
    sos = data.index(b"\xff\xda")
    return data[:sos + 20] if upto_scan else data[:sos]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("size", [64 << 20, 2 << 30], ids=["64MiB", "2GiB"])
@pytest.mark.parametrize("upto_scan", [False, True], ids=["header-zeros", "scan-zeros"])
def test_sparse_jpeg_fails_cleanly_and_finishes(tmp_path, size, upto_scan):
    # Pillow skipped the zeros one byte at a time: 207 s for 2 GiB before a
    # clean error. Generous timeout: the test asserts that it finishes.
    path = tmp_path / "sparse.jpg"
    with open(path, "wb") as handle:
        handle.write(_jpeg_header(tmp_path, upto_scan))
        handle.truncate(size)  # sparse: a few KB on disk
    for read in (image_size, load_image):
        with pytest.raises(ImageLoadError) as info:
            read(path)
        assert info.value.path == path
        message = str(info.value)
        assert "junk" in message or "padded" in message, message


def test_real_jpeg_with_appended_data_still_reads(tmp_path):
    # Phones append video to photos (motion photos): a few MB more is fine.
    path = tmp_path / "motion.jpg"
    Image.effect_noise((64, 48), 64).convert("RGB").save(path)
    with open(path, "ab") as handle:
        handle.write(b"\x00" * (4 << 20))
    assert image_size(path) == (64, 48)
    assert load_image(path).shape == (48, 64, 3)
