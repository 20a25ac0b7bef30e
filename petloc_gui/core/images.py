"""Image files: header-only sizes and decoding to RGB uint8, by content.

The format is detected from the bytes (Pillow), never from the extension:
real datasets contain GIFs and PNGs named ``.jpg``. The pixels become 8-bit
RGB, transparency composited on white, as a viewer shows them
(`core.rgb_conversion`: 16-bit values, transparent colours, a BMP's unused
alpha); an array in memory goes the same way (`array_to_rgb`). Animated images
give their first frame. The EXIF Orientation tag is applied
(`core.image_orientation`), so pixels and sizes are those of the image as a
person sees it; an XMP packet's ``tiff:Orientation`` is not.
A file Pillow refuses is refused with what is wrong with it, except the two
flaws viewers forgive (a JPEG missing only its end marker, a bad checksum in
a PNG chunk that holds no pixels, such as a text or gamma chunk), which load
from repaired bytes (`core.damaged_images`).
"""
from __future__ import annotations

import io
import math
import os
import warnings
from pathlib import Path
from typing import BinaryIO, NamedTuple

import numpy as np
from PIL import Image

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
from petloc_gui.core.image_orientation import (
    SWAPPING_ORIENTATIONS,
    apply_orientation,
    orientation_tag,
    pending_orientation,
)
from petloc_gui.core.rgb_conversion import (
    UNUSED_ALPHA_FORMATS,
    low_depth_gray_scale,
    sixteen_bit_colour_key_alpha,
    to_rgb,
    values_to_uint8,
    with_alpha,
)

# Checked from the header before any decoding; a larger image is refused. Room for the largest
# camera sensors (a Fujifilm GFX100 photo is 11648x8736, 101.8 MP; a Hasselblad X2D's 11656x8742):
# 100 MP refused them. Decoded whole (`petloc predict`, evaluate) an image peaks at about 10 bytes a
# pixel (Pillow's 4-byte pixels, then the array's 3 bytes copied twice): 1.5 GB for a 150 MP JPEG,
# 1.8 GB at the limit. With ``max_size`` (the window, stats) libjpeg decodes a JPEG at the smallest of
# 1/8, 1/4, 1/2 scale still at least the preview's size (draft mode; whole when the image is under
# twice the preview's size): 100 MB for that JPEG at the window's 2048 (1/4 scale).
MAX_PIXELS = 180_000_000
# Pillow refuses an image over twice this in `Image.open` (DecompressionBombError, 2 x 89 MP by
# default): set so that it refuses exactly what MAX_PIXELS refuses, so an image Pillow refuses gets
# petloc's message (`_too_large`) with a limit that is the true one.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2

# MAX_PIXELS replaces Pillow's warning threshold (MAX_IMAGE_PIXELS), so its warning is only
# noise. Set once here: warnings.catch_warnings() per call is not thread-safe
# and images load in worker threads.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
# Pillow's UserWarnings ("Corrupt EXIF data", "Truncated File Read", palette
# transparency...) describe files we read anyway or report as errors; printed,
# they break the CLI's one-line error rule and mean nothing to a user.
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL(\.|$)")

# Where Pillow keeps a file's XMP packet (JPEG, WebP, TIFF: "xmp"; a PNG's iTXt chunk: both).
_XMP_INFO_KEYS = ("XML:com.adobe.xmp", "xmp")


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
    except Image.DecompressionBombError as exc:  # over MAX_PIXELS: refused before the size is known
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
            if pending_orientation(image) in SWAPPING_ORIENTATIONS:
                width, height = height, width
            return ImageHeader(width, height, orientation_tag(image), str(image.format))


def image_size(path: str | os.PathLike[str]) -> tuple[int, int]:
    """``(width, height)`` of the image as displayed (EXIF 5-8 swap), header only."""
    header = image_header(path)
    return header.width, header.height


