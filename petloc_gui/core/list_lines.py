"""The lines of a list of held-out entries (`petloc train --exclude-list FILE`, a folder's test list), read
once for both (`read_list_lines`), and what each line may name (`entry_forms`): `core.listed_images`
matches them to images. No Qt, no TensorFlow.

A line is kept as written, less its line end and a byte-order mark: a file's name may start or end with a
space (`` a.jpg``), and a line stripped before it was tried held out another image (``a.jpg``) while the
listed one was trained on, with no word said. Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only, as a text
editor ends them: `str.splitlines` also split at U+2028, U+0085 and a form feed, so a name holding one could
not be listed, and every line after it was counted one off the editor's.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from pathlib import Path

from petloc_gui.core.regular_file import FOLDER, NotRegularFileError, read_regular_file
from petloc_gui.core.text import counted

# Oxford's list files (test.txt, trainval.txt): an id, then numbers ("Abyssinian_201 1 1 1").
_OXFORD_LINE = re.compile(r"(\S+)(?:[ \t]+-?\d+)+")
# where a line ends, as text editors end one (`editor_lines`)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Two Notepad files joined (`cat a.txt b.txt`) have the second one's byte-order mark at the start of a line:
# kept, "\ufeffimg2" matched no image and img2 was trained on (`editor_lines` drops it).
_BYTE_ORDER_MARK = "\ufeff"

# the bytes of a line that are not UTF-8, as surrogateescape decodes them; those UTF-16 could not decode
_UNDECODED = re.compile("[\udc80-\udcff]+")
_REPLACED = re.compile("\ufffd")

# The most a list file is read whole (`read_list_lines`): a 20,000-image devkit's lists are under 1 MB. Read
# with no cap, a test.txt linked to /dev/zero grew until memory ran out, and a named pipe waited for ever.
MAX_LIST_BYTES = 64 << 20

# past this many characters a line said back is shortened, its middle left out: a 100 MB line of one
# name was said whole on stderr (half a gigabyte, 13 s)
QUOTED_CHARS = 300


def editor_lines(text: str) -> list[str]:
    """``text``'s lines as a text editor shows and numbers them: ended by ``\\n``, ``\\r\\n`` or ``\\r`` only (not
    at U+2028, U+0085 or a form feed, as `str.splitlines` ends them); the last one "" when ``text`` ends a line;
    each less the byte-order marks it starts with, which an editor does not show either. The one rule of the
    lists of petloc reads: these, YOLO's class names (`core.interop.yolo_names`), the folder's class list
    (`app.class_list`). The marks are dropped here, not by each reader: two Notepad "UTF-8 with BOM" class files
    joined (`cat a.txt b.txt`) gave predefined_classes.txt and YOLO's classes.txt an invisible "\\ufeffdog"
    beside "dog", only `read_list_lines` dropping the mark."""
    return [line.lstrip(_BYTE_ORDER_MARK) for line in _LINE_BREAK.split(text)]


class ListedLines(list[str]):
    """A list file's lines that are not blank, each as written (`read_list_lines`), with ``numbers``, each
    one's line in the file (blank lines counted, as an editor counts them), and ``unread``: where and why it was
    not read whole, in words to follow the file's name ("is not UTF-8 text (line 3)"; "" when it was). A reader
    with another use of the list (`core.oxford_devkit_index`) says its own consequence after it; `problems` says
    a held-out list's."""

    def __init__(self, lines: list[str], numbers: list[int], /, *, unread: str = "") -> None:
        super().__init__(lines)
        self.numbers = tuple(numbers)
        self.unread = unread

    @property
    def problems(self) -> tuple[str, ...]:
        """What kept the file from being read whole, as a held-out list loses it (`petloc train --exclude-list`, a
        folder's test list), each in words to follow the file's name; () when it was read whole."""
        if not self.unread:
            return ()
        return (f"{self.unread}: an entry there names no image and that image is trained on; save the list as UTF-8",)


