"""One line for the files of a folder named as images of a format petloc does not read.

``3 files not read (IMG_1.heic, IMG_2.heic, IMG_3.avif): AVIF and HEIC are not supported;
convert them to JPEG or PNG``: said by `petloc predict FOLDER` and by the window's status line
when a folder is opened (`core.folder_listing.unread_images` finds them), so such a photo is
named wherever a folder is read instead of being skipped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from petloc_gui.core.image_formats import UnreadFormat
from petloc_gui.core.text import counted

NAMED = 3  # files named in the line; the others are counted only


def unread_note(unread: Sequence[tuple[Path, UnreadFormat]]) -> str:
    """The line for ``unread`` ([(file, its format)], not empty): how many, the first names, the formats."""
    formats = sorted({fmt.name for _, fmt in unread})
    names = ", ".join(path.name for path, _ in unread[:NAMED]) + (", ..." if len(unread) > NAMED else "")
    kinds = formats[0] if len(formats) == 1 else f"{', '.join(formats[:-1])} and {formats[-1]}"
    verb = "is" if len(formats) == 1 else "are"
    pronoun = "it" if len(unread) == 1 else "them"
    return (f"{counted(len(unread), 'file')} not read ({names}): {kinds} {verb} not supported; "
            f"convert {pronoun} to JPEG or PNG")
