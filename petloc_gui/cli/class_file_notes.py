"""The folder's predefined classes file as `petloc stats` and `petloc train` read it: its classes, and what
it holds but does not offer (a class no annotation can store, the lines past `MAX_CLASSES`) said as one
warning line each on stderr, as the window says it on its status line. Read silently, a file of 100,000
classes counted 5,000 (the others neither in the `predefined` lines nor in the classes the run names as
untrained), with no word of why; a file refused (a named pipe, over 64 MB) offered no class, unsaid."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.class_list import ClassNames, read_classes, shown_class
from petloc_gui.cli.output import error
from petloc_gui.core.text import isolated, tidy_name


def read_classes_said(root: Path | str) -> list[str]:
    """The folder's predefined classes, in file order ([] without a file or when unreadable), as the window reads
    them (`app.class_list.read_classes`), each of the file's notes (`ClassNames.notes`) warned of first, on stderr
    only: stdout (``--json``) is the same as without them. A file refused (a named pipe, over 64 MB, not UTF-8)
    is warned of in the window's words: it offered no class, with no word said."""
    read = read_classes(root)
    for note in read.notes:
        error(f"warning: {_name_set_apart(note, read)}", names_isolated=True)
    return list(read)


def _name_set_apart(note: str, read: ClassNames) -> str:
    """``note`` with the class it names (the first one no annotation can store, shown escaped: "do\\x00g")
    set apart (`isolated`): a Hebrew one took the line's direction and moved the words around it. A note
    naming none is as it was."""
    if not read.unstorable:
        return note
    shown = shown_class(tidy_name(read.unstorable[0][1]))  # as the note names it
    return note.replace(f", {shown},", f", {isolated(shown)},", 1)