def read_list_lines(path: Path) -> ListedLines:
    """The list file's lines, the one reading of `petloc train --exclude-list FILE` and of a folder's test list
    (`model.layout_test_split`): `petloc train` had replaced a line's bytes that are not UTF-8 with no word said
    (the image it named was trained on) where the window warned of them. UTF-8 (a BOM skipped) or UTF-16 with its
    byte-order mark; a line that is neither (a Latin-1 "café", the NUL bytes of UTF-16 without its mark) is a
    problem. Each line as written (`entry_forms` tries it stripped after), less a byte-order mark it starts with
    (`editor_lines`).
    Raises OSError when it cannot be read: `core.regular_file.NotRegularFileError` where it is no regular file (a
    named pipe, never waited on), `core.regular_file.FileTooLargeError` past `MAX_LIST_BYTES`."""
    try:
        data = read_regular_file(path, MAX_LIST_BYTES)
    except NotRegularFileError as exc:
        if exc.kind == FOLDER:  # said in the system's words, as `read_bytes` said it ("Is a directory")
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path)) from None
        raise
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # what PowerShell's `>` and Notepad's "Unicode" write: read as UTF-8, each line held NUL bytes, named no
        # image, and a path with a NUL in it stopped the run ("embedded null byte")
        encoding = "UTF-16"
        try:
            text, undecoded = data.decode("utf-16"), None
        except UnicodeDecodeError:  # an odd byte, half a surrogate pair
            text, undecoded = data.decode("utf-16", errors="replace"), _REPLACED
    else:
        # a BOM at the start of the file is skipped with the one at the start of each line (Notepad's)
        encoding, text, undecoded = "UTF-8", data.decode("utf-8", errors="surrogateescape"), _UNDECODED
    lines: list[str] = []
    numbers: list[int] = []
    bad: list[int] = []
    nul = False
    for number, line in enumerate(editor_lines(text), 1):
        if undecoded is not None and undecoded.search(line):
            bad.append(number)
            line = undecoded.sub("\ufffd", line)  # as a text editor shows the bytes it could not read
        elif "\0" in line:
            bad.append(number)
            nul = True
        if line.strip():
            lines.append(line)
            numbers.append(number)
    if not bad:
        return ListedLines(lines, numbers)
    where = f"line {bad[0]}" + (f" and {counted(len(bad) - 1, 'other')}" if len(bad) > 1 else "")
    why = ": NUL bytes, as UTF-16 without its byte-order mark has" if nul and encoding == "UTF-8" else ""
    return ListedLines(lines, numbers, unread=f"is not {encoding} text ({where}{why})")


def entry_forms(line: str) -> list[str]:
    """What ``line`` may name, most literal first: the line as written (`` a.jpg``, a file whose name starts
    with a space); then stripped; then the stripped line before each ``#`` that starts a comment, the longest
    first (``cat #1.jpg  # first cat``: ``cat #1.jpg`` before ``cat``); then, for an Oxford-shaped line, its
    first column. A comment line has the line, stripped, only."""
    forms = [line]
    stripped = line.strip()
    if stripped and stripped != line:
        forms.append(stripped)
    for start in reversed(_comment_starts(stripped)):
        cut = stripped[:start].rstrip()
        if cut and cut not in forms:
            forms.append(cut)
    # (an Oxford line ends with a number: a line that does not is never scanned, a 100 MB one took seconds)
    oxford = _OXFORD_LINE.fullmatch(forms[-1]) if forms[-1][-1:].isdigit() else None
    if oxford and oxford.group(1) not in forms:
        forms.append(oxford.group(1))
    return forms


def _comment_starts(line: str) -> list[int]:
    """Where a comment may start in ``line``: a ``#`` that starts the line or follows whitespace (``a.jpg  #
    trailing``). A ``#`` inside a name (``cat#1.jpg``) starts none: that entry, matching nothing, is reported,
    not cut to ``cat``. Each ``#`` found by `str.find`: a regular expression's look-behind at every character
    took seconds over a 100 MB line."""
    starts = []
    at = line.find("#")
    while at >= 0:
        if at == 0 or line[at - 1].isspace():
            starts.append(at)
        at = line.find("#", at + 1)
    return starts


def is_comment(line: str) -> bool:
    """Whether ``line`` is a comment (``#`` first, spaces before it allowed), which names nothing to say."""
    return line.lstrip().startswith("#")


def quoted(line: str) -> str:
    """``line`` as said back (`repr`), its middle left out past `QUOTED_CHARS` characters, its length said."""
    if len(line) <= QUOTED_CHARS:
        return repr(line)
    half = QUOTED_CHARS // 2
    return f"{line[:half]!r}…{line[-half:]!r} (a line of {len(line):,} characters, its middle left out)"
