"""EXIF orientation: the tag an image's header carries, and the turn that shows its pixels upright.

Only the EXIF tag counts, never an XMP packet's ``tiff:Orientation`` (Pillow's ``getexif`` and
``exif_transpose`` fall back to it; browsers, Qt, OpenCV and labelImg do not, and a box drawn there
must land on the same pixels). A TIFF is turned by Pillow itself on recent versions
(`pending_orientation` says what is left to do), so the turn is applied exactly once either way.
A change to the pixels a file decodes to: bump core.decode_rules.DECODE_RULES_VERSION (the image cache).
"""

from __future__ import annotations

import io

from PIL import Image, TiffImagePlugin

_EXIF_ORIENTATION_TAG = 0x0112
# Orientations 5-8 turn the image a quarter: its displayed width is the stored height.
SWAPPING_ORIENTATIONS = frozenset({5, 6, 7, 8})


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


def pending_orientation(image: Image.Image) -> int:
    """The EXIF orientation petloc still has to apply (1 when Pillow does it)."""
    return 1 if image.format in _ORIENTED_BY_PILLOW else orientation_tag(image)


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


def apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    """``image`` turned and flipped as EXIF ``orientation`` (1-8) says it is shown."""
    method = _TRANSPOSITIONS.get(orientation)
    return image if method is None else image.transpose(method)
