"""Which files are images: the formats petloc decodes, their names, and the image formats it does not read.

Two rules, one table each. A folder's files are taken as images by their
extension (`IMAGE_EXTENSIONS`: every extension Pillow gives the formats in
`DECODED_FORMATS`, so a ``.jfif`` or ``.jpe`` photo is indexed like a
``.jpg``); decoding then goes by content. A file of an image format petloc
does not decode (`UNREAD_FORMATS`: HEIC, AVIF, ...) is named as such, by its
extension where a folder is listed (`unread_format_named`) and by its first
bytes where one is opened (`unread_format_of`), instead of being skipped
silently or called "not an image".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

# The only decoders Pillow may use. Others are refused even when Pillow knows
# them: EPS runs Ghostscript on load, and a hostile file named .jpg must not
# reach it or any rarely used parser. ("JPEG" also opens camera MPO files;
# "DIB" is a BMP without its file header, read by the BMP plugin's code.)
DECODED_FORMATS = ("JPEG", "PNG", "GIF", "BMP", "DIB", "WEBP", "TIFF")

# Extensions indexed as images: Pillow's for the formats above (checked in
# tests/core/test_image_formats.py), ".mpo" included (its JPEG pictures).
IMAGE_EXTENSIONS = frozenset({
    ".jpg", ".jpeg", ".jpe", ".jfif", ".mpo", ".png", ".apng", ".gif", ".bmp", ".dib",
    ".webp", ".tif", ".tiff",
})

READ_FORMATS = "JPEG, PNG, GIF, BMP, WebP and TIFF"


def _starts(*signatures: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(signatures)


def _iso_brands(*brands: bytes) -> Callable[[bytes], bool]:
    """An ISO media file (HEIF family) whose ``ftyp`` box names one of ``brands``."""
    def test(head: bytes) -> bool:
        if head[4:8] != b"ftyp":
            return False
        end = min(len(head), int.from_bytes(head[:4], "big"))
        named = [head[8:12]] + [head[i:i + 4] for i in range(16, end - 3, 4)]  # major, then compatible
        return any(brand in brands for brand in named)
    return test


def _netpbm(head: bytes) -> bool:
    return len(head) > 2 and head[:1] == b"P" and head[1:2] in b"1234567" and head[2:3] in b" \t\r\n"


def _svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text)


@dataclass(frozen=True)
class UnreadFormat:
    """An image format petloc does not decode: its name, extensions and content test."""

    name: str
    extensions: tuple[str, ...]
    recognise: Callable[[bytes], bool] | None = None  # on the first HEAD_BYTES of a file

    @property
    def reason(self) -> str:
        return f"{self.name} images are not supported; convert it to JPEG or PNG"


# AVIF before HEIC: an AVIF file also names the generic HEIF brand "mif1".
UNREAD_FORMATS = (
    UnreadFormat("AVIF", (".avif", ".avifs"), _iso_brands(b"avif", b"avis")),
    UnreadFormat("HEIC", (".heic", ".heif", ".hif"),
                 _iso_brands(b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")),
    UnreadFormat("JPEG 2000", (".jp2", ".j2k", ".j2c", ".jpc", ".jpf", ".jpx", ".jpm"),
                 _starts(b"\x00\x00\x00\x0cjP  \r\n\x87\n", b"\xff\x4f\xff\x51")),
    UnreadFormat("JPEG XL", (".jxl",), _starts(b"\xff\x0a", b"\x00\x00\x00\x0cJXL \r\n\x87\n")),
    UnreadFormat("Photoshop (PSD)", (".psd", ".psb"), _starts(b"8BPS")),
    UnreadFormat("Icon (ICO)", (".ico", ".cur"), _starts(b"\x00\x00\x01\x00", b"\x00\x00\x02\x00")),
    UnreadFormat("SVG", (".svg", ".svgz"), _svg),
    UnreadFormat("EPS", (".eps", ".epsf"), _starts(b"%!PS", b"\xc5\xd0\xd3\xc6")),
    UnreadFormat("Netpbm (PPM/PGM/PBM)", (".ppm", ".pgm", ".pbm", ".pnm"), _netpbm),
    UnreadFormat("TGA", (".tga",)),
)
HEAD_BYTES = 512

_BY_EXTENSION = {extension: fmt for fmt in UNREAD_FORMATS for extension in fmt.extensions}


def is_image_name(name: str) -> bool:
    """Whether a file name has one of the indexed image extensions."""
    return os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS


def unread_format_named(name: str) -> UnreadFormat | None:
    """The format petloc does not read that ``name``'s extension says, or None."""
    dot = name.rfind(".")
    return _BY_EXTENSION.get(name[dot:].lower()) if dot > 0 else None


def unread_format_of(head: bytes) -> UnreadFormat | None:
    """The format petloc does not read that a file's first bytes show, or None."""
    return next((fmt for fmt in UNREAD_FORMATS if fmt.recognise is not None and fmt.recognise(head)), None)
