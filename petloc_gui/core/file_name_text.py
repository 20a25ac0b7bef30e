"""File names as the text of UTF-8 documents (COCO JSON, VOC XML), and back.

Python holds a file name as its bytes decoded with the locale's encoding
(``os.fsdecode``). Under a locale whose encoding is not UTF-8 (Latin-1, say)
the UTF-8 bytes of ``חתול.jpg`` read as ``×\\x97×ª×\\x95×\\x9c.jpg``: written as
it is into a UTF-8 document, that text names no file. A document's text is
the name's bytes read as UTF-8, and a document's name is found on disk by
those same bytes. Under a UTF-8 locale both are the name unchanged.
"""

from __future__ import annotations

from os import fsdecode, fsencode


def file_name_text(name: str) -> str:
    """``name`` (as Python holds a file name) as the text a UTF-8 document names it by.

    Bytes that are not UTF-8 stay lone surrogates (surrogateescape), which
    `name_is_utf8` refuses and XML writers replace. Text that is no file
    name of this locale (it cannot be encoded back) is already text: unchanged.
    """
    try:
        data = fsencode(name)
    except UnicodeEncodeError:
        return name
    return data.decode("utf-8", "surrogateescape")


def name_is_utf8(name: str) -> bool:
    """Whether the bytes of the file name ``name`` are valid UTF-8 (the locale's encoding aside)."""
    try:
        fsencode(name).decode("utf-8")
    except UnicodeError:
        return False
    return True


def os_file_name(text: str) -> str:
    """The file name Python holds for the file a UTF-8 document names ``text``."""
    try:
        return fsdecode(text.encode("utf-8", "surrogateescape"))
    except UnicodeError:  # a lone surrogate from a JSON escape names no file: looked for as it is
        return text
