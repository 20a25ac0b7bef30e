"""Text shown to a person: file names and labels made safe (no terminal control, no bidi
reordering), counts worded (``counted``: "1 image", "2 images"), and columns that line up on a
terminal whatever the cells hold (``table``, ``columns``, ``display_width``).

A file name or label may hold an ANSI escape (``ESC[2J`` clears a terminal,
``ESC]8;;`` makes links), other C0/C1 control characters, or a bidirectional
override (U+202E makes ``gpj.exe`` read as ``exe.jpg``), or a Unicode space
other than U+0020 (a no-break space reads as a plain one: another file's name), or a byte order
mark (U+FEFF, drawn as nothing: "\ufeffcat" reads as "cat").
Shown raw, they rewrite the terminal or disguise a name. :func:`visible` replaces
each with a readable escape (``\\x1b``, ``\\xa0``, ``\\u202e``), keeping every other
character. :func:`isolated` sets such a name apart in a sentence (a Hebrew or Arabic
name keeps the line around it in order).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence

# C0 and C1 controls, DEL, and the bidi embedding/override/isolate/mark characters.
_CONTROL_AND_BIDI = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# The Unicode spaces other than U+0020 (U+00A0, U+2009, U+3000, the line and paragraph separators...):
# shown raw, a no-break space reads as a plain one, so the line names another file.
_UNICODE_SPACES = "\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# The byte order mark, U+FEFF: drawn as nothing, so "\ufeffcat" (a class of a list Notepad saved "with BOM")
# read as "cat" beside the real one. No ordinary name holds one (U+2060 took its joining role in Unicode 3.2).
_BYTE_ORDER_MARK = "\ufeff"
_UNSAFE = re.compile(f"[{_CONTROL_AND_BIDI}{_UNICODE_SPACES}{_BYTE_ORDER_MARK}]")
_JSON_UNSAFE = re.compile(f"[{_CONTROL_AND_BIDI}\ud800-\udfff]")  # and lone surrogates (see json_safe)
# A file name that is not UTF-8 (b"bad\xffname") reaches Python with a lone surrogate per bad byte.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def character_escape(match: re.Match[str]) -> str:
    """The matched character as an escape: ``\\x1b``, ``\\u202e`` (`visible`'s, `app.class_list`'s)."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with control and bidi characters, Unicode spaces other than U+0020 and the byte order mark
    (U+FEFF) written as escapes.

    With ``keep_newlines`` a plain ``\\n`` is left alone (multi-line messages).
    """
    text = str(text)
    if keep_newlines:
        return "\n".join(_UNSAFE.sub(character_escape, line) for line in text.split("\n"))
    return _UNSAFE.sub(character_escape, text)


# FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: what they enclose takes its own direction (a Hebrew
# name reads right to left) and leaves the sentence around it in its own order (Unicode's bidi rules X5c, X6a)
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
# the bidi classes that can turn a run of an English sentence around: right-to-left letters, Arabic digits
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})


def isolated(name: object) -> str:
    """``name`` (a file, folder or class name) made `visible` and set apart for putting into a sentence: a
    Hebrew or Arabic name laid out on its own, its line around it kept in order. Put in raw, "תמונה 2.png"
    took the line's direction: "png · GT: cat · … agree.2 תמונה", the name split across both ends. The
    isolates go around what `visible` made of the name: any it held itself are escapes by then.

    A name with no right-to-left letter or Arabic digit is left as it is: it cannot reorder an English
    sentence, and the isolates are not in every font (DejaVu Sans lacks them): drawn from a fallback font,
    they made the line 3 px taller."""
    shown = visible(name)
    if not any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in shown):
        return shown
    return f"{FIRST_STRONG_ISOLATE}{shown}{POP_DIRECTIONAL_ISOLATE}"


# a pair of isolates around a run holding neither: what `isolated` puts around a name (any it held are escapes)
_ISOLATE_PAIR = re.compile(f"{FIRST_STRONG_ISOLATE}([^{FIRST_STRONG_ISOLATE}{POP_DIRECTIONAL_ISOLATE}]+)"
                           f"{POP_DIRECTIONAL_ISOLATE}")


def visible_but_isolated(text: str) -> str:
    """``text`` made `visible`, but for the pairs of isolates `isolated` put around the names in it: kept, so
    that a Hebrew name keeps the line around it in order (escaped, they read "\\u2068NAME\\u2069"). A pair is
    kept only where `isolated` could have made it, around a right-to-left name already `visible`; any other
    isolate (a stray one in a name put in raw, ``a\\u2069b``; one of a pair around an English word) is escaped.
    For text whose every name is `visible` or `isolated`: a raw name holding a pair of its own around a
    Hebrew word would keep it."""
    shown, done = [], 0
    for pair in _ISOLATE_PAIR.finditer(text):
        if isolated(pair.group(1)) != pair.group():
            continue  # not a name `isolated` set apart: escaped with the text around it
        shown += [visible(text[done:pair.start()]), pair.group()]
        done = pair.end()
    return "".join(shown) + visible(text[done:])


def json_safe(text: str) -> str:
    """JSON text with the characters JSON leaves raw (C1, bidi, DEL) as ``\\uXXXX`` escapes.

    Lone surrogates are escaped too: a file name that is not UTF-8 (``bad\\xffname.jpg``)
    reaches Python as ``\\udcff``, which written raw made the line invalid UTF-8 that strict
    JSON readers refuse. The result decodes to the same value: only the representation changes.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def tidy_name(name: str) -> str:
    """A class name as typed, as it is kept: each run of whitespace one space (a tab, a no-break or an
    ideographic space too: whatever `str.split` splits on), none around it (" bengal\u00a0 cat" -> "bengal
    cat"). One rule for the Label box, Edit → Classes and the case-variant key (`core.label_variants`), so
    that a name typed in one is the class the others mean."""
    return " ".join(name.split())


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``"1 image"``, ``"0 images"``, ``"3 images"``: ``n`` with ``noun`` in the number it takes.
    ``plural`` where adding an "s" is wrong (``counted(n, "box", "boxes")``)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def first_of(names: Sequence[str], limit: int = 6) -> str:
    """``"a, b, c"`` or ``"a, b, c and 31 more"``: at most ``limit`` names, and how many were left out, so
    that a list cut short never reads as whole."""
    return ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")


