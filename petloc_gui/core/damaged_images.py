"""Image files Pillow refuses: what is wrong with them, in words a person can act on, and the two
flaws every viewer forgives, read from repaired bytes.

`PIL.Image.open` answers every refusal with "cannot identify image file": a
PNG with one bad checksum, a PNG cut short, a HEIC photo and a text file all
read the same. `refusal_reason` tells them apart: a PNG's chunks are walked
(`png_chunks`), a format petloc does not read is named by its first bytes or
its extension (`core.image_formats`), and a file one of the decoded formats
recognises gets that plugin's own reason.

Two flaws leave every pixel in the file, and viewers show such files whole:
a JPEG missing only its end marker (`jpeg_with_end_marker`), and a PNG with a
bad checksum in an ancillary chunk that does not change petloc's pixels
(`png_without_damaged_chunks`; libpng itself drops any ancillary chunk with a
bad checksum). The file on disk is never changed; the repaired
bytes are decoded strictly. Pillow's ``LOAD_TRUNCATED_IMAGES`` is not used:
it is one switch for every thread, and it would also load a JPEG cut inside
its image data, grey where the data is missing.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile
from typing import BinaryIO

from PIL import Image, ImageChops

from petloc_gui.core.image_formats import (
    DECODED_FORMATS,
    HEAD_BYTES,
    READ_FORMATS,
    unread_format_named,
    unread_format_of,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Bytes of a refused PNG read to explain it (its chunks before the image data are small).
MAX_EXAMINED_BYTES = 64 << 20
_SHOWN_FORMAT = {"WEBP": "WebP", "DIB": "BMP"}
# A file larger than this is not repaired (it is decoded in memory, twice for a JPEG).
MAX_REPAIRED_BYTES = 256 << 20
# Ancillary chunks that change the pixels petloc decodes: transparency (composited on white), the
# EXIF orientation, and an APNG's frame layout (which parts of the image data the first frame is).
# Pillow keeps every other ancillary chunk as information only (gAMA, cHRM, sRGB and iCCP are not
# applied), so a damaged one is dropped as libpng drops it; a bad checksum in one of these, or in a
# critical chunk (IHDR, PLTE: its first letter is upper case), keeps the file refused. A text chunk
# "Raw profile type exif" (ImageMagick's) is dropped too: Pillow's getexif() reads an orientation
# from it, but petloc, as browsers, takes a PNG's orientation from its eXIf chunk only (`core.image_orientation`).
_PIXEL_CHUNKS = frozenset({b"tRNS", b"eXIf", b"acTL", b"fcTL"})
_JPEG_END = b"\xff\xd9"
# Decoded in place of the missing data of a JPEG cut inside its image data (libjpeg itself fills
# with zeros): complete data ignores anything before its end marker, so the pixels then differ.
_FILLER = b"\x5a" * 64


@dataclass(frozen=True)
class PngChunk:
    kind: bytes
    start: int  # of its length field
    end: int  # just after its CRC
    crc_ok: bool

    @property
    def name(self) -> str:
        return self.kind.decode("latin-1")


def png_chunks(data: bytes) -> tuple[list[PngChunk], str | None]:
    """The chunks of a PNG file's bytes up to IEND, and what stopped the walk short of it, or None."""
    chunks: list[PngChunk] = []
    at = len(PNG_SIGNATURE)
    while True:
        if at + 8 > len(data):
            missing = "IEND" if any(chunk.kind == b"IDAT" for chunk in chunks) else "image data"
            return chunks, f"PNG file is cut short (it ends at byte {len(data)}, before its {missing})"
        length = int.from_bytes(data[at:at + 4], "big")
        kind = data[at + 4:at + 8]
        if not kind.isalpha() or length >= 1 << 31:
            return chunks, f"PNG file is damaged (garbled chunk header at byte {at})"
        end = at + 12 + length
        if end > len(data):
            return chunks, f"PNG file is cut short (it ends at byte {len(data)}, inside its {kind.decode()} chunk)"
        crc = int.from_bytes(data[end - 4:end], "big")
        chunks.append(PngChunk(kind, at, end, zlib.crc32(data[at + 4:end - 4]) == crc))
        if kind == b"IEND":
            return chunks, None
        at = end