def array_to_rgb(image: np.ndarray) -> np.ndarray:
    """An image array as H x W x 3 uint8 RGB, as a file of the same pixels would load.

    H x W or H x W x 1 is gray, H x W x 2 gray and alpha, H x W x 3 RGB, H x W x 4 RGBA; values
    go through `values_to_uint8` (16-bit: gray ``/ 257``, the others their high byte, as a 16-bit
    PNG or TIFF of them decodes) and alpha is composited on white (`core.rgb_conversion.to_rgb`;
    as for a PNG, also an alpha zero everywhere: an array has no format that says its alpha is
    unused). An H x W x 3 uint8 array is returned as it is. ValueError for any other shape or value
    type.
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
    return np.asarray(to_rgb(pillow), dtype=np.uint8)


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
        stored_size = image.size  # as the header gives it: a draft changes image.size
        drafted = None  # the part of the decoded pixels that is the image, when reduced by a draft
        if max_size is not None and image.format == "JPEG" and max(image.size) > max_size:
            # Let libjpeg decode at a reduced scale: much faster for previews. Asked for the preview's
            # own shape, not (max_size, max_size): Pillow reduces only while both sides stay at least
            # the size asked, so a square box decoded a 6000x4000 photo whole for a 2048 preview. One
            # scale for both sides, so the EXIF turn applied after the decode does not matter here.
            # Previews only: training, inference and evaluation decode whole (`model.prepare.decode`), and no
            # cache on disk holds a preview, so DECODE_RULES_VERSION is not bumped for this.
            scale = max_size / max(image.size)
            reduced = image.draft("RGB", (math.ceil(image.size[0] * scale), math.ceil(image.size[1] * scale)))
            drafted = None if reduced is None else reduced[1]
        # From the header, exactly as image_size reads it, so sizes and
        # pixels always agree (a PNG eXIf chunk after the pixel data is
        # ignored by both).
        orientation = pending_orientation(image)
        gray_scale = low_depth_gray_scale(image)  # from the tile, which load() empties
        colour_key_alpha = sixteen_bit_colour_key_alpha(image)
        image.load()
        frame = apply_orientation(image, orientation)
        if colour_key_alpha is not None:
            frame = with_alpha(frame, apply_orientation(colour_key_alpha, orientation))
        if gray_scale != 1 and isinstance(frame.info.get("transparency"), int):
            frame.info["transparency"] *= gray_scale
        rgb = to_rgb(frame, alpha_may_be_unused=image.format in UNUSED_ALPHA_FORMATS)
        if max_size is not None:
            shown_size = stored_size[::-1] if orientation in SWAPPING_ORIENTATIONS else stored_size
            box = None if drafted is None else _oriented_box(drafted, image.size, orientation)
            rgb = _shrunk(rgb, shown_size, max_size, box)
        array = np.array(rgb, dtype=np.uint8)
    except Image.DecompressionBombError as exc:
        raise ImageLoadError(f"image is too large to decode safely ({exc})", path) from exc
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise ImageLoadError(f"cannot decode image (truncated or corrupt?): {exc}", path) from exc
    if array.ndim != 3 or array.shape[2] != 3:
        raise ImageLoadError(f"decoded to an unexpected shape {array.shape}", path)
    return array


def _shrunk(rgb: Image.Image, header_size: tuple[int, int], max_size: int,
            box: tuple[float, float, float, float] | None) -> Image.Image:
    """``rgb`` (a preview's pixels, perhaps decoded at a reduced scale) resized to the size the whole
    image (``header_size``, displayed) is thumbnailed to within ``max_size``: the size of a preview
    does not depend on the scale libjpeg decoded it at, so boxes map onto it as onto the image.

    ``box``: the part of ``rgb`` that is the image (`_oriented_box`), None for all of it.
    """
    width, height = header_size
    if width <= max_size and height <= max_size:
        return rgb  # never enlarged
    # Pillow's thumbnail rule (`Image.thumbnail`): the longer side max_size, the other the whole
    # number of pixels closest in aspect ratio to the image (at least 1).
    aspect = width / height
    if aspect >= 1:
        size = (max_size, max(min(math.floor(max_size / aspect), math.ceil(max_size / aspect),
                                  key=lambda n: 0 if n == 0 else abs(aspect - max_size / n)), 1))
    else:
        size = (max(min(math.floor(max_size * aspect), math.ceil(max_size * aspect),
                        key=lambda n: abs(aspect - n / max_size)), 1), max_size)
    if rgb.size == size and box is None:
        return rgb
    return rgb.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=2.0)  # reducing_gap: as thumbnail's


def _oriented_box(box: tuple[float, float, float, float], size: tuple[int, int],
                  orientation: int) -> tuple[float, float, float, float]:
    """A draft's ``box`` in the decoded pixels (``size``, as stored) once the EXIF ``orientation`` is
    applied. A draft at 1/n scale decodes ceil(side / n) pixels, the last row and column a part of a
    pixel wide (Pillow's box ends at side / n): resized whole, a 17-pixel-high strip decoded at 1/8 to
    3 rows moved the picture by a third of its height."""
    width, height = size
    x0, y0, x1, y1 = box
    corners = {1: ((x0, y0), (x1, y1)), 2: ((width - x1, y0), (width - x0, y1)),
               3: ((width - x1, height - y1), (width - x0, height - y0)),
               4: ((x0, height - y1), (x1, height - y0)), 5: ((y0, x0), (y1, x1)),
               6: ((height - y1, x0), (height - y0, x1)),
               7: ((height - y1, width - x1), (height - y0, width - x0)),
               8: ((y0, width - x1), (y1, width - x0))}
    (left, top), (right, bottom) = corners.get(orientation, corners[1])
    return left, top, right, bottom
