"""Image decoding by content, to RGB uint8, with EXIF orientation applied."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.images import image_size, load_image

RED = (255, 0, 0)
BLUE = (0, 0, 255)


def _two_halves(width=40, height=20) -> Image.Image:
    """Left half red, right half blue."""
    image = Image.new("RGB", (width, height), BLUE)
    image.paste(RED, (0, 0, width // 2, height))
    return image


def _is_red(pixel) -> bool:
    r, g, b = (int(v) for v in pixel)
    return r > 180 and g < 80 and b < 80


def _is_blue(pixel) -> bool:
    r, g, b = (int(v) for v in pixel)
    return b > 180 and r < 80 and g < 80


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "BMP", "WEBP", "TIFF"])
def test_every_format_loads_by_content_whatever_the_extension(tmp_path, fmt):
    path = tmp_path / "misnamed.jpg"
    _two_halves().save(path, format=fmt)
    array = load_image(path)
    assert array.shape == (20, 40, 3) and array.dtype == np.uint8
    assert _is_red(array[10, 5]) and _is_blue(array[10, 35])
    assert image_size(path) == (40, 20)


@pytest.mark.shared
def test_real_gif_and_rgba_png_named_jpg(oxford_dir):
    for name, size in (("Abyssinian_34.jpg", (250, 202)), ("Abyssinian_5.jpg", (200, 150))):
        path = oxford_dir / "images" / name
        with Image.open(path) as raw:
            assert raw.format in ("GIF", "PNG")  # the trap is really there
        array = load_image(path)
        assert array.shape == (size[1], size[0], 3) and array.dtype == np.uint8
        assert image_size(path) == size


@pytest.mark.parametrize(("orientation", "top_is_red"), [(6, True), (8, False)])
def test_exif_orientation_gives_displayed_size_and_pixels(tmp_path, orientation, top_is_red):
    path = tmp_path / f"rotated_{orientation}.jpg"
    exif = Image.Exif()
    exif[0x0112] = orientation
    _two_halves(40, 20).save(path, exif=exif.tobytes(), quality=95)
    assert image_size(path) == (20, 40)  # w/h swapped as displayed
    array = load_image(path)
    assert array.shape == (40, 20, 3)
    top, bottom = array[5, 10], array[35, 10]
    assert _is_red(top) == top_is_red and _is_blue(bottom) == top_is_red
    assert _is_blue(top) != top_is_red


def test_cmyk_jpeg(tmp_path):
    path = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (8, 6), (0, 255, 255, 0)).save(path, quality=95)
    array = load_image(path)
    assert array.shape == (6, 8, 3) and _is_red(array[3, 4])


def test_16_bit_grayscale_png_is_scaled(tmp_path):
    path = tmp_path / "deep.png"
    values = np.array([[0, 32896, 65535, 65535]], dtype=np.uint16)
    Image.fromarray(values).save(path)
    array = load_image(path)
    assert array.dtype == np.uint8 and array.shape == (1, 4, 3)
    assert list(array[0, :, 0]) == [0, 128, 255, 255]
    assert (array[..., 0] == array[..., 2]).all()


def test_32_bit_integer_tiff(tmp_path):
    path = tmp_path / "int.tif"
    Image.new("I", (3, 2), 40000).save(path)
    assert load_image(path)[0, 0].tolist() == [156, 156, 156]  # 40000 / 257


def test_palette_with_transparency_is_composited_on_white(tmp_path):
    path = tmp_path / "palette.png"
    image = Image.new("P", (4, 2), 0)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.putpixel((3, 1), 1)
    image.save(path, transparency=0)
    array = load_image(path)
    assert array[0, 0].tolist() == [255, 255, 255]  # transparent black -> white
    assert array[1, 3].tolist() == [255, 0, 0]


def test_rgba_transparent_is_white(tmp_path):
    path = tmp_path / "rgba.png"
    image = Image.new("RGBA", (2, 1), (0, 0, 255, 0))
    image.putpixel((1, 0), (0, 0, 255, 255))
    image.save(path)
    assert load_image(path).tolist() == [[[255, 255, 255], [0, 0, 255]]]


@pytest.mark.parametrize(("mode", "value", "expected"), [
    ("L", 100, [100, 100, 100]),
    ("LA", (100, 0), [255, 255, 255]),  # transparent: a BMP's unused alpha is the exception (test_images_alpha.py)
    ("LA", (100, 255), [100, 100, 100]),
    ("1", 1, [255, 255, 255]),
    ("1", 0, [0, 0, 0]),
])
def test_grayscale_modes(tmp_path, mode, value, expected):
    path = tmp_path / f"gray_{mode}.png"
    Image.new(mode, (3, 2), value).save(path)
    assert load_image(path)[1, 2].tolist() == expected


def test_animated_gif_gives_first_frame(tmp_path):
    path = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (4, 4), RED), Image.new("RGB", (4, 4), BLUE)]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert _is_red(load_image(path)[2, 2])


def test_unicode_path(tmp_path):
    path = tmp_path / "ñandú_猫.jpg"
    _two_halves().save(path)
    assert image_size(path) == (40, 20)
    assert load_image(path).shape == (20, 40, 3)


def test_max_size_downscales_keeping_aspect(tmp_path):
    path = tmp_path / "big.jpg"
    _two_halves(400, 300).save(path)
    small = load_image(path, max_size=100)
    assert small.shape == (75, 100, 3)
    assert _is_red(small[40, 10]) and _is_blue(small[40, 90])
    assert load_image(path, max_size=1000).shape == (300, 400, 3)  # never upscaled


def test_16_bit_rgb_png_and_la_and_palette_rgba(tmp_path):
    # 16-bit RGB: Pillow reduces it to 8 bits on load; still RGB uint8 here.
    import struct
    import zlib

    from .helpers import png_chunk

    row = b"\x00" + struct.pack(">HHH", 65535, 0, 0) * 2
    data = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 16, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(row)) + png_chunk(b"IEND", b""))
    path = tmp_path / "rgb48.png"
    path.write_bytes(data)
    assert load_image(path).tolist() == [[[255, 0, 0], [255, 0, 0]]]
    palette = tmp_path / "pa.gif"
    image = Image.new("P", (2, 1), 1)
    image.putpalette([0, 255, 0, 0, 0, 255] + [0] * 762)
    image.putpixel((0, 0), 0)
    image.save(palette, transparency=0)
    assert load_image(palette).tolist() == [[[255, 255, 255], [0, 0, 255]]]


def test_camera_mpo_jpeg_gives_first_picture(tmp_path):
    # Many camera JPEGs are multi-picture (MPO); they must pass the format list.
    path = tmp_path / "camera.jpg"
    Image.new("RGB", (8, 8), RED).save(path, format="MPO", save_all=True,
                                       append_images=[Image.new("RGB", (8, 8), BLUE)])
    with Image.open(path) as raw:
        assert raw.format == "MPO"
    assert _is_red(load_image(path)[4, 4]) and image_size(path) == (8, 8)
