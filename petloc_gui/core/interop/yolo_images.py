"""Which names and formats of exported images YOLO tools read as images (Ultralytics' rule).

Ultralytics lists a file as an image by its extension (IMG_FORMATS in
ultralytics/data/utils.py) and skips any other name without a word. An image
named otherwise (``.jfif``, ``.apng``) is exported under its content's usual
name where that is one Ultralytics reads; any other is named in a warning.
Ultralytics then checks the content as well: a GIF named ``.jpg`` is skipped
with its labels, so such an image is named in a warning with its format.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from petloc_gui.core.interop.records import ConversionReport, ImageRecord
from petloc_gui.core.text import counted, first_of

# The names Ultralytics reads as images (IMG_FORMATS in ultralytics/data/utils.py, any case); it
# takes a .gif for a video, and skips any other name without a word.
YOLO_SUFFIXES = frozenset({".avif", ".bmp", ".dng", ".heic", ".jp2", ".jpeg", ".jpg", ".mpo", ".png", ".tif",
                           ".tiff", ".webp"})
# A file's first bytes -> the usual name of its format, for an image named otherwise (`exported_name`).
_USUAL_SUFFIX = ((b"\xff\xd8\xff", ".jpg"), (b"\x89PNG\r\n\x1a\n", ".png"), (b"BM", ".bmp"),
                 (b"II*\x00", ".tif"), (b"MM\x00*", ".tif"))
_DIB_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})
# Ultralytics skips an image under 10 pixels on a side, with its labels (verify_image_label: "image size
# ... <10 pixels").
MIN_YOLO_SIDE = 10


def exported_name(record: ImageRecord) -> str:
    """The image's name in OUT/images: its own, or, when Ultralytics would not read it as an image
    (``photo.jfif``), the usual name of its content's format when Ultralytics reads that one."""
    if is_read_by_yolo(record.relative):
        return record.relative
    path = PurePosixPath(record.relative)
    try:
        with open(record.image_path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return record.relative  # placing it reports the error
    usual = next((suffix for signature, suffix in _USUAL_SUFFIX if head.startswith(signature)), None)
    return str(path.with_suffix(usual)) if usual is not None else record.relative


def refused_content(path: Path) -> str | None:
    """The format of an image whose content Ultralytics refuses whatever its name (a GIF named
    .jpg), or None.

    Ultralytics checks the content too (verify_image_label: Pillow's format must be in
    IMG_FORMATS) and skips the image and its labels ("invalid image format GIF"). Of the formats
    petloc decodes only GIF and DIB are refused; their first bytes tell them from the others.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return None  # placing it reports the error
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    # A DIB (a BMP without its file header) starts with its info header's size (Pillow's _dib_accept).
    if len(head) >= 4 and int.from_bytes(head[:4], "little") in _DIB_HEADER_SIZES:
        return "DIB (a BMP without its file header)"
    return None


def is_read_by_yolo(name: str) -> bool:
    """Whether Ultralytics lists a file of this name as an image."""
    return PurePosixPath(name).suffix.lower() in YOLO_SUFFIXES


def warn_about_names(out: Path, renamed: list[tuple[str, str]], unread: list[str],
                     refused: list[tuple[str, str]], report: ConversionReport) -> None:
    """Say which images were given their format's usual name, and which Ultralytics will not read:
    by their name (``unread``) or, under a name it reads, by their content (``refused``: (name, format))."""
    if renamed:
        were = "was" if len(renamed) == 1 else "were"
        report.warning(out / "images", f"{counted(len(renamed), 'image')} {were} exported under the usual name "
                       f"of {'its' if len(renamed) == 1 else 'their'} format, which YOLO tools read (e.g. "
                       f"{renamed[0][0]} as {renamed[0][1]}); the bytes are unchanged")
    if unread:
        suffixes = ", ".join(sorted({PurePosixPath(name).suffix.lower() for name in unread}))
        report.warning(out / "images", f"{counted(len(unread), 'image')} named {suffixes} (e.g. {unread[0]}): "
                       "Ultralytics does not read such files as images, so their labels train nothing. "
                       "Convert them to PNG or JPEG before training")
    if refused:
        named = ", ".join(f"{name} is a {what}" for name, what in refused[:3])
        more = f", and {len(refused) - 3} more" if len(refused) > 3 else ""  # "more" takes no plural
        are, them = ("is", "it") if len(refused) == 1 else ("are", "them")
        report.warning(out / "images", f"{counted(len(refused), 'image')} {are} of a format Ultralytics does not "
                       f"read whatever the name ({named}{more}): it checks the content and skips such an image "
                       f"with its labels ('invalid image format'). Convert {them} to PNG or JPEG before training")


def warn_about_small(out: Path, small: list[str], report: ConversionReport) -> None:
    """Say which exported images (``small``: names in OUT/images) Ultralytics skips as under `MIN_YOLO_SIDE`
    pixels on a side."""
    if small:
        are, them = ("is", "it") if len(small) == 1 else ("are", "them")
        report.warning(out / "images", f"{counted(len(small), 'image')} {are} under {MIN_YOLO_SIDE} pixels on a side "
                       f"({first_of(small, 3)}): Ultralytics skips such an image with its labels ('image size "
                       f"... <10 pixels'). Enlarge {them}, or leave {them} out, before training with Ultralytics")