def png_damage(data: bytes, whole: bool = True) -> str | None:
    """Why Pillow refused to open these PNG bytes (it checks the chunks before the image data), or None.
    ``whole``: ``data`` is the whole file, not its first bytes (only then is "cut short" known)."""
    chunks, stop = png_chunks(data)
    opened = list(takewhile(lambda chunk: chunk.kind != b"IDAT", chunks))  # Pillow reads no further
    damaged = [chunk for chunk in opened if not chunk.crc_ok]
    # The one that keeps it refused first (the others alone are repaired: png_without_damaged_chunks).
    damaged.sort(key=droppable)
    if damaged:
        return f"PNG file is damaged (bad CRC in its {damaged[0].name} chunk)"
    if len(opened) < len(chunks):
        return None
    return stop if whole or "cut short" not in (stop or "") else None


def refusal_reason(handle: BinaryIO, name: str) -> str:
    """Why Pillow could not open the image file ``handle`` (named ``name``): the message for a person."""
    try:
        handle.seek(0)
        head = handle.read(HEAD_BYTES)
        damage = None
        if head.startswith(PNG_SIGNATURE):
            data = head + handle.read(MAX_EXAMINED_BYTES - len(head))
            damage = png_damage(data, whole=len(data) < MAX_EXAMINED_BYTES)
        handle.seek(0)
    except OSError as exc:
        return f"cannot read image header: {exc.strerror or exc}"
    if damage is not None:
        return damage
    unread = unread_format_of(head) or unread_format_named(name)
    if unread is not None:
        return unread.reason
    plugin = _plugin_reason(handle, head)
    if plugin is not None:
        return plugin
    return f"not an image file (format not recognised; {READ_FORMATS} are read)"


def _plugin_words(exc: Exception) -> str:
    # A plugin that runs out of bytes says so in struct's or Python's words (Pillow re-raises them
    # as SyntaxError, from the original).
    if isinstance(exc.__cause__ or exc, (struct.error, EOFError, IndexError)) or "truncated" in str(exc).lower():
        return "it is cut short or damaged"
    return " ".join(str(exc).split())


def _plugin_reason(handle: BinaryIO, head: bytes) -> str | None:
    """The reason of the first decoded format's plugin that recognises the file but cannot open it."""
    opened = _plugin_open(handle, head)
    if opened is None or not isinstance(opened[1], Exception):
        return None
    return f"cannot read this {_SHOWN_FORMAT.get(opened[0], opened[0])} file: {_plugin_words(opened[1])}"


def header_size(handle: BinaryIO) -> tuple[int, int] | None:
    """``(width, height)`` from the header of a file Pillow refused as a decompression bomb, or None.
    (Its plugin opened directly: `Image.open` refuses before it gives the size.)"""
    try:
        handle.seek(0)
        opened = _plugin_open(handle, handle.read(HEAD_BYTES))
    except OSError:
        return None
    if opened is None or not isinstance(opened[1], Image.Image):
        return None
    return opened[1].size


def _plugin_open(handle: BinaryIO, head: bytes) -> tuple[str, Image.Image | Exception] | None:
    """The first decoded format whose plugin recognises ``head``, with the image it opens (header
    only) or the exception it raises; None when none recognises it."""
    Image.init()
    for fmt in DECODED_FORMATS:
        factory, accept = Image.OPEN[fmt]
        if accept is None or not _accepts(accept, head):
            continue
        handle.seek(0)
        try:
            return fmt, factory(handle, "")  # the plugin Image.open tried
        except Exception as exc:  # noqa: BLE001 - any failure is the reason asked for
            return fmt, exc
        finally:
            handle.seek(0)
    return None


def _accepts(accept: Callable[[bytes], object], head: bytes) -> bool:
    """Whether a plugin's ``accept`` recognises ``head``. One that fails on it does not: BMP's reads a
    4-byte number from the first bytes (struct.error on a 1-3 byte file, which an interrupted
    download leaves), as `Image.open` itself takes it (it catches the same errors)."""
    try:
        return accept(head) is True
    except Exception:  # noqa: BLE001 - a plugin's test failing on these bytes: not its format
        return False


