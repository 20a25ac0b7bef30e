"""Image files Pillow refuses to open: what is wrong with them, in words a person can act on.

`PIL.Image.open` answers every refusal with "cannot identify image file": a
PNG with one bad checksum, a PNG cut short, a HEIC photo and a text file all
read the same. `refusal_reason` tells them apart: a PNG's chunks are walked
(`png_chunks`), a format petloc does not read is named by its first bytes or
its extension (`core.image_formats`), and a file one of the decoded formats
recognises gets that plugin's own reason.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image

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
    for chunk in chunks:
        if chunk.kind == b"IDAT":
            return None  # Pillow reads no further when opening
        if not chunk.crc_ok:
            return f"PNG file is damaged (bad CRC in its {chunk.name} chunk)"
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
    Image.init()
    for fmt in DECODED_FORMATS:
        factory, accept = Image.OPEN[fmt]
        if accept is None or accept(head) is not True:
            continue
        handle.seek(0)
        try:
            factory(handle, "")  # the plugin Image.open tried: only its reason is new
        except Exception as exc:  # noqa: BLE001 - any failure is the reason asked for
            return f"cannot read this {_SHOWN_FORMAT.get(fmt, fmt)} file: {_plugin_words(exc)}"
        finally:
            handle.seek(0)
    return None
