"""Image files: header-only sizes and decoding to RGB uint8, by content.

The format is detected from the bytes (Pillow), never from the extension:
real datasets contain GIFs and PNGs named ``.jpg``. Transparent images are
composited on white, so a transparent background looks as it does in a
viewer (an RGB, grayscale or palette image's transparent colour too, matched at the
file's depth: 1- to 16-bit gray, 16-bit RGB), except a BMP's alpha channel that
is zero everywhere: that is the unused fourth byte of a 32-bit BMP, and is
ignored. 16-bit images become 8-bit by Pillow's rule for colour (with or
without alpha, gray and alpha too: the high byte, ``value >> 8``) and by
petloc's for one gray channel (``value / 257``, rounded); an array of such
values the same way (`array_to_rgb`). Animated images give their first frame.
The EXIF Orientation tag is applied, so pixels and sizes are those of the
image as a person sees it; an XMP packet's ``tiff:Orientation`` is
not (Pillow's ``getexif`` and ``exif_transpose`` fall back to it; browsers, Qt,
OpenCV and labelImg do not, and a box drawn there must land on the same pixels).
A file Pillow refuses is refused with what is wrong with it, except the two
flaws viewers forgive (a JPEG missing only its end marker, a bad checksum in
a PNG chunk that holds no pixels, such as a text or gamma chunk), which load
from repaired bytes (`core.damaged_images`).
"""

from __future__ import annotations

import io
import os
import warnings
from pathlib import Path
from typing import BinaryIO, NamedTuple

import numpy as np
from PIL import Image, PngImagePlugin, TiffImagePlugin

from petloc_gui.core.damaged_images import (
    header_size,
    jpeg_with_end_marker,
    png_without_damaged_chunks,
    refusal_reason,
)
from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.image_formats import DECODED_FORMATS
from petloc_gui.core.image_formats import IMAGE_EXTENSIONS as IMAGE_EXTENSIONS  # re-exported
from petloc_gui.core.image_formats import is_image_name as is_image_name  # re-exported

# Any change to the pixels a file decodes to: bump core.decode_rules.DECODE_RULES_VERSION
# (the on-disk image cache would otherwise keep serving the old pixels).
from petloc_gui.core.image_guard import check_file_size, check_jpeg_header

# Checked from the header before any decoding; a larger image is refused.
MAX_PIXELS = 100_000_000

# MAX_PIXELS replaces Pillow's warning threshold (89 MP), so its warning is only
# noise. Set once here: warnings.catch_warnings() per call is not thread-safe
# and images load in worker threads. Pillow still raises above 2 x 89 MP.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
# Pillow's UserWarnings ("Corrupt EXIF data", "Truncated File Read", palette
# transparency...) describe files we read anyway or report as errors; printed,
# they break the CLI's one-line error rule and mean nothing to a user.
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL(\.|$)")

_EXIF_ORIENTATION_TAG = 0x0112
# Where Pillow keeps a file's XMP packet (JPEG, WebP, TIFF: "xmp"; a PNG's iTXt chunk: both).
_XMP_INFO_KEYS = ("XML:com.adobe.xmp", "xmp")
_SWAPPING_ORIENTATIONS = frozenset({5, 6, 7, 8})
_WHITE = (255, 255, 255)
# Formats whose alpha channel, when zero everywhere, holds no alpha: a 32-bit BMP's fourth byte is
# often unused (OpenCV writes BGRA so), and viewers show its colours. A PNG, WebP or GIF that
# transparent is shown transparent (white here), as viewers show it.
_UNUSED_ALPHA_FORMATS = frozenset({"BMP", "DIB"})
# A 2- or 4-bit gray PNG's pixels become 8-bit (x 85, x 17), but Pillow keeps its transparent grey
# (tRNS) at the file's depth: scaled the same, it names the pixels it names in the file.
_LOW_DEPTH_GRAY_SCALES = {"L;2": 85, "L;4": 17}


def _open_checked(path: Path, handle: BinaryIO, file_size: int, *, repaired: bool = False) -> Image.Image:
    """Open (header only), without its XMP packet, and enforce the pixel and size limits; Pillow
    errors become ImageLoadError.

    A PNG refused only for a bad checksum in chunks that hold no pixels opens from repaired bytes
    (`core.damaged_images`); ``repaired``: these are they.
    """
    try:
        check_jpeg_header(handle, path)  # bounds Pillow's byte-by-byte junk skipping
    except OSError as exc:
        raise ImageLoadError(f"cannot read image header: {exc.strerror or exc}", path) from exc
    try:
        image = Image.open(handle, formats=DECODED_FORMATS)
    except Image.DecompressionBombError as exc:  # over twice Pillow's 89 MP: refused before the size is known
        raise ImageLoadError(_too_large(header_size(handle)), path) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        if isinstance(exc, OSError) and exc.errno is not None:  # the disk, not the file's bytes
            raise ImageLoadError(f"cannot read image header: {exc.strerror or exc}", path) from exc
        fixed = None if repaired else png_without_damaged_chunks(handle)
        if fixed is not None:
            return _open_checked(path, io.BytesIO(fixed), file_size, repaired=True)
        raise ImageLoadError(refusal_reason(handle, path.name), path) from exc
    # Pillow orients a TIFF itself on load, from the EXIF tag or else from XMP (ImageOps.exif_transpose);
    # without its XMP packet it has the EXIF tag alone, as `orientation_tag` and the header size do.
    for key in _XMP_INFO_KEYS:
        image.info.pop(key, None)
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageLoadError(f"image header gives an empty size {width}x{height}", path)
    if width * height > MAX_PIXELS:
        raise ImageLoadError(_too_large((width, height)), path)
    check_file_size(path, file_size, width, height)
    return image