def printable(text: object) -> str:
    """One line as printed: control characters (a newline in a file name too: one record, one line)
    and bidi overrides escaped (`visible`), and lone surrogates (``\\udcff``) too: Python's stdout
    refuses to encode them under most UTF-8 locales (en_US.UTF-8; C.UTF-8 is the exception). Escaping
    twice changes nothing (the escapes are plain ASCII)."""
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", visible(text))


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes: two for a wide (CJK, most emoji) character, none for
    a combining mark or a format character (a zero-width joiner), one for the others."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Me", "Mn", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def table(header: Sequence[str], rows: Iterable[Sequence[object]], right: Collection[int] = ()) -> list[str]:
    """The lines of a table whose columns line up whatever their cells hold (``ls -l``, ``docker ps``):
    the header's line, then a line per row, laid out as `columns` lays them out."""
    return columns([header, *rows], right)


def columns(rows: Iterable[Sequence[object]], right: Collection[int] = ()) -> list[str]:
    """A line per row, its cells in columns that line up whatever they hold: each column as wide as
    its widest cell as a terminal shows it (`printable`'s escapes counted, a wide character as two
    columns), two spaces apart; the columns in ``right`` are aligned right. The last column is not
    padded (a path, a note: nothing follows it). Nothing is shortened: a cell is something to copy
    (a name, a path)."""
    shown = [[printable(cell) for cell in row] for row in rows]
    widths = [max(display_width(line[i]) for line in shown) for i in range(len(shown[0]))] if shown else []
    lines = []
    for line in shown:
        cells = []
        for i, (cell, width) in enumerate(zip(line, widths, strict=True)):
            pad = " " * (width - display_width(cell))
            last = i == len(line) - 1
            cells.append(pad + cell if i in right else cell if last else cell + pad)
        lines.append("  ".join(cells))
    return lines
