"""The folder's class list: labelImg's predefined classes file, and which boxes use a label (no Qt).

The list offered for labelling is the folder's ``predefined_classes.txt``
(labelImg's format: one class per line; petloc writes it atomically), then the
model's classes, then labels found on boxes in the folder. Two writers (two
windows on one folder, labelImg, a text editor) share the file: petloc changes it
by reading it again under a lock and applying only its own change
(`change_classes`), so neither loses the other's classes. A label that was
only typed once is no longer a class "forever": renaming relabels its boxes,
and a label no box uses can be deleted. The file's lines petloc does not offer
(a class no annotation can store, one drawn as nothing, those past `MAX_CLASSES`) are said once and
written back as they were by each change (`ClassNames`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import SaveError
from petloc_gui.core.file_lock import exclusive_lock
from petloc_gui.core.list_lines import editor_lines
from petloc_gui.core.regular_file import FileTooLargeError, NotRegularFileError, read_regular_file
from petloc_gui.core.text import character_escape, drawn_as_nothing, tidy_name, visible
from petloc_gui.core.voc_edit import NOT_XML

if TYPE_CHECKING:
    from petloc_gui.app.annotation_store import AnnotationStore

CLASSES_FILE = "predefined_classes.txt"
# held by petloc's writers of the file, beside it (hidden: labelImg lists the folder's files)
LOCK_FILE = f".{CLASSES_FILE}.lock"


def classes_path(folder: Path | str) -> Path:
    return Path(folder) / CLASSES_FILE


# The classes a file offers at most, the first in it: one of 100,000 lines took `petloc stats` and the window
# minutes. LVIS's 1,203 and ImageNet's 1,000 classes fit; at 5,000 an Add or a rename in Edit → Classes takes
# 0.6 s (10,000: 2 to 4 s, its scans of the list being quadratic).
MAX_CLASSES = 5_000
# The most a predefined classes file is read (`classes_on_disk`): 5,000 classes of 300 characters are 1.5 MB.
# Read with no cap, a 1 GB sparse file took a minute and 7.8 GB of memory as the folder opened, and a link to
# /dev/zero grew until memory ran out.
MAX_CLASS_FILE_BYTES = 64 << 20


# A class holding a character XML 1.0 cannot hold (`core.voc_edit.NOT_XML`: control characters, lone
# surrogates, U+FFFE and U+FFFF; "do\x00g") was offered, key 1 labelled a box with it, and Ctrl+S failed
# ("cannot write annotation: All strings must be XML compatible"), naming neither.
UNSTORABLE = "a control character, U+FFFE or U+FFFF"
# A class of nothing but characters drawn as nothing ("\u200b", a soft hyphen, the Hangul filler U+3164:
# `core.text.drawn_as_nothing`) was offered as a row, a key and a box label that all looked empty; an empty
# line offers none, and such a class is no more a name to see.
DRAWN_AS_NOTHING = "only characters drawn as nothing"


class ClassNames(list[str]):
    """The classes a predefined classes file offers, in file order (`classes_on_disk`), with the lines it does
    not offer, as written, which a change of the list writes back (`change_classes`): ``unoffered``, each a
    class no annotation can store (``unstorable``) or one drawn as nothing (`DRAWN_AS_NOTHING`), with the
    offered class before it (None: none), in file order; ``rest``, the lines after the first `MAX_CLASSES`
    classes. ``notes``: what the window says of them, once."""

    def __init__(self, names: list[str], rest: list[str], notes: list[str],
                 unoffered: list[tuple[str | None, str]] | None = None) -> None:
        super().__init__(names)
        self.rest = tuple(rest)
        self.notes = tuple(notes)
        self.unoffered = tuple(unoffered or ())

    @property
    def unstorable(self) -> tuple[tuple[str | None, str], ...]:
        """Those of ``unoffered`` that hold a character no annotation can store (`NOT_XML`)."""
        return tuple(entry for entry in self.unoffered if NOT_XML.search(entry[1]))


class ClassFileUnreadError(SaveError):
    """The predefined classes file is there but cannot be read (``why``: "is not UTF-8 text (byte 3)"), so
    nothing replaces it: its classes would be lost."""

    def __init__(self, why: str, remedy: str, path: Path) -> None:
        super().__init__(f"it {why}, so it is not replaced (its classes are in it); {remedy} and try again", path)
        self.why = why
        self.remedy = remedy

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.why, self.remedy, self.path))


def read_classes(folder: Path | str) -> ClassNames:
    """The folder's predefined classes, in file order ([] without a file). [] when unreadable, with a note
    saying why (`ClassNames.notes`, said by the window once): a named pipe or a file too large offered no
    class, with no word said."""
    try:
        return classes_on_disk(folder)
    except ClassFileUnreadError as exc:
        return ClassNames([], [], [f"{CLASSES_FILE} {exc.why}: none of its classes are offered, and it is not "
                                   "changed"])


def classes_on_disk(folder: Path | str) -> ClassNames:
    """The folder's predefined classes as the file holds them now ([] without a file), its first `MAX_CLASSES`
    (the lines after them kept in ``rest``, said in ``notes``). Raises `SaveError` when it is there but cannot
    be read (`ClassFileUnreadError`): replaced, its classes would be lost. One that is no regular file (a named
    pipe, never waited on) or larger than `MAX_CLASS_FILE_BYTES` is not read."""
    path = classes_path(folder)
    try:
        data = read_regular_file(path, MAX_CLASS_FILE_BYTES)
    except FileNotFoundError:
        return ClassNames([], [], [])
    except NotRegularFileError as exc:
        raise ClassFileUnreadError(f"is {exc}", "put a text file of one class a line in its place", path) from exc
    except FileTooLargeError as exc:
        raise ClassFileUnreadError(f"is {exc}", "leave one class a line in it", path) from exc
    except OSError as exc:
        raise ClassFileUnreadError(f"cannot be read ({exc.strerror or exc})", "make it readable", path) from exc
    try:
        # utf-8-sig: Notepad's "UTF-8 with BOM" starts the file with U+FEFF, which read as "utf-8" made the
        # first class "\ufeffcat": drawn as "cat", number key 1 gave boxes that label, trained as another class
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ClassFileUnreadError(f"is not UTF-8 text (byte {exc.start})", "save it as UTF-8", path) from exc
    # its lines as an editor numbers them ("the class on line 2"), and the lists' rule (`editor_lines`): a mark
    # starting a later line (two Notepad files joined) is dropped there too
    return _classes_of(editor_lines(text))


def _classes_of(lines: list[str]) -> ClassNames:
    """The classes of a file's ``lines``: each line's words, spaced by one space; repeats once, where first
    written; a class no annotation can store skipped (`ClassNames.unstorable`). A dict, not a list's ``in``:
    10,000 lines took 1.4 s, 40,000 lines 15 s, read at each opening of a folder (on the window's thread) and
    twice per change of the list."""
    names: dict[str, None] = {}
    unoffered: list[tuple[str | None, str]] = []  # each line not offered, after the class before it
    # each "line N, NAME," of a class no annotation can store, and of one drawn as nothing
    unstorable: list[str] = []
    blank: list[str] = []
    rest: list[str] = []
    notes: list[str] = []
    for number, line in enumerate(lines):
        name = tidy_name(line)
        if not name or name in names:
            continue
        holds_unstorable = NOT_XML.search(name) is not None
        if holds_unstorable or drawn_as_nothing(name):
            (unstorable if holds_unstorable else blank).append(f"line {number + 1}, {shown_class(name)},")
            unoffered.append((next(reversed(names)) if names else None, line))
            continue
        if len(names) == MAX_CLASSES:
            rest = [kept for kept in lines[number:] if kept.strip()]
            beyond = len({tidy_name(kept) for kept in rest} - names.keys())
            notes.append(f"{CLASSES_FILE} lists {MAX_CLASSES + beyond:,} classes: only its first {MAX_CLASSES:,} "
                         f"are offered (Label box, number keys, Edit → Classes), the other {beyond:,} stay in the "
                         "file, unused")
            break
        names[name] = None
    # before the note of the lines past the cap, the unstorable note first: `cli.class_file_notes` sets apart
    # the name of the first note
    head = []
    if unstorable:
        head.append(_unoffered_note(unstorable, f"a character no annotation can store ({UNSTORABLE})",
                                    "so no box could be saved with it", "so no box could be saved with them"))
    if blank:
        head.append(_unoffered_note(blank, DRAWN_AS_NOTHING, "so it would look like a class with no name",
                                    "so each would look like a class with no name"))
    notes[:0] = head
    return ClassNames(list(names), rest, notes, unoffered)


def _unoffered_note(lines: list[str], holds: str, so_one: str, so_many: str) -> str:
    """What is said of the file's classes left unoffered for one reason: ``lines``, each "line N, NAME,", hold
    ``holds``, ``so_one`` (said of one class) or ``so_many`` (of more) being why that keeps them from the list."""
    if len(lines) == 1:
        return (f"{CLASSES_FILE}: the class on {lines[0]} is not offered: it holds {holds}, {so_one}; its line stays "
                "in the file")
    return (f"{CLASSES_FILE}: the class on {lines[0]} and {len(lines) - 1:,} more are not offered: they hold {holds}, "
            f"{so_many}; their lines stay in the file")


def shown_class(name: str) -> str:
    """``name`` as said, the characters no annotation can store written as escapes ("do\\x00g"), and those drawn
    as nothing (`core.text.visible`: "\\u200b")."""
    return visible(NOT_XML.sub(character_escape, name))


def blank_note(name: str) -> str:
    """Why ``name``, typed as a class (Edit → Classes… Add and Rename), is not made one when it holds
    `DRAWN_AS_NOTHING` ("\\u200b": the rule a class of the file is left unoffered by); empty otherwise. An
    empty name is refused so ("A class needs a name."), and this one looks empty."""
    if not drawn_as_nothing(name):
        return ""
    return (f"A class needs a name that shows: {shown_class(name)} holds {DRAWN_AS_NOTHING}, so it would look like "
            "a class with no name; nothing changed.")


def write_classes(folder: Path | str, names: list[str]) -> None:
    """Replace the folder's predefined classes file (atomic; raises SaveError). A blind replace: a change
    made while the file is shared goes through `change_classes`. Written without a BOM, whatever the file
    had: labelImg reads it as plain "utf8", so a BOM kept would make its first class "\ufeffcat" there."""
    atomic_write_bytes(classes_path(folder), "".join(f"{n}\n" for n in names).encode("utf-8"))


def _file_lines(names: list[str], read: ClassNames) -> list[str]:
    """The lines a change writes: ``names``, with the lines of the file ``read`` it did not offer as they were:
    each class not offered (unstorable, drawn as nothing) after the class it followed (at the end when that one
    is gone), then the lines past `MAX_CLASSES`. Written back without them, a change of the list would have
    taken them out of the file."""
    after: dict[str | None, list[str]] = {}
    for before, line in read.unoffered:
        after.setdefault(before, []).append(line)
    lines = after.pop(None, [])
    for name in names:
        lines.append(name)
        lines += after.pop(name, [])
    return [*lines, *(line for left in after.values() for line in left), *read.rest]


def change_classes(folder: Path | str, change: Callable[[list[str]], list[str]]) -> tuple[list[str], list[str]]:
    """Apply ``change`` (the file's classes -> the classes it is to hold) to the file as it is on disk now:
    read again and written (atomic, only when it changes) under the writers' lock, so a class another
    window, labelImg or an editor wrote since this window read the file is kept. Returns (the classes
    read, the classes the file holds now: with the lines it does not offer, and their `ClassNames.notes`,
    which the window says if it has not). Raises `SaveError` (unreadable file, lock, write): nothing
    changed then."""
    path = classes_path(folder)
    read = classes_on_disk(folder)
    if change(list(read)) == read:  # nothing to write: no lock (a read-only folder cannot hold its file)
        return read, read
    with exclusive_lock(path.with_name(LOCK_FILE)):
        read = classes_on_disk(folder)
        names = list(dict.fromkeys(change(list(read))))
        if names != read:
            write_classes(folder, _file_lines(names, read))
    return read, ClassNames(names, list(read.rest), list(read.notes), list(read.unoffered))


def merged_names(predefined: list[str], model: list[str] | tuple[str, ...], found: set[str],
                 places: dict[str, int] | None = None) -> list[str]:
    """Predefined classes, then the model's, then labels found on boxes (sorted); no repeats. ``places``: the
    model's classes (not in the file) to list at those indices instead, where they were when this window first
    wrote the file (`FolderClasses.keep_places`): written after them, the folder's classes took their keys."""
    names = dict.fromkeys(predefined)  # (a list's ``in`` made each refresh quadratic in the file's classes)
    names.update(dict.fromkeys(model))
    names.update(dict.fromkeys(sorted(found - names.keys())))
    if not places:
        return list(names)
    placed = sorted((index, name) for name, index in places.items() if name in names and name in model
                    and name not in predefined)
    moved = {name for _index, name in placed}
    listed = [name for name in names if name not in moved]
    for index, name in placed:
        listed.insert(index, name)
    return listed


def rows_using(store: AnnotationStore, label: str) -> dict[int, list[int]]:
    """Image index -> indices of the objects named ``label``, over the whole folder.

    Documents already open are asked directly (their edits count); the other
    annotation files are read when their text may hold the label: the text as
    the XML parser reads it (`_parsed_text`), or, where Python cannot be sure of
    that (an encoding other than UTF-8 and the single-byte ones, a CDATA
    section), the labels the safe VOC reader reads.

    Every image's file is looked for on disk, not only those the folder's last look
    found (``has_annotation``): one another program (labelImg) has just written is
    there before the folder's follower sees it, and a rename passing it over left its
    boxes with the old name, unsaid. An image without a file costs one failed open
    (`_may_use`): 20,000 of them took 0.2 s on a busy 2-core machine (0.02 s before).
    """
    out: dict[int, list[int]] = {}
    needle = _needle(label)
    for row, item in enumerate(store.dataset.items):
        doc = store.loaded(row)
        if doc is None:
            if not _may_use(item.annotation_path, needle):
                continue
            doc = store.document(row)
        indices = [i for i, obj in enumerate(doc.objects) if obj.name == label]
        if indices:
            out[row] = indices
    return out


def _needle(label: str) -> str:
    """What a file's text holds when one of its labels reads as ``label``: a label longer than
    MAX_LABEL_CHARS reads shortened (``core.voc``), so its text has only the part before the "…"."""
    from petloc_gui.core.voc import MAX_LABEL_CHARS

    return label[:-1] if len(label) == MAX_LABEL_CHARS and label.endswith("…") else label


def _may_use(path: Path, needle: str) -> bool:
    """Whether the annotation file at ``path`` may have a label holding ``needle`` (False only when
    it has none: a file read for nothing costs a parse, a file passed over is a box not renamed)."""
    from petloc_gui.core import voc

    try:
        # a regular file only: a named pipe named like one (refused by the reader) made a rename wait for ever
        data = read_regular_file(path, voc.MAX_XML_BYTES)
    except OSError:
        return False  # unreadable, no regular file or larger than the reader reads: it finds no label in it either
    text = _parsed_text(data)
    if text is not None:
        return needle in text
    try:
        annotation = voc.read_voc(path, find_image=False)
    except Exception:  # noqa: BLE001 - not read (`read_document` says why when it is opened): no label
        return False
    return any(needle in obj.name for obj in annotation.objects)


# The encoding named in an XML declaration.
_ENCODING = re.compile(rb"\sencoding\s*=\s*([\"'])([A-Za-z][A-Za-z0-9._-]*)\1")
# Encodings that read bytes 0-127 as ASCII (not Shift_JIS: its 0x5C is a yen sign; not UTF-16).
_ASCII_BASED = re.compile(r"(us-?)?ascii|utf-?8|iso-?8859-\d+|latin-?\d+|l\d|windows-125\d|cp125\d|koi8-[ru]")
# One byte, one character, by a table both Python and the parser's libiconv take from the standard
# (tests/app/test_rows_using.py checks every byte). Not windows-1255 or -1258: libiconv joins a
# letter and the accent after it into one character there.
_SINGLE_BYTE = re.compile(r"iso-?8859-\d+|latin1|l1|(windows-|cp)125[0-467]|koi8-[ru]")
# References the parser replaces in text: characters by number, and XML's five named entities.
_REFERENCE = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _parsed_text(data: bytes) -> str | None:
    """The characters of an XML file as its parser reads them, markup left in: decoded by its
    encoding, line ends made \\n, references replaced. None where that is not sure: an encoding
    Python may decode otherwise than the parser, NUL bytes (UTF-16 or -32 without a byte order
    mark), a CDATA section (a reference in it is text). The file is parsed then."""
    if b"\0" in data or data.startswith((b"\xfe\xff", b"\xff\xfe")):
        return None
    bom = data.startswith(b"\xef\xbb\xbf")
    encoding = _declared_encoding(data[3:] if bom else data)
    if encoding is None:
        return None
    try:
        if encoding in ("utf-8", "utf8"):
            text = data.decode("utf-8-sig")
        elif _SINGLE_BYTE.fullmatch(encoding) and not bom:
            text = data.decode(encoding.replace("windows-", "cp"))
        elif data.isascii() and _ASCII_BASED.fullmatch(encoding):
            text = data.decode("ascii")
        else:
            return None
    except (UnicodeDecodeError, LookupError):
        return None  # the parser refuses it too, or reads it otherwise
    if "<![CDATA[" in text:
        return None
    if "\r" in text:  # before the references: a &#13; stays a \r
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _REFERENCE.sub(_character, text) if "&" in text else text


def _declared_encoding(data: bytes) -> str | None:
    """The encoding the XML declaration at the start of ``data`` names, lower case ("utf-8" without
    one); None when the declaration is one this does not read."""
    if not (data.startswith(b"<?xml") and data[5:6].isspace()):
        return "utf-8"  # no declaration (a <?xml-stylesheet?> is none either)
    end = data.find(b"?>")
    declaration = data[:end] if end > 0 else b""
    found = _ENCODING.search(declaration)
    if found is None:
        return None if b"encoding" in declaration or end < 0 else "utf-8"
    return found.group(2).decode("ascii").lower().replace("_", "-")


def _character(reference: re.Match[str]) -> str:
    name = reference.group(1)
    if not name.startswith("#"):
        return _NAMED[name]
    try:
        return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
    except (ValueError, OverflowError):
        return reference.group(0)  # no such character: the parser refuses the file
