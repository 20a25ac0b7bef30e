"""Text shown to a person: file names and labels made safe (no terminal control, no bidi
reordering), counts worded (``counted``: "1 image", "2 images"), and columns that line up on a
terminal whatever the cells hold (``table``, ``columns``, ``display_width``).

A file name or label may hold an ANSI escape (``ESC[2J`` clears a terminal,
``ESC]8;;`` makes links), other C0/C1 control characters, or a bidirectional
override (U+202E makes ``gpj.exe`` read as ``exe.jpg``), or a Unicode space
other than U+0020 (a no-break space reads as a plain one: another file's name), or a byte order
mark (U+FEFF, drawn as nothing: "\ufeffcat" reads as "cat"), or another character drawn as
nothing (a zero-width space, a soft hyphen, a word joiner, a variation selector after a letter:
"cat\u200b", pasted from a web page, reads as "cat").
Shown raw, they rewrite the terminal or disguise a name. :func:`visible` replaces
each with a readable escape (``\\x1b``, ``\\xa0``, ``\\u202e``), keeping every other
character, and the invisible characters that are part of real text where they are (a zero-width space in
Thai, a zero-width joiner in an emoji sequence or a Devanagari conjunct, a zero-width non-joiner in a Persian
word, U+FE0F in "❤️", the tags of a subdivision flag).
:func:`isolated` sets such a name apart in a sentence (a Hebrew or Arabic name keeps the line around it
in order).
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
# Characters drawn as nothing that no name needs anywhere: the soft hyphen, the word joiner and invisible
# operators (U+2060-U+2064), the Hangul fillers (a "blank" name), the interlinear annotation marks, the
# deprecated format characters and the unassigned default-ignorable code points.
_INVISIBLE = ("\xad\u115f\u1160\u17b4\u17b5\u2060-\u2065\u206a-\u206f\u3164\uffa0\ufff0-\ufffb"
              "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e001f\U000e0080-\U000e00ff"
              "\U000e01f0-\U000e0fff")
# Characters drawn as nothing that are part of real text in their place (`_part_of_text`): the zero-width space
# (a word break inside Thai or Khmer), the joiners (emoji sequences, Indic conjuncts, Persian words), the
# variation selectors ("❤️"), the Mongolian ones, the combining grapheme joiner, the tags of a flag, and the
# Braille pattern blank (a cell with no dot: the space between Braille words, no Default_Ignorable one).
_BRAILLE_BLANK = "\u2800"
_IN_TEXT_ONLY = ("\u034f\u180b-\u180f\u200b-\u200d\ufe00-\ufe0f\U000e0020-\U000e007f\U000e0100-\U000e01ef"
                 f"{_BRAILLE_BLANK}")
# Unicode's Default_Ignorable_Code_Point: drawn as nothing unless a font has a glyph for it. A name's
# class is the same without them (`core.label_variants.label_key`, the identifier rule of UAX #31).
DEFAULT_IGNORABLE = re.compile(
    "[\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
_ESCAPED = re.compile(f"[{_CONTROL_AND_BIDI}{_UNICODE_SPACES}{_BYTE_ORDER_MARK}{_INVISIBLE}]")
_CONTEXTUAL = re.compile(f"[{_IN_TEXT_ONLY}]")
# and lone surrogates (see json_safe), every invisible character (JSON text is no place for context), and the
# line and paragraph separators, which JSON leaves raw but Python's str.splitlines() (and JavaScript before ES2019)
# takes for line ends: one --json record read as several lines, none of them JSON
_LINE_SEPARATORS = "\u2028\u2029"
_JSON_UNSAFE = re.compile(
    f"[{_CONTROL_AND_BIDI}{_BYTE_ORDER_MARK}{_INVISIBLE}{_IN_TEXT_ONLY}{_LINE_SEPARATORS}\ud800-\udfff]")
# A file name that is not UTF-8 (b"bad\xffname") reaches Python with a lone surrogate per bad byte.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def character_escape(match: re.Match[str]) -> str:
    """The matched character as an escape: ``\\x1b``, ``\\u202e``, ``\\U000e0063`` (`visible`'s,
    `app.class_list`'s)."""
    return _escape(match.group())


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with control and bidi characters, Unicode spaces other than U+0020, the byte order mark
    (U+FEFF) and the other characters drawn as nothing written as escapes ("cat\\u200b"), but for those that
    are part of the text around them (`_part_of_text`: the joiner in "👩\\u200d💻", U+FE0F in "❤\\ufe0f").

    With ``keep_newlines`` a plain ``\\n`` is left alone (multi-line messages).
    """
    text = str(text)
    if keep_newlines:
        return "\n".join(map(_visible_line, text.split("\n")))
    return _visible_line(text)


def _visible_line(text: str) -> str:
    if not _CONTEXTUAL.search(text):
        return _ESCAPED.sub(character_escape, text)
    shown, before = [], ""  # before: the character before, as kept; "" at the start or after an escape
    for at, char in enumerate(text):
        raw = not _ESCAPED.match(char) and (not _CONTEXTUAL.match(char) or _part_of_text(text, at, before))
        shown.append(char if raw else _escape(char))
        before = char if raw else ""
    return "".join(shown)


def _part_of_text(text: str, at: int, before: str) -> bool:
    """Whether ``text[at]``, an invisible character of `_IN_TEXT_ONLY`, is part of the text it stands in, after
    ``before`` (as shown raw; "" if escaped). Only where its script or an emoji gives it a use: in Latin or
    Cyrillic text, at a name's end or next to a space it is none ("ca\u200bt", "café\ufe0f", "cat\u200c" are
    "cat" and "café" with something invisible added)."""
    char, after = text[at], text[at + 1:at + 2]
    if part_of_emoji(text, at):  # the joiner of "👩\u200d💻", the tags of a subdivision flag
        return True
    if _is_tag(char):  # out of a flag, a tag is no part of anything ("cat\U000e0063")
        return False
    if char == "\u200b":  # a zero-width space: a word break inside text written without spaces (Thai, Khmer)
        return _in_blocks(before, _UNSPACED_SCRIPTS) and _in_blocks(after, _UNSPACED_SCRIPTS)
    if char in _JOINERS:  # between two letters of a script that joins or forms conjuncts (Persian, Devanagari)
        return _in_blocks(before, _JOINING_SCRIPTS) and _in_blocks(after, _JOINING_SCRIPTS)
    if char == _BRAILLE_BLANK:  # a blank cell: a space only beside the cells of Braille text
        return "\u2801" <= before <= "\u28ff" or "\u2801" <= after <= "\u28ff"
    if char == "\u034f":  # the grapheme joiner: keeps the combining marks after it in their order
        return _drawn(before) and unicodedata.category(after[:1] or " ").startswith("M")
    if "\u180b" <= char <= "\u180f":  # a Mongolian variation selector: a form of the Mongolian letter before
        return _in_blocks(before, _MONGOLIAN)
    # a variation selector: a symbol's text or emoji form ("❤\ufe0f"), an ideograph's variant; the emoji form of a
    # digit, "#" or "*" only in a keycap ("1\ufe0f\u20e3"); a letter has none
    if char in "\ufe0e\ufe0f" and before and before in "0123456789#*":
        return after == "\u20e3"
    return _emoji(before) or _in_blocks(before, _CJK_IDEOGRAPHS)


def part_of_emoji(text: str, at: int) -> bool:
    """Whether ``text[at]``, a character drawn as nothing, holds an emoji together: a zero-width joiner between two
    emoji ("👨\u200d👩\u200d👧" is a family, "👨👩👧" three people; "❤\ufe0f\u200d🔥", "👩🏽\u200d💻"), or a tag of
    a subdivision flag (the black flag, tags, a cancel tag: England's and Scotland's flags differ only in them).
    `visible` shows these raw, and `core.label_variants.label_key` keeps them."""
    char = text[at]
    if char == "\u200d":
        start = at - 1
        if start > 0 and (text[start] == "\ufe0f" or "\U0001f3fb" <= text[start] <= "\U0001f3ff"):
            start -= 1  # past the emoji form or the skin tone of the emoji before
        return start >= 0 and _emoji(text[start]) and _emoji(text[at + 1:at + 2])
    if not _is_tag(char):
        return False
    start, end = at, at
    while start > 0 and _is_tag(text[start - 1]):
        start -= 1
    while end < len(text) - 1 and text[end] != _CANCEL_TAG and _is_tag(text[end + 1]):
        end += 1
    return start > 0 and text[start - 1] == _BLACK_FLAG and text[end] == _CANCEL_TAG


_JOINERS = "\u200c\u200d\u180e"  # zero width non-joiner and joiner, Mongolian vowel separator
_BLACK_FLAG, _CANCEL_TAG = "\U0001f3f4", "\U000e007f"
# Unicode blocks, as (first, last) code points, whose letters (and marks) an invisible character may stand among:
# scripts written without spaces between words (a zero-width space marks a word break in them)...
_UNSPACED_SCRIPTS = ((0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x1950, 0x19FF),
                     (0x1A20, 0x1AAF), (0x1B00, 0x1B7F), (0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
                     (0x4E00, 0x9FFF), (0xA980, 0xA9FF), (0xAA60, 0xAADF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F),
                     (0x20000, 0x3FFFF))  # Thai, Lao, Tibetan, Myanmar, Khmer, Tai, Balinese, Javanese, kana, CJK
# ... scripts whose letters join or form conjuncts (a joiner or non-joiner chooses the form): Arabic, Syriac,
# N'Ko, the Indic scripts, Tibetan, Myanmar, Khmer, Mongolian, Balinese, Phags-pa, Javanese, Adlam, Brahmi...
_JOINING_SCRIPTS = ((0x0600, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x18AF),
                    (0x1B00, 0x1BFF), (0xA840, 0xA87F), (0xA980, 0xA9DF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
                    (0x10D00, 0x10D3F), (0x11000, 0x11FFF), (0x1E900, 0x1E95F))
_MONGOLIAN = ((0x1800, 0x18AF),)
_CJK_IDEOGRAPHS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
# emoji Unicode files as punctuation, not symbols: "‼", "⁉", "〰", "〽"
_EMOJI_PUNCTUATION = "\u203c\u2049\u3030\u303d"


def _in_blocks(char: str, blocks: tuple[tuple[int, int], ...]) -> bool:
    """Whether ``char`` (one character or "") is a letter or a mark of one of ``blocks``."""
    return bool(char) and unicodedata.category(char)[0] in "LM" and any(
        first <= ord(char) <= last for first, last in blocks)


def _emoji(char: str) -> bool:
    """Whether ``char`` (one character or "") is a symbol ("❤", "🔥", "♀", "∑"): what a variation selector gives
    an emoji or a text form, and what a zero-width joiner joins into one emoji."""
    return bool(char) and (unicodedata.category(char) in ("So", "Sm") or char in _EMOJI_PUNCTUATION)


def _is_tag(char: str) -> bool:
    return "\U000e0020" <= char <= _CANCEL_TAG


def _drawn(char: str) -> bool:
    """Whether ``char`` (one character or "") is one drawn as something: no space, no invisible character, no
    Braille cell with no dot (U+2800, a glyph of nothing, though no Default_Ignorable one)."""
    return (bool(char) and not char.isspace() and char != _BRAILLE_BLANK and not DEFAULT_IGNORABLE.match(char)
            and not _ESCAPED.match(char))


def drawn_as_nothing(name: str) -> bool:
    """Whether ``name``, not empty, shows nothing: each of its characters a space or one drawn as nothing
    (`_drawn`: "\u200b", "\u2060\u200b", a lone soft hyphen, the Hangul fillers U+3164 and U+FFA0, the Braille
    pattern blank U+2800, a lone variation selector). Made a class, it read as one with no name: a row, a key
    and a box label that look empty."""
    return bool(name) and not any(map(_drawn, name))


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


def without_isolates(text: str) -> str:
    """``text`` with the pairs of isolates `isolated` put around the names in it taken off, the names kept: what
    a record holds (a comparison's note, a run's warning) is plain text, and each display sets the names apart
    as it shows them (`names_set_apart`). A pair `isolated` could not have made (`visible_but_isolated`'s
    rule) is left: it is not one of its own."""
    return _ISOLATE_PAIR.sub(lambda pair: pair.group(1) if isolated(pair.group(1)) == pair.group() else pair.group(),
                             text)


# what ends a run of right-to-left text in a sentence: a left-to-right letter, a line or a tab, an embedding
# or an isolate of the text's own (escaped by `visible` where it is shown)
_RUN_ENDS = frozenset({"L", "B", "S", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


def names_set_apart(text: str, names: Iterable[str] = ()) -> str:
    """``text``, a sentence as a record holds it, with each of ``names`` in it set apart as `isolated` sets it
    (whole: "model NAME (v-7)", a Hebrew NAME), and each other run of right-to-left text set apart on its
    own, from its first right-to-left letter (or Arabic digit) to its last, where the display does not know
    the names. An older record's isolates are taken off first, so none is set apart twice, and the names
    they were around count as known. For a display: `visible_but_isolated` and `cli.output.error`'s
    ``names_isolated`` keep these isolates."""
    # an older record's isolates were `isolated`'s around whole names: those names are known too
    older = [pair.group(1) for pair in _ISOLATE_PAIR.finditer(text) if isolated(pair.group(1)) == pair.group()]
    plain = without_isolates(text)
    shown = sorted({visible(name) for name in [*names, *older] if isolated(name) != visible(name)}, key=len,
                   reverse=True)
    if not shown:
        return _runs_set_apart(plain)
    parts, done = [], 0
    for name in re.finditer("|".join(map(re.escape, shown)), plain):
        parts += [_runs_set_apart(plain[done:name.start()]), FIRST_STRONG_ISOLATE + name.group() +
                  POP_DIRECTIONAL_ISOLATE]
        done = name.end()
    return "".join(parts) + _runs_set_apart(plain[done:])


def _runs_set_apart(text: str) -> str:
    """``text`` with each run of right-to-left text set apart (`names_set_apart`)."""
    parts, i = [], 0
    while i < len(text):
        if unicodedata.bidirectional(text[i]) not in _RIGHT_TO_LEFT:
            parts.append(text[i])
            i += 1
            continue
        last = j = i
        while j < len(text) and (kind := unicodedata.bidirectional(text[j])) not in _RUN_ENDS:
            if kind in _RIGHT_TO_LEFT or kind == "NSM":  # a Hebrew point after the last letter is the letter's
                last = j
            j += 1
        parts.append(FIRST_STRONG_ISOLATE + text[i:last + 1] + POP_DIRECTIONAL_ISOLATE)
        i = last + 1
    return "".join(parts)


def json_safe(text: str) -> str:
    """JSON text with the characters JSON leaves raw (C1, bidi, DEL, U+2028 and U+2029, which line readers
    split at) and those drawn as nothing (U+200B, U+FEFF, ...: `visible`'s, wherever they stand) as
    ``\\uXXXX`` escapes.

    Lone surrogates are escaped too: a file name that is not UTF-8 (``bad\\xffname.jpg``)
    reaches Python as ``\\udcff``, which written raw made the line invalid UTF-8 that strict
    JSON readers refuse. The result decodes to the same value: only the representation changes.
    """
    return _JSON_UNSAFE.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    """A character as JSON escapes it: ``\\u200b``; one beyond U+FFFF as its two surrogates (JSON's rule)."""
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


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