def _too_large(size: tuple[int, int] | None) -> str:
    pixels = "it" if size is None else f"{size[0]}x{size[1]} pixels"
    return f"image is too large: {pixels} exceeds the limit of {MAX_PIXELS // 1_000_000} megapixels"


def _read_file(path: str | os.PathLike[str]) -> tuple[Path, BinaryIO, int]:
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ImageLoadError("not a file", path)
        if size == 0:
            raise ImageLoadError("image file is empty (0 bytes)", path)
        return path, open(path, "rb"), size  # closed by the callers (`with handle:`)
    except FileNotFoundError as exc:
        raise ImageLoadError("image file does not exist", path) from exc
    except OSError as exc:
        raise ImageLoadError(f"cannot open image: {exc.strerror or exc}", path) from exc


def orientation_tag(image: Image.Image) -> int:
    """The EXIF Orientation tag (1-8) from an open image's header; 1 when absent or unreadable.

    What petloc applies (`load_image`, `image_size`) and an export writes upright
    (`core.interop.upright`). Read from the EXIF bytes, not with ``getexif()``: that falls
    back to an XMP orientation, and a PNG's decodes the whole image when the eXIf chunk is not
    in the header.
    """
    try:
        if isinstance(image, TiffImagePlugin.TiffImageFile):
            value = int(image.tag_v2.get(_EXIF_ORIENTATION_TAG, 1))
        else:
            raw = image.info.get("exif")  # JPEG APP1, WebP EXIF chunk, PNG eXIf chunk
            if not raw:
                return 1
            exif = Image.Exif()
            exif.load(raw)
            value = int(exif.get(_EXIF_ORIENTATION_TAG, 1))
    except Exception:  # noqa: BLE001 - corrupt EXIF must not make an image unreadable
        return 1
    return value if 1 <= value <= 8 else 1


def _formats_oriented_by_pillow() -> frozenset[str]:
    """Formats whose Pillow plugin applies EXIF orientation itself.

    Recent Pillow versions report a TIFF's size already rotated and rotate
    its pixels on load; older ones do neither. Probed once with a tiny
    in-memory TIFF so the orientation is applied exactly once either way.
    """
    exif = Image.Exif()
    exif[_EXIF_ORIENTATION_TAG] = 6
    buffer = io.BytesIO()
    try:
        Image.new("L", (2, 1)).save(buffer, format="TIFF", exif=exif.tobytes())
        buffer.seek(0)
        with Image.open(buffer) as probe:
            return frozenset({"TIFF"}) if probe.size == (1, 2) else frozenset()
    except Exception:  # noqa: BLE001 - no TIFF support: nothing to compensate for
        return frozenset()


_ORIENTED_BY_PILLOW = _formats_oriented_by_pillow()


def _pending_orientation(image: Image.Image) -> int:
    """The EXIF orientation petloc still has to apply (1 when Pillow does it)."""
    return 1 if image.format in _ORIENTED_BY_PILLOW else orientation_tag(image)


class ImageHeader(NamedTuple):
    """What an image's header tells (`image_header`)."""

    width: int  # as displayed (EXIF 5-8 swap), as `image_size`
    height: int
    orientation: int  # its EXIF Orientation tag, 1-8 (`orientation_tag`)
    format: str  # Pillow's name of the format read from its bytes: "JPEG", "PNG", "WEBP", ...


def image_header(path: str | os.PathLike[str]) -> ImageHeader:
    """The displayed size, EXIF orientation and format of an image from one read of its header: for a
    caller that needs more than the size (an export writes a turned PNG upright), opened once, all agree."""
    path, handle, file_size = _read_file(path)
    with handle:
        image = _open_checked(path, handle, file_size)
        with image:
            width, height = image.size
            if _pending_orientation(image) in _SWAPPING_ORIENTATIONS:
                width, height = height, width
            return ImageHeader(width, height, orientation_tag(image), str(image.format))


def image_size(path: str | os.PathLike[str]) -> tuple[int, int]:
    """``(width, height)`` of the image as displayed (EXIF 5-8 swap), header only."""
    header = image_header(path)
    return header.width, header.height


