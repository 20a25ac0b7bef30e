"""docs/cli.md and README.md say what the CLI says of a list or class file it does not read, and of running out
of memory, in the words the code says them with (each message made here by the code itself, so a change of
wording fails this test until the docs follow).

Before: docs/cli.md said a test.txt line names an image "as written, without its extension" (the index now reads
it as --exclude-list does), and nothing of the 64 MB cap, of pipes refused, of the class-file warning or of the
out-of-memory line; README.md said nothing of a class file that is not read."""

from __future__ import annotations

import re
from pathlib import Path

from petloc_gui.app.class_list import CLASSES_FILE, MAX_CLASS_FILE_BYTES
from petloc_gui.cli.main import _out_of_memory
from petloc_gui.core.list_lines import MAX_LIST_BYTES
from petloc_gui.core.regular_file import FileTooLargeError, NotRegularFileError

ROOT = Path(__file__).resolve().parents[2]
PIPE = str(NotRegularFileError("a named pipe"))
TOO_LARGE = str(FileTooLargeError(MAX_LIST_BYTES + 1, MAX_LIST_BYTES))


def _text(name: str) -> str:
    """The file's text with its line breaks and runs of spaces read as one space, as Markdown reads them."""
    return re.sub(r"\s+", " ", (ROOT / name).read_text(encoding="utf-8"))


def test_cli_docs_say_the_test_list_read_as_the_exclude_list_reads_it():
    docs = _text("docs/cli.md")
    assert "a line's first column names an image as written, without its extension" not in docs
    assert "`g` for `JPEGImages/day/g.jpg`" in docs and "`C` for `c.jpg`" in docs


def test_cli_docs_say_the_lists_refused_in_the_words_said():
    docs = _text("docs/cli.md")
    assert f"`petloc: FILE: --exclude-list file is {PIPE}`" in docs
    assert f"`petloc: FILE: --exclude-list file is {TOO_LARGE}`" in docs
    assert f"`petloc: PATH: --backbone-weights file is {PIPE}`" in docs
    assert f"`cannot read: {PIPE}`" in docs  # a split list, as stats' dataset_index problem
    assert f"test list (ImageSets/Main/test.txt) is {PIPE}: this run holds none of it out" in docs


def test_cli_docs_say_the_class_file_warning_and_the_out_of_memory_line():
    docs = _text("docs/cli.md")
    said = f"`petloc: warning: {CLASSES_FILE} is {PIPE}: none of its classes are offered, and it is not changed`"
    class_file_too_large = FileTooLargeError(MAX_CLASS_FILE_BYTES + 1, MAX_CLASS_FILE_BYTES)
    assert f"{said}; `... is {class_file_too_large}: ...`); stdout is as without the file" in docs
    assert f"``petloc: {_out_of_memory(MemoryError(), 'stats')}``" in docs


def test_readme_says_a_class_file_that_is_not_read():
    readme = _text("README.md")
    assert (f"`{CLASSES_FILE}` that is not a regular file, a named pipe or a device, or holds more than 64 MB, is not "
            "read: it offers no class, the status line names it and why as the folder opens, and it is never "
            "replaced") in readme
    assert MAX_CLASS_FILE_BYTES == 64 << 20  # the cap the README names
