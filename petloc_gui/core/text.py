"""Text shown to a person: file names and labels made safe (no terminal control, no bidi
reordering), and counts worded (``counted``: "1 image", "2 images").

A file name or label may hold an ANSI escape (``ESC[2J`` clears a terminal,
``ESC]8;;`` makes links), other C0/C1 control characters, or a bidirectional
override (U+202E makes ``gpj.exe`` read as ``exe.jpg``). Shown raw, they
rewrite the terminal or disguise a name. :func:`visible` replaces each with a
readable escape (``\\x1b``, ``\\u202e``), keeping every other character.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidi embedding/override/isolate/mark characters.
_CONTROL_AND_BIDI = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROL_AND_BIDI}]")
_JSON_UNSAFE = re.compile(f"[{_CONTROL_AND_BIDI}\ud800-\udfff]")  # and lone surrogates (see json_safe)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with control and bidi characters written as escapes.

    With ``keep_newlines`` a plain ``\\n`` is left alone (multi-line messages).
    """
    text = str(text)
    if keep_newlines:
        return "\n".join(_UNSAFE.sub(_escape, line) for line in text.split("\n"))
    return _UNSAFE.sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text with the characters JSON leaves raw (C1, bidi, DEL) as ``\\uXXXX`` escapes.

    Lone surrogates are escaped too: a file name that is not UTF-8 (``bad\\xffname.jpg``)
    reaches Python as ``\\udcff``, which written raw made the line invalid UTF-8 that strict
    JSON readers refuse. The result decodes to the same value: only the representation changes.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``"1 image"``, ``"0 images"``, ``"3 images"``: ``n`` with ``noun`` in the number it takes.
    ``plural`` where adding an "s" is wrong (``counted(n, "box", "boxes")``)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
