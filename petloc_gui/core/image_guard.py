"""Cheap checks that bound the time an image file can cost before Pillow reads it.

Pillow's JPEG reader skips junk before the next marker one byte at a time
(about 0.1 µs a byte): a 2 GiB sparse file holding a real JPEG header and
then zeros took 207 s just to report its size. :func:`check_jpeg_header`
walks the marker segments itself (seeking over them, searching junk with
``bytes.find``) and refuses a file whose header holds more junk than Pillow
can skip in a few milliseconds. :func:`check_file_size` refuses a file far
larger than any encoding of its declared pixels could be.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from petloc_gui.core.errors import ImageLoadError

# Junk bytes between JPEG markers Pillow may skip (~0.1 s at its pace).
MAX_JPEG_JUNK = 1 << 20
# Bytes of JPEG header (segments before the image data) looked through at most.
MAX_JPEG_HEADER = 64 << 20
# A compressed file is never more than a few times its raw pixels; this much
# room (plus a fixed slack for metadata, embedded previews, motion-photo
# video) keeps every real file while refusing padded or sparse ones.
BYTES_PER_PIXEL_BOUND = 16
FILE_SIZE_SLACK = 32 << 20

_STANDALONE = frozenset({0x01, *range(0xD0, 0xD9)})  # TEM, RSTn, SOI: no length field
_SOS, _EOI = 0xDA, 0xD9
_CHUNK = 1 << 16


def _mib(n: int) -> str:
    return f"{n / (1 << 20):.0f} MiB" if n >= 1 << 20 else f"{n} bytes"


def check_file_size(path: Path, file_size: int, width: int, height: int) -> None:
    """Refuse a file far larger than its ``width`` x ``height`` pixels can need."""
    bound = FILE_SIZE_SLACK + BYTES_PER_PIXEL_BOUND * width * height
    if file_size > bound:
        raise ImageLoadError(
            f"file is {_mib(file_size)} but the image is only {width}x{height} pixels; "
            "corrupt or padded (e.g. a header followed by zeros), not read", path)


def _skip_junk(handle: BinaryIO, path: Path, budget: int) -> int:
    """Read up to the next 0xFF byte (left unread); return the junk bytes skipped."""
    skipped = 0
    while True:
        start = handle.tell()
        chunk = handle.read(_CHUNK)
        if not chunk:
            return skipped  # end of file: Pillow reports what is missing
        found = chunk.find(b"\xff")
        if found >= 0:
            handle.seek(start + found)
            return skipped + found
        skipped += len(chunk)
        if skipped > budget:
            raise ImageLoadError(
                f"corrupt JPEG: more than {_mib(budget)} of junk where a marker should be "
                "(e.g. a header followed by zeros); not read", path)


def check_jpeg_header(handle: BinaryIO, path: Path) -> None:
    """Walk a JPEG's marker segments up to the image data; ImageLoadError when hostile.

    ``handle`` is a binary file positioned anywhere; it is rewound to 0 on
    return. A file that does not start like a JPEG is left to Pillow.
    """
    handle.seek(0)
    try:
        if handle.read(3) != b"\xff\xd8\xff":
            return
        handle.seek(2)
        junk = 0
        while handle.tell() <= MAX_JPEG_HEADER:
            byte = handle.read(1)
            if not byte:
                return
            if byte != b"\xff":
                junk += 1 + _skip_junk(handle, path, MAX_JPEG_JUNK - junk)
                if junk > MAX_JPEG_JUNK:
                    raise ImageLoadError(f"corrupt JPEG: more than {_mib(MAX_JPEG_JUNK)} of "
                                         "junk between markers; not read", path)
                continue
            marker = handle.read(1)
            if not marker:
                return
            code = marker[0]
            if code in (0xFF, 0x00):
                handle.seek(-1, 1)  # fill byte or stuffed zero: look again from here
                junk += 1
                continue
            if code in (_SOS, _EOI):
                return
            if code in _STANDALONE:
                continue
            length = handle.read(2)
            if len(length) < 2:
                return
            handle.seek(int.from_bytes(length, "big") - 2, 1)
        raise ImageLoadError(f"JPEG header is larger than {_mib(MAX_JPEG_HEADER)}; not read", path)
    finally:
        handle.seek(0)