def _to_rgb(image: Image.Image, alpha_may_be_unused: bool = False) -> Image.Image:
    """Any Pillow mode -> RGB (alpha and a transparent colour composited on white, 16-bit scaled).
    ``alpha_may_be_unused``: the image is a BMP's (`_UNUSED_ALPHA_FORMATS`), so an alpha channel zero
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
        return _to_rgb(Image.merge("LA", (gray, Image.fromarray(opaque, "L"))))
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


def array_to_rgb(image: np.ndarray) -> np.ndarray:
    """An image array as H x W x 3 uint8 RGB, as a file of the same pixels would load.

    H x W or H x W x 1 is gray, H x W x 2 gray and alpha, H x W x 3 RGB, H x W x 4 RGBA; values
    go through `values_to_uint8` (16-bit: gray ``/ 257``, the others their high byte, as a 16-bit
    PNG or TIFF of them decodes) and alpha is composited on white (`_to_rgb`; as for a PNG, also an
    alpha zero everywhere: an array has no format that says its alpha is unused). An H x W x 3
    uint8 array is returned as it is. ValueError for any other shape or value type.
    """
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[2] == 3 and array.dtype == np.uint8 and array.size:
        return array
    if array.ndim == 2:
        array = array[:, :, None]
    if array.ndim != 3 or array.shape[2] not in (1, 2, 3, 4) or array.shape[0] == 0 or array.shape[1] == 0:
        raise ValueError(f"expected an H x W image with 1 to 4 channels (gray, gray + alpha, RGB, RGBA), "
                         f"got shape {array.shape}")
    channels = values_to_uint8(array, high_byte=array.shape[2] > 1)
    if channels.shape[2] == 3:
        return np.ascontiguousarray(channels)
    pillow = Image.fromarray(np.ascontiguousarray(channels[:, :, 0] if channels.shape[2] == 1 else channels))
    return np.asarray(_to_rgb(pillow), dtype=np.uint8)


def load_image(path: str | os.PathLike[str], max_size: int | None = None) -> np.ndarray:
    """Decode an image to an H x W x 3 uint8 RGB array (EXIF orientation applied).

    ``max_size`` downscales (keeping the aspect ratio) so that neither side
    exceeds it, for fast previews. Raises :class:`ImageLoadError`.
    """
    path, handle, file_size = _read_file(path)
    with handle:
        image = _open_checked(path, handle, file_size)
        with image:
            try:
                return _decoded(image, path, max_size)
            except ImageLoadError:
                # Viewers show a JPEG missing only its end marker whole: so does petloc.
                complete = jpeg_with_end_marker(handle) if image.format == "JPEG" else None
                if complete is None:
                    raise
        with _open_checked(path, io.BytesIO(complete), file_size) as image:
            return _decoded(image, path, max_size)


def _decoded(image: Image.Image, path: Path, max_size: int | None) -> np.ndarray:
    """`load_image`'s pixels of an opened image."""
    try:
        if max_size is not None and image.format == "JPEG":
            # Let libjpeg decode at a reduced scale: much faster for previews.
            image.draft("RGB", (max_size, max_size))
        # From the header, exactly as image_size reads it, so sizes and
        # pixels always agree (a PNG eXIf chunk after the pixel data is
        # ignored by both).
        orientation = _pending_orientation(image)
        gray_scale = _low_depth_gray_scale(image)  # from the tile, which load() empties
        colour_key_alpha = _sixteen_bit_colour_key_alpha(image)
        image.load()
        frame = _apply_orientation(image, orientation)
        if colour_key_alpha is not None:
            frame = _with_alpha(frame, _apply_orientation(colour_key_alpha, orientation))
        if gray_scale != 1 and isinstance(frame.info.get("transparency"), int):
            frame.info["transparency"] *= gray_scale
        rgb = _to_rgb(frame, alpha_may_be_unused=image.format in _UNUSED_ALPHA_FORMATS)
        if max_size is not None and max(rgb.size) > max_size:
            rgb.thumbnail((max_size, max_size), Image.Resampling.LANCZOS)
        array = np.array(rgb, dtype=np.uint8)
    except Image.DecompressionBombError as exc:
        raise ImageLoadError(f"image is too large to decode safely ({exc})", path) from exc
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise ImageLoadError(f"cannot decode image (truncated or corrupt?): {exc}", path) from exc
    if array.ndim != 3 or array.shape[2] != 3:
        raise ImageLoadError(f"decoded to an unexpected shape {array.shape}", path)
    return array


# EXIF orientation -> the transposition that displays the stored pixels upright
# (the same table as PIL.ImageOps.exif_transpose).
_TRANSPOSITIONS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _low_depth_gray_scale(image: Image.Image) -> int:
    """Before load: the factor that made a 2- or 4-bit gray PNG's values 8-bit; 1 for other images."""
    if not isinstance(image, PngImagePlugin.PngImageFile) or len(image.tile) != 1:
        return 1
    return _LOW_DEPTH_GRAY_SCALES.get(str(image.tile[0].args), 1)  # the raw mode


def _sixteen_bit_colour_key_alpha(image: Image.Image) -> Image.Image | None:
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


def _with_alpha(frame: Image.Image, alpha: Image.Image) -> Image.Image:
    """``frame``'s colours with ``alpha`` instead of its transparent colour (same size)."""
    rgba = frame.convert("RGB").convert("RGBA")
    rgba.putalpha(alpha)
    return rgba


def _apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    method = _TRANSPOSITIONS.get(orientation)
    return image if method is None else image.transpose(method)
