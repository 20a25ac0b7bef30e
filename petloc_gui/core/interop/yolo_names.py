"""YOLO class names: ``classes.txt`` / ``obj.names`` (one per line) and ``data.yaml``.

The class id of a label line is its index in this list. ``data.yaml`` is
written and read without a YAML library (the project has none): only the ``names`` key matters, in
the three forms YOLO tools write (``names: [a, b]``, a ``- a`` block list,
or an ``0: a`` mapping), each name read as YAML reads it (`yaml_subset`: quotes, escapes, comments; what
petloc does not read refused with its line). A name listed under two ids is refused: the boxes
of both would silently become one class; so is an id listed twice (YAML tools keep the last name, and
every box of the id became that class). A pose dataset's ``kpt_shape``
(``[keypoints, 2 or 3]``) is read too: it says how long its lines are.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop.yaml_subset import flow_items, read_scalar, refused, without_comment
from petloc_gui.core.list_lines import editor_lines
from petloc_gui.core.regular_file import read_regular_head
from petloc_gui.core.text import character_escape

NAME_FILES = ("classes.txt", "obj.names")
YAML_FILES = ("data.yaml", "dataset.yaml", "data.yml")
_MAX_BYTES = 4 * 1024 * 1024
# data.yaml's first words as petloc writes it: how an export tells an earlier export's from a user's own
# (`unfinished.written_by_petloc`)
PETLOC_HEADER = "# Written by petloc."
# a byte that is not UTF-8, as `_decoded` reads it (Python's surrogateescape)
_UNDECODED = re.compile("[\udc80-\udcff]")


# What YAML forbids raw in a file (outside its c-printable set: DEL, C0/C1 controls, surrogates, U+FFFE/FFFF)
# and U+0085/U+2028/U+2029, which a YAML 1.1 reader (PyYAML, Ultralytics) folds as line breaks in quotes.
# JSON escapes only U+0000-U+001F: PyYAML refused a whole data.yaml over one "Kid\x92s toy", and
# Ultralytics' yaml_load deleted the character, renaming the class.
_NOT_RAW_IN_YAML = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def quote(name: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), each character YAML does not take raw
    written as a YAML escape (``\\x92``, ``\\u2028``), which YAML readers and `yaml_subset` read back."""
    return _NOT_RAW_IN_YAML.sub(character_escape, json.dumps(name, ensure_ascii=False))


def data_yaml(names: list[str]) -> str:
    lines = [
        f"{PETLOC_HEADER} Boxes are normalised to the image as a person sees it",
        "# (EXIF orientation applied), as Ultralytics reads images.",
        "# val is the same folder as train: replace it with images the model never",
        "# trains on before you report any figure.",
        "train: images",
        "val: images",
        f"nc: {len(names)}",
        "names:",
    ]
    lines += [f"  {index}: {quote(name)}" for index, name in enumerate(names)]
    return "\n".join(lines) + "\n"


class FolderYaml:
    """A folder's data.yaml (the first of `YAML_FILES` there), read at most once: the class names
    and a pose dataset's ``kpt_shape`` both come from it."""

    def __init__(self, folder: Path) -> None:
        self.path = next((folder / name for name in YAML_FILES if (folder / name).is_file()), None)
        self._text: str | None = None

    def text(self) -> str:
        """Its text (raises DatasetError when it cannot be read; only call when `path` is not None)."""
        assert self.path is not None
        if self._text is None:
            self._text = _read(self.path)
        return self._text


def find_class_names(folder: Path, yaml: FolderYaml | None = None) -> tuple[list[str], Path]:
    """The class names of a YOLO folder and the file they came from (``yaml``: its data.yaml, when
    the caller reads it for more).

    Raises DatasetError when there are none, or when one name is listed twice:
    the boxes of both ids would silently become one class.
    """
    names, path = _class_names(folder, yaml if yaml is not None else FolderYaml(folder))
    ids_of: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        ids_of.setdefault(name, []).append(index)
    twice = [(name, ids) for name, ids in ids_of.items() if len(ids) > 1]
    if twice:
        listed = "; ".join(f"{name!r} has ids {', '.join(map(str, ids))}" for name, ids in twice[:3])
        more = f" (and {len(twice) - 3} more)" if len(twice) > 3 else ""
        raise DatasetError(f"a class name is listed more than once: {listed}{more}. Their boxes would "
                           "become one class; give each id its own name", path)
    return names, path


