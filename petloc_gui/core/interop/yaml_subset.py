"""The part of YAML a ``data.yaml``'s class names are written in, read as a YAML library reads it: plain,
single-quoted and double-quoted scalars (escapes included), a comment after any of them, and flow lists
(``[a, 'b']``) and mappings (``{0: a}``). petloc reads no more of YAML (no library: the project has none);
what it does not read is refused with the file and the line named, never read as something else: a
null (``~``, ``null``, nothing), an anchor, alias or tag (``&a cat``, ``*a``, ``!!str``), a block scalar
(``>-``, ``|``), a mapping or list where a name belongs (``- cat: tabby``). A quoted ``"null"`` or
``'~'`` is that text, as in YAML.
"""

from __future__ import annotations

import re
from pathlib import Path

from petloc_gui.core.errors import DatasetError

# The plain scalars YAML reads as null: never a class name (written quoted, they are text)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# A comment: "#" at the start or after a space or tab ("cat#1" is a name)
_COMMENT = re.compile(r"(?:^|[ \t])#")
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
            "P": "\u2029"}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_INDICATORS = {"&": "an anchor", "*": "an alias", "!": "a tag", "|": "a block scalar", ">": "a block scalar",
               "%": "a directive", "@": "a reserved character", "`": "a reserved character"}


def refused(line: int, what: str, path: Path) -> DatasetError:
    """The error for what petloc does not read at ``line`` (1 for the first) of ``path``."""
    return DatasetError(f"line {line}: {what}", path)


def without_comment(text: str) -> str:
    """``text`` (no quotes in it) up to a comment, spaces around it stripped."""
    found = _COMMENT.search(text)
    return (text[:found.start()] if found else text).strip(" \t")


def read_scalar(text: str, path: Path, line: int) -> str:
    """The text of the scalar ``text`` holds (a list item, a mapping's value), as YAML reads it: quotes
    removed and escapes read, a comment after it left out. Raises DatasetError, naming ``path`` and ``line``,
    for a null, a collection, or a part of YAML petloc does not read (the module's)."""
    text = text.strip(" \t")
    if text and text[0] in "\"'":
        value, end = quoted(text, 0, path, line)
        rest = text[end:]
        after = rest.lstrip(" \t")
        if after and not after.startswith("#"):  # (a comment, as YAML tools read one right after the quote)
            raise refused(line, f"text after the quoted name {text[:end]}: {after[:40]!r}", path)
        if not value:
            raise refused(line, "a class name is empty: give each class a name", path)
        return value
    plain = without_comment(text)
    if plain in _NULLS:
        if not plain:
            raise refused(line, "a class name is empty (YAML's null): give each class a name", path)
        raise refused(line, f"{plain} is YAML's null, no class name: quote it ('{plain}') if it is the class's "
                            "name", path)
    if plain[0] in _INDICATORS:
        raise refused(line, f"{plain[:40]!r} is {_INDICATORS[plain[0]]}, which petloc does not read: "
                            "write each class name out, quoted where it starts so", path)
    if plain[0] in "[{" or plain == "-" or plain.startswith(("- ", "-\t", "? ")):
        raise refused(line, f"{plain[:40]!r} is a list or mapping, not a class name", path)
    if plain.endswith(":") or re.search(r":[ \t]", plain):
        raise refused(line, f"{plain[:40]!r} is a mapping, not a class name (a name holding \": \" is written "
                            "quoted)", path)
    return plain


def quoted(text: str, start: int, path: Path, line: int) -> tuple[str, int]:
    """The quoted scalar starting at ``text[start]`` (a quote) read, and the index just past its closing quote.
    Single-quoted: ``''`` is a quote. Double-quoted: YAML's escapes (``\\"``, ``\\\\``, ``\\t``, ``\\u00e9``,
    ``\\U0001f431``, ...); a pair of ``\\u`` surrogates is one character, as JSON writes it."""
    mark = text[start]
    chars, at = [], start + 1
    while at < len(text):
        char = text[at]
        if char == mark and mark == "'" and text[at + 1:at + 2] == "'":
            chars.append("'")
            at += 2
        elif char == mark:
            return _joined_surrogates("".join(chars), path, line), at + 1
        elif char == "\n":
            break
        elif char == "\\" and mark == '"':
            escaped, at = _escape(text, at + 1, path, line)
            chars.append(escaped)
        else:
            chars.append(char)
            at += 1
    raise refused(line, f"the quoted name {text[start:start + 40]!r} has no closing {mark} on its line", path)


def _escape(text: str, at: int, path: Path, line: int) -> tuple[str, int]:
    """The character the escape after a backslash at ``text[at]`` stands for, and the index past it."""
    code = text[at:at + 1]
    if code in _ESCAPES:
        return _ESCAPES[code], at + 1
    digits = _HEX_DIGITS.get(code, 0)
    hex_text = text[at + 1:at + 1 + digits]
    if digits and len(hex_text) == digits and all(c in "0123456789abcdefABCDEF" for c in hex_text):
        value = int(hex_text, 16)
        if value <= 0x10FFFF:
            return chr(value), at + 1 + digits
    raise refused(line, f"\\{text[at:at + 1 + digits]} in a quoted name is no YAML escape", path)


def _joined_surrogates(text: str, path: Path, line: int) -> str:
    """``text`` with each pair of surrogates (``\\ud83d\\udc31``, as JSON escapes a character past U+FFFF) the
    character they encode; a lone one is refused: no character."""
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    try:
        return text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        raise refused(line, "a quoted name holds a lone surrogate escape (\\ud800-\\udfff), no character",
                      path) from None


def flow_items(text: str, path: Path, line: int) -> tuple[list[str], str]:
    """The items of the flow list or mapping ``text`` starts with (``[a, 'b, c']``; it may go on over lines,
    ``\\n`` between them), each as written (quotes kept, for `read_scalar`), comments left out, and what
    follows its closing bracket. A trailing comma ends it as in YAML (``[a, b, ]``); an empty item elsewhere,
    a nested list or mapping, or no closing bracket is refused (``line``: where it starts)."""
    closing = "]" if text[0] == "[" else "}"
    items, current, at = [], "", 1
    while at < len(text):
        char = text[at]
        if char in "\"'":
            _, end = quoted(text, at, path, line)
            current, at = current + text[at:end], end
            continue
        if char == "#" and text[at - 1] in " \t\n":
            at = text.find("\n", at) if "\n" in text[at:] else len(text)
            continue
        if char in "[{":
            raise refused(line, f"`names:` holds a nested list or mapping ({text[:40].strip()!r})", path)
        if char in ",]}":
            if char != "," and char != closing:
                raise refused(line, f"`names:` opens with {text[0]} and closes with {char}", path)
            if current.strip() or char == ",":
                items.append(current)
            if char == closing:
                return _checked(items, path, line), text[at + 1:]
            current = ""
        else:
            current += char
        at += 1
    raise DatasetError("unterminated `names:` list", path)  # (no line: the list is all the file after it)


def _checked(items: list[str], path: Path, line: int) -> list[str]:
    """``items`` with multi-line plain ones folded as YAML folds them (a line break is a space); an empty item
    refused ("[a, , b]" is no list in YAML)."""
    folded = [" ".join(part.strip(" \t") for part in item.strip().split("\n")) for item in items]
    if any(not item for item in folded):
        raise refused(line, "the `names:` list has an empty item (two commas in a row?)", path)
    return folded
