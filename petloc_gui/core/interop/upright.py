"""PNG and WebP images with an EXIF orientation, written upright into an export: no tag to read two ways.

An export's boxes are in the image as displayed (EXIF applied). Measured
(ADR 0012): OpenCV applies the tag of a JPEG, a PNG and a TIFF in every
version probed (4.5 to 5.1), but a WebP's only from 5.0, so Ultralytics on
OpenCV 4.x reads a rotated WebP as stored and its normalised boxes land on
other pixels; readers that ignore EXIF (Pillow without ``exif_transpose``, as
torchvision's COCO dataset reads; darknet's stb_image) read any rotated file
as stored. A PNG or WebP can be written upright without losing a pixel, so
the exporters write those upright and without the tag (`Orientations.place`):
every reader then sees the pixels the boxes are on. A JPEG keeps its bytes
(re-encoding loses quality; every OpenCV applies its tag), a TIFF too
(libtiff and Pillow apply its tag themselves). One that cannot be written so
keeps its tag, and a warning names it.

The pixels are OpenCV's (``IMREAD_UNCHANGED``: the stored samples at the
file's depth, alpha included, no orientation applied), the decoder
Ultralytics and MMDetection read with, turned as the tag says and written
losslessly (PNG, lossless WebP). Other metadata (ICC profile, text, the rest
of the EXIF) is not carried: trainers read none of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from petloc_gui.core.image_orientation import orientation_tag
from petloc_gui.core.interop.files import place_data, place_image
from petloc_gui.core.interop.records import ConversionReport, ImageRecord
from petloc_gui.core.same_file import same_file
from petloc_gui.core.text import counted, first_of

if TYPE_CHECKING:
    import numpy as np

# The formats written upright (Pillow's names) and the suffix OpenCV encodes each by.
_SUFFIXES = {"PNG": ".png", "WEBP": ".webp"}


def _turns() -> dict[int, Callable[[np.ndarray], np.ndarray]]:
    """EXIF orientation -> the stored pixels (rows, columns[, channels]) as displayed (the table of
    PIL.ImageOps.exif_transpose: 6 turns a quarter clockwise, 8 counter-clockwise)."""
    import numpy as np

    return {2: lambda a: a[:, ::-1], 3: lambda a: a[::-1, ::-1], 4: lambda a: a[::-1],
            5: lambda a: a.swapaxes(0, 1), 6: lambda a: np.rot90(a, -1),
            7: lambda a: a[::-1, ::-1].swapaxes(0, 1), 8: lambda a: np.rot90(a, 1)}


def tagged_orientation(path: Path) -> tuple[str, int] | None:
    """``(format, orientation)`` of a PNG or WebP whose EXIF orientation turns it; None for any
    other image or orientation 1.

    Read as core.images reads it for the displayed size the boxes are in (`orientation_tag`: the
    header's EXIF bytes; not XMP, which petloc does not apply; not a PNG's eXIf chunk after the pixels).
    """
    try:
        with Image.open(path, formats=tuple(_SUFFIXES)) as image:
            value, found = orientation_tag(image), str(image.format)
    except Exception:  # noqa: BLE001 - not a PNG/WebP or unreadable: placed as it is (placing reports errors)
        return None
    return _turning(found, value)


def _turning(image_format: str | None, orientation: int) -> tuple[str, int] | None:
    """``(format, orientation)`` when an image of ``image_format`` is written upright and ``orientation``
    turns it; None otherwise."""
    return (image_format, orientation) if image_format in _SUFFIXES and orientation != 1 else None


def upright_pixels(path: Path, orientation: int, size: tuple[int, int]) -> np.ndarray | None:
    """The pixels of ``path`` as displayed, or None when OpenCV does not read them at ``size``
    (width, height: the boxes' frame)."""
    import cv2
    import numpy as np

    try:
        stored = cv2.imdecode(np.fromfile(path, np.uint8), cv2.IMREAD_UNCHANGED)
    except (OSError, ValueError, cv2.error):
        return None
    if stored is None:
        return None
    shown = np.ascontiguousarray(_turns()[orientation](stored))
    return shown if (shown.shape[1], shown.shape[0]) == size else None


def encoded(pixels: np.ndarray, fmt: str) -> bytes | None:
    """``pixels`` as a ``fmt`` ("PNG", "WEBP") file, losslessly; None if OpenCV cannot write them so."""
    import cv2

    params = [cv2.IMWRITE_WEBP_QUALITY, 101] if fmt == "WEBP" else []  # above 100: lossless
    try:
        ok, data = cv2.imencode(_SUFFIXES[fmt], pixels, params)
    except cv2.error:
        return None
    return data.tobytes() if ok else None


class Orientations:
    """Places an export's images, PNGs and WebPs with an EXIF orientation upright; says which."""

    def __init__(self) -> None:
        self.upright: list[str] = []  # names in OUT/images written upright, without the tag
        self.kept: list[str] = []     # names that keep a tag the export could not write out

    def place(self, record: ImageRecord, target: Path, name: str, mode: str) -> str:
        """Put ``record``'s image at ``target`` (``name`` under OUT/images) as files.place_image does,
        or written upright; the same return values and SaveError. Turned or not, as the record's header
        said (`records.ImageRecord.orientation`): the image is not opened again to tell."""
        source, size = record.image_path, (record.width, record.height)
        tagged = _turning(record.image_format, record.orientation)
        if tagged is None:
            return place_image(source, target, mode)
        # OUT/images holds the dataset's own image (by any spelling: `core.same_file`): it stays as it is
        if same_file(source, target):
            self.kept.append(name)
            return "present"
        pixels = upright_pixels(source, tagged[1], size)
        data = None if pixels is None else encoded(pixels, tagged[0])
        if pixels is None or data is None:
            placed = place_image(source, target, mode)
            self.kept.append(name)
            return placed
        placed = place_data(data, target, lambda there: _holds(there, pixels))
        self.upright.append(name)
        return placed

    def discard(self, name: str) -> None:
        """``name`` was left out after all (its label could not be written)."""
        for names in (self.upright, self.kept):
            if name in names:
                names.remove(name)

    def warn(self, images: Path, report: ConversionReport) -> None:
        """Say which images were written upright, and which keep a tag YOLO tools may read otherwise."""
        if self.upright:
            were = "was" if len(self.upright) == 1 else "were"
            report.warning(images, f"{counted(len(self.upright), 'PNG or WebP image')} with an EXIF orientation "
                           f"{were} written upright without it ({first_of(self.upright, 3)}), so that every "
                           "reader sees the pixels the boxes are on: OpenCV before 5.0 ignores a WebP's "
                           "orientation, and readers that ignore EXIF any file's. Same pixels, turned, written "
                           "losslessly; other metadata (ICC profile, text) is not carried")
        if self.kept:
            report.warning(images, f"{counted(len(self.kept), 'PNG or WebP image')} with an EXIF orientation "
                           f"could not be written upright here and keep it ({first_of(self.kept, 3)}). OpenCV "
                           "before 5.0 ignores a WebP's orientation, and readers that ignore EXIF any file's: "
                           "they read such an image turned, its boxes on other pixels. Write the pixels upright "
                           "in the dataset (e.g. ImageMagick: mogrify -auto-orient FILE; the boxes stay right) "
                           "and export again")


def _holds(path: Path, pixels: np.ndarray) -> bool:
    """Whether ``path`` is an earlier export's upright copy: no tag, and these pixels."""
    import numpy as np

    if tagged_orientation(path) is not None:
        return False
    import cv2

    try:
        there = cv2.imdecode(np.fromfile(path, np.uint8), cv2.IMREAD_UNCHANGED)
    except (OSError, ValueError, cv2.error):
        return False
    return there is not None and np.array_equal(there, pixels)