def _class_names(folder: Path, yaml: FolderYaml) -> tuple[list[str], Path]:
    for base in (folder, folder / "labels"):
        for name in NAME_FILES:
            path = base / name
            if path.is_file():
                # Only \n, \r\n and \r (old Mac files) end a name, as text readers do;
                # str.splitlines() would also split on U+2028, U+0085, \f and others. A byte-order mark
                # starting a line (two Notepad files joined) is dropped there: strip() keeps U+FEFF.
                text = _read(path)
                _refuse_undecoded(text, path)  # every line is a name
                names = [line.strip() for line in editor_lines(text)]
                while names and not names[-1]:
                    names.pop()  # a trailing empty line is not a class
                if not names or any(not name for name in names):
                    raise DatasetError("empty class name (one name per line, none blank)", path)
                return names, path
    if yaml.path is not None:
        return parse_yaml_names(yaml.text(), yaml.path), yaml.path
    raise DatasetError("no classes.txt, obj.names or data.yaml with the class names "
                       "found (a YOLO class id is an index into that list)", folder)


def find_keypoint_shape(folder: Path, yaml: FolderYaml | None = None) -> tuple[tuple[int, int], Path] | None:
    """``kpt_shape`` of the folder's data.yaml (a pose dataset), (keypoints, values per keypoint),
    and that file; None when it has none (``yaml``: that data.yaml, when the caller has it).

    Ultralytics reads a pose label line as ``class cx cy w h`` and that many
    keypoints, never as a polygon. Raises DatasetError when it is there but
    not ``[k, 2]`` or ``[k, 3]``.
    """
    yaml = yaml if yaml is not None else FolderYaml(folder)
    if yaml.path is None:
        return None
    shape = parse_yaml_keypoint_shape(yaml.text(), yaml.path)
    return (shape, yaml.path) if shape is not None else None


def parse_yaml_keypoint_shape(text: str, path: Path) -> tuple[int, int] | None:
    lines = editor_lines(text)
    for index, line in enumerate(lines):
        match = re.match(r"^kpt_shape\s*:\s*(.*)$", line)
        if not match:
            continue
        _refuse_undecoded_in_key(lines, index, path)
        raw = match.group(1).strip(" \t")
        if raw.startswith("["):
            values = [read_scalar(item, path, index + 1)
                      for item in flow_items("\n".join([raw, *lines[index + 1:]]), path, index + 1)[0]]
        elif without_comment(raw):
            values = []
        else:
            values = []
            for number, item in enumerate(lines[index + 1:], index + 2):
                if not item.strip(" \t").startswith("- "):
                    break
                values.append(read_scalar(item.strip(" \t")[2:], path, number))
        try:
            keypoints, per_point = (int(value) for value in values)
        except ValueError:
            keypoints = per_point = 0
        if keypoints < 1 or per_point not in (2, 3):
            raise DatasetError(f"`kpt_shape:` must be [keypoints, 2 or 3] (Ultralytics' pose datasets), "
                               f"got {line.split(':', 1)[1].strip()[:60]!r}", path)
        return keypoints, per_point
    return None


def _read(path: Path) -> str:
    try:
        data = read_regular_head(path, _MAX_BYTES + 1)  # not the whole file (a 300 MB data.yaml: 345 MB), no FIFO wait
    except OSError as exc:
        raise DatasetError(f"cannot read: {exc.strerror or exc}", path) from exc
    if len(data) > _MAX_BYTES:
        raise DatasetError("file is too large to be a list of class names", path)
    return _decoded(data, path)