def jpeg_with_end_marker(handle: BinaryIO) -> bytes | None:
    """The bytes of a JPEG file complete but for its end marker, with the marker; None for any other file.

    Its data is decoded twice, once followed by the marker and once by filler bytes and the marker:
    complete data ignores the filler, so both give the same pixels; a file cut inside its image
    data decodes the filler where its own data is missing, and is left refused. So is a file cut
    between two scans (a progressive JPEG shown before its last refinements arrived): its scans
    must give every coefficient of every component its last bit (`_scans_complete`).
    """
    data = _read_bounded(handle)
    if data is None or not data.startswith(b"\xff\xd8") or data.endswith(_JPEG_END):
        return None
    data = data.removesuffix(b"\xff")  # the first half of the marker
    if not _scans_complete(data):
        return None
    marked = _jpeg_pixels(data + _JPEG_END)
    filled = _jpeg_pixels(data + _FILLER + _JPEG_END)
    if marked is None or filled is None or marked.mode != filled.mode or marked.size != filled.size:
        return None
    return data + _JPEG_END if ImageChops.difference(marked, filled).getbbox() is None else None


def droppable(chunk: PngChunk) -> bool:
    """Whether the pixels petloc decodes are the same without ``chunk`` (an ancillary chunk Pillow
    keeps as information only)."""
    return chunk.kind[:1].islower() and chunk.kind not in _PIXEL_CHUNKS


def png_without_damaged_chunks(handle: BinaryIO) -> bytes | None:
    """The bytes of a PNG file without its chunks that have a bad checksum, when Pillow refuses it
    only for such chunks (the ones before its image data) and each is `droppable`; None otherwise."""
    # Every file Pillow refuses comes here (a HEIC photo, a video named .jpg): only a PNG is read whole.
    if not _starts_with(handle, PNG_SIGNATURE):
        return None
    data = _read_bounded(handle)
    if data is None:
        return None
    chunks, _ = png_chunks(data)
    damaged = [chunk for chunk in takewhile(lambda c: c.kind != b"IDAT", chunks) if not chunk.crc_ok]
    if not damaged or not all(droppable(chunk) for chunk in damaged):
        return None
    kept, at = [], 0
    for chunk in damaged:
        kept.append(data[at:chunk.start])
        at = chunk.end
    kept.append(data[at:])
    return b"".join(kept)


_SOF_CODES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # not DHT, JPG, DAC
_PROGRESSIVE_SOF = frozenset({0xC2, 0xC6, 0xCA, 0xCE})
_NO_LENGTH = frozenset({0x00, 0x01, 0xFF, *range(0xD0, 0xD8)})  # stuffed zero, TEM, fill, RSTn


def _scans_complete(data: bytes) -> bool:
    """Whether the scans in a JPEG's bytes give every coefficient of every component its last bit:
    a sequential JPEG scans each component once; a progressive one sends each coefficient's
    bits in several scans, the last of which has successive approximation Al = 0."""
    components: list[int] = []
    progressive = False
    finished: dict[int, set[int]] = {}
    at = data.find(b"\xff", 2)
    while 0 <= at < len(data) - 3:
        code = data[at + 1]
        if code in _NO_LENGTH:
            at = data.find(b"\xff", at + 1)
            continue
        end = at + 2 + int.from_bytes(data[at + 2:at + 4], "big")
        segment = data[at + 4:end]
        if code in _SOF_CODES and len(segment) >= 6:
            components = list(segment[6:6 + 3 * segment[5]:3])
            progressive = code in _PROGRESSIVE_SOF
        elif code == 0xDA and segment and len(segment) >= 1 + 2 * segment[0] + 3:
            count = segment[0]
            first, last, approximation = segment[1 + 2 * count:4 + 2 * count]
            if not progressive:
                first, last, approximation = 0, 63, 0
            if approximation & 0x0F == 0:
                for component in segment[1:1 + 2 * count:2]:
                    finished.setdefault(component, set()).update(range(first, last + 1))
        at = data.find(b"\xff", end)  # past the segment (a scan: into its image data)
    every = set(range(64))
    return bool(components) and all(finished.get(component, set()) >= every for component in components)


def _starts_with(handle: BinaryIO, signature: bytes) -> bool:
    try:
        handle.seek(0)
        head = handle.read(len(signature))
        handle.seek(0)
    except OSError:
        return False
    return head == signature


def _read_bounded(handle: BinaryIO) -> bytes | None:
    try:
        handle.seek(0)
        data = handle.read(MAX_REPAIRED_BYTES + 1)
        handle.seek(0)
    except OSError:
        return None
    return data if len(data) <= MAX_REPAIRED_BYTES else None


def _jpeg_pixels(data: bytes) -> Image.Image | None:
    try:
        image = Image.open(io.BytesIO(data), formats=("JPEG",))
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError, Image.DecompressionBombError):
        return None
    return image
