"""Decoded pixels of any mode or depth as 8-bit RGB, transparency composited on white.

16-bit images become 8-bit by Pillow's rule for colour (with or without alpha, gray and alpha too:
the high byte, ``value >> 8``) and by petloc's for one gray channel (``value / 257``, rounded). A
transparent background looks as it does in a viewer: alpha, and an RGB, grayscale or palette
image's transparent colour, matched at the file's depth (1- to 16-bit gray, 16-bit RGB; read before
Pillow loads the pixels: `low_depth_gray_scale`, `sixteen_bit_colour_key_alpha`), except a BMP's
alpha channel that is zero everywhere: that is the unused fourth byte of a 32-bit BMP, and is ignored.
A change to the pixels a file decodes to: bump core.decode_rules.DECODE_RULES_VERSION (the image cache).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, PngImagePlugin

_WHITE = (255, 255, 255)
# Formats whose alpha channel, when zero everywhere, holds no alpha: a 32-bit BMP's fourth byte is
# often unused (OpenCV writes BGRA so), and viewers show its colours. A PNG, WebP or GIF that
# transparent is shown transparent (white here), as viewers show it.
UNUSED_ALPHA_FORMATS = frozenset({"BMP", "DIB"})
# A 2- or 4-bit gray PNG's pixels become 8-bit (x 85, x 17), but Pillow keeps its transparent grey
# (tRNS) at the file's depth: scaled the same, it names the pixels it names in the file.
_LOW_DEPTH_GRAY_SCALES = {"L;2": 85, "L;4": 17}


def to_rgb(image: Image.Image, alpha_may_be_unused: bool = False) -> Image.Image:
    """Any Pillow mode -> RGB (alpha and a transparent colour composited on white, 16-bit scaled).
    ``alpha_may_be_unused``: the image is a BMP's (`UNUSED_ALPHA_FORMATS`), so an alpha channel zero
    everywhere is ignored."""
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        gray = Image.fromarray(_high_depth_to_uint8(image), "L")
        transparent = image.info.get("transparency")
        if not isinstance(transparent, int):
            return gray.convert("RGB")
        # A 16-bit PNG's transparent grey (tRNS) is one of the stored values: matched before they
        # become 8-bit (neighbouring values share an 8-bit one), then composited as any alpha.
        opaque = np.where(np.asarray(image) == transparent, 0, 255).astype(np.uint8)
        return to_rgb(Image.merge("LA", (gray, Image.fromarray(opaque, "L"))))
    has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        mode in ("P", "L", "1", "RGB") and "transparency" in image.info)
    if has_alpha:
        rgba = image.convert("RGBA")
        if alpha_may_be_unused and rgba.getchannel("A").getextrema()[1] == 0:
            # Nothing visible: an alpha channel that holds no alpha, as a 32-bit BMP's
            # fourth byte often is (viewers and OpenCV show its colours).
            return rgba.convert("RGB")
        background = Image.new("RGBA", rgba.size, (*_WHITE, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image if mode == "RGB" else image.convert("RGB")


def _high_depth_to_uint8(image: Image.Image) -> np.ndarray:
    return values_to_uint8(np.asarray(image))  # I;16* -> uint16, I -> int32, F -> float32


def values_to_uint8(values: np.ndarray, *, high_byte: bool = False) -> np.ndarray:
    """Pixel values of any depth as uint8, by their type: 16-bit ``/ 257`` (rounded), or their high
    byte (``>> 8``) when ``high_byte``; float 0..1 (``* 255``) or 0..255; other integers kept when
    within 0..255, else read as 16-bit; bool 0 or 255.

    ``high_byte`` is Pillow's rule for the 16-bit files it decodes to 8 bits itself (RGB, RGBA and
    gray with alpha PNGs and TIFFs); ``/ 257`` is petloc's for one gray channel (Pillow's I;16)."""
    if values.dtype == np.uint8:
        return values
    if values.dtype == np.bool_:
        return values.astype(np.uint8) * np.uint8(255)
    if np.issubdtype(values.dtype, np.floating):
        values = np.nan_to_num(values.astype(np.float64))
        # Float images are either [0, 1] or [0, 255] in practice.
        if values.size and values.max() <= 1.0:
            values = values * 255.0
        return np.clip(np.rint(values), 0, 255).astype(np.uint8)
    if not np.issubdtype(values.dtype, np.integer):
        raise ValueError(f"pixel values of type {values.dtype} are not an image (integers, floats or bool are)")
    sixteen_bit = values.dtype == np.uint16  # whatever its byte order
    values = values.astype(np.int64)
    if not sixteen_bit and values.size and values.max() <= 255 and values.min() >= 0:
        # 32-bit container holding 8-bit data (e.g. some 8-bit TIFFs): keep as is.
        return values.astype(np.uint8)
    values = np.clip(values, 0, 65535)
    if high_byte:
        return (values >> 8).astype(np.uint8)
    return np.rint(values / 257.0).astype(np.uint8)



def low_depth_gray_scale(image: Image.Image) -> int:
    """Before load: the factor that made a 2- or 4-bit gray PNG's values 8-bit; 1 for other images."""
    if not isinstance(image, PngImagePlugin.PngImageFile) or len(image.tile) != 1:
        return 1
    return _LOW_DEPTH_GRAY_SCALES.get(str(image.tile[0].args), 1)  # the raw mode


def sixteen_bit_colour_key_alpha(image: Image.Image) -> Image.Image | None:
    """Before load: the alpha ("L", stored orientation) of a 16-bit RGB PNG's transparent colour, else None.

    Pillow keeps such a tRNS colour at 16 bits while it makes the pixels 8-bit, and its RGBA
    conversion then matches the colour's low bytes against them: the transparent colour stayed
    and another one turned white. The match needs the stored 16-bit samples, which libpng (through
    OpenCV, which applies tRNS as alpha) gives; the colours stay Pillow's (the high byte).
    """
    if (not isinstance(image, PngImagePlugin.PngImageFile) or len(image.tile) != 1
            or str(image.tile[0].args) != "RGB;16B" or not isinstance(image.info.get("transparency"), tuple)):
        return None
    import cv2  # only for this rare kind of file

    handle = image.fp
    if handle is None:
        return None
    position = handle.tell()
    handle.seek(0)
    data = handle.read()
    handle.seek(position)
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if decoded is None or decoded.ndim != 3 or decoded.shape[2] != 4 or decoded.shape[1::-1] != image.size:
        return None  # OpenCV read it otherwise: Pillow's reading stands
    return Image.fromarray(np.where(decoded[:, :, 3] > 0, 255, 0).astype(np.uint8), "L")


def with_alpha(frame: Image.Image, alpha: Image.Image) -> Image.Image:
    """``frame``'s colours with ``alpha`` instead of its transparent colour (same size)."""
    rgba = frame.convert("RGB").convert("RGBA")
    rgba.putalpha(alpha)
    return rgba