def _decoded(data: bytes, path: Path) -> str:
    """The text of a class-name file: UTF-8 (a byte-order mark skipped) or UTF-16 with its mark (Notepad's
    "Unicode", PowerShell's ``>``). A byte that is not UTF-8 is kept as a lone surrogate (surrogateescape),
    for the reader to refuse naming its line where it reads it (every line of classes.txt, data.yaml's ``names:``
    and ``kpt_shape:`` outside comments), as the folder's predefined_classes.txt is refused (`app.class_list`):
    read with U+FFFD in place of the bytes, labelImg's cp1252 ``chat_\xe9t\xe9`` became the class
    "chat_\ufffdt\ufffd" in every converted file, "0 problems". NUL bytes, or UTF-16 that is not, raise DatasetError.
    UTF-32 is refused in its own name: its mark (FF FE 00 00) starts with UTF-16's, and it was said to be UTF-16
    with NUL bytes."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise DatasetError("is UTF-32 text, which petloc does not read: save it as UTF-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd byte, half a surrogate pair
            line = len(editor_lines(data[:exc.start].decode("utf-16", errors="replace")))
            raise DatasetError(f"is not UTF-16 text (line {line}): save it as UTF-8", path) from None
        _refuse_nul(text, "UTF-16", ": a NUL character", path)
        return text
    # Each byte that is not UTF-8 kept as a lone surrogate (U+DC80-U+DCFF), its line counted as an editor counts
    # it: a byte-order mark dropped here, not by "utf-8-sig", whose error's start left the mark's 3 bytes out.
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    # The NULs first: UTF-16 without its mark reads as UTF-8 with a NUL after each letter, and an "é" there
    # (E9 00) is not UTF-8 either; said as such, the mark that would read it went unsaid.
    _refuse_nul(text, "UTF-8", ": NUL bytes, as UTF-16 without its byte-order mark has", path)
    return text


def _refuse_undecoded(text: str, path: Path) -> None:
    """Raises DatasetError naming the first line of ``text`` (as `_decoded` reads it) with a byte that is not UTF-8."""
    found = _UNDECODED.search(text)
    if found:
        raise _not_utf8(len(editor_lines(text[:found.start()])), path)


def _not_utf8(line: int, path: Path) -> DatasetError:
    return DatasetError(f"is not UTF-8 text (line {line}): save it as UTF-8", path)


def _refuse_undecoded_in_key(lines: list[str], index: int, path: Path) -> None:
    """Raises DatasetError naming the first line of the data.yaml key at ``lines[index]`` and its value (to the next
    top-level key; a flow list to its closing bracket, over lines of any indent) with a byte that is not UTF-8
    outside a comment. Only what petloc reads is refused so: a cp1252 comment (``# Jeu de donn\xe9es``) or another
    key's value refused the whole file, which Ultralytics reads (with errors="ignore") and petloc read before."""
    if not any(_UNDECODED.search(line) for line in lines[index:]):
        return  # (each line scanned only when there is one to find)
    depth = 0
    for number, line in enumerate(lines[index:], index + 1):
        if number > index + 1 and depth <= 0 and line[:1] not in ("", "-", "#") and not line[:1].isspace():
            return  # the next key (as `_block` ends the list)
        read, unquoted = _uncommented(line)
        if _UNDECODED.search(read):
            raise _not_utf8(number, path)
        depth += sum(unquoted.count(bracket) for bracket in "[{") - sum(unquoted.count(bracket) for bracket in "]}")


def _uncommented(line: str) -> tuple[str, str]:
    """``line`` up to its comment (a ``#`` first, after a space or tab, or right after a closing quote, as
    `yaml_subset` reads one), and its characters outside quotes. A quote opens a scalar only where one starts
    (first, or after ``-``, ``:``, ``[``, ``{``, ``,``): the one of ``cat's toy`` opens none."""
    outside: list[str] = []
    quote, closed_at, at, previous = "", -1, 0, ""  # previous: the last character before ``at`` not a space or tab
    while at < len(line):
        char = line[at]
        if quote:
            if (char == "\\" and quote == '"') or (char == quote == "'" and line[at + 1:at + 2] == "'"):
                at += 1  # an escape, or '' in single quotes: not the closing quote
            elif char == quote:
                quote, closed_at = "", at
        elif char == "#" and (at == 0 or line[at - 1] in " \t" or closed_at == at - 1):
            return line[:at], "".join(outside)
        elif char in "\"'" and previous in ("", "-", ":", "[", "{", ","):
            quote = char
        else:
            outside.append(char)
        previous = previous if char in " \t" else char
        at += 1
    return line, "".join(outside)


def _refuse_nul(text: str, encoding: str, why: str, path: Path) -> None:
    if "\0" in text:
        line = len(editor_lines(text[:text.index("\0")]))
        raise DatasetError(f"is not {encoding} text (line {line}{why}): save it as UTF-8", path)


_NAMES_KEY = re.compile(r"^names\s*:(.*)$")


def parse_yaml_names(text: str, path: Path) -> list[str]:
    """The ``names`` of a data.yaml (list or id mapping). Raises DatasetError naming the line of what it
    does not read, or of a second ``names:`` (YAML tools read the last, petloc read the first)."""
    lines = editor_lines(text)
    keys = [(index, found.group(1).strip(" \t")) for index, line in enumerate(lines)
            if (found := _NAMES_KEY.match(line))]
    if len(keys) > 1:
        raise refused(keys[1][0] + 1, f"a second `names:` (the first is on line {keys[0][0] + 1}): keep one", path)
    if keys:
        _refuse_undecoded_in_key(lines, keys[0][0], path)
    for index, raw in keys:
        number = index + 1
        if raw.startswith(("[", "{")):
            return _flow("\n".join([raw, *lines[index + 1:]]), path, number)
        if raw[:1] in ("&", "*", "!", "|", ">"):
            read_scalar(raw, path, number)  # refused, in its words (an anchor, an alias, a tag...)
        if without_comment(raw):
            break  # a scalar: not a list of names
        return _block(lines, index + 1, path)
    raise DatasetError("no `names:` list of class names found", path)


def _flow(text: str, path: Path, number: int) -> list[str]:
    """The names of a flow list or mapping, ``text`` from its opening bracket to the end of the file."""
    items, after = flow_items(text, path, number)
    rest = after.split("\n", 1)[0]
    if rest.strip(" \t") and not rest.strip(" \t").startswith("#"):  # a comment or nothing
        raise refused(number, f"text after the `names:` list: {rest.strip()[:40]!r}", path)
    if text.startswith("["):
        return [read_scalar(item, path, number) for item in items]
    pairs = []
    for item in items:
        if ":" not in item:
            raise refused(number, f"{item.strip()[:40]!r} in `names:` is no `id: name` pair", path)
        key, value = item.split(":", 1)
        pairs.append((key, value, number))
    return _ordered(pairs, path)


def _block(lines: list[str], start: int, path: Path) -> list[str]:
    """The names of a block list (``- cat``) or id mapping (``0: cat``) from ``lines[start]`` on."""
    listed: list[str] = []
    mapped: list[tuple[str, str, int]] = []
    for number, line in enumerate(lines[start:], start + 1):
        item = line.strip(" \t")
        if not item or item.startswith("#"):
            continue
        if not line[:1].isspace() and not line.startswith("-"):
            break  # the next top-level key
        if item == "-" or item.startswith(("- ", "-\t")):
            listed.append(read_scalar(item[1:], path, number))
        elif ":" in item:
            key, value = item.split(":", 1)
            mapped.append((key, value, number))
        else:
            raise refused(number, f"cannot read the `names:` entry {item[:40]!r}", path)
    if listed and not mapped:
        return listed
    if mapped and not listed:
        return _ordered(mapped, path)
    raise DatasetError("`names:` is neither a list nor an id: name mapping", path)


def _ordered(pairs: list[tuple[str, str, int]], path: Path) -> list[str]:
    """The names of ``(id, name, line)`` pairs in id order. An id listed twice is refused, as a name under two
    ids is (`find_class_names`): YAML tools keep its last name, and every box of it became that class."""
    by_id: dict[int, tuple[str, int]] = {}
    for key, value, number in pairs:
        try:
            index = int(key.strip(" \t").strip("'\""))
        except ValueError:
            raise refused(number, f"`names:` keys must be class ids 0, 1, 2, ... (not {key.strip()[:40]!r})",
                          path) from None
        name = read_scalar(value, path, number)
        if index in by_id:
            first, first_line = by_id[index]
            raise refused(number, f"class id {index} is listed more than once: {first!r} on line {first_line}, "
                                  f"{name!r} on line {number}. Its boxes would all become {name!r}; give each "
                                  "name its own id", path)
        by_id[index] = (name, number)
    if sorted(by_id) != list(range(len(by_id))):
        raise DatasetError(f"`names:` ids must be 0 to {len(by_id) - 1} without gaps", path)
    return [by_id[index][0] for index in range(len(by_id))]
