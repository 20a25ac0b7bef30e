"""`petloc train --exclude-list FILE`: the images a list of held-out entries names.

File names hold what a list's syntax could take for its own: ``#`` (``cat #1.jpg``), spaces
(``dog 2.jpg``, as an Oxford ``test.txt`` line's columns are). Cutting such a name at its ``#`` or its
first space held out another image (``cat.jpg``, ``dog.jpg``) and trained on the listed one, with no
word said. So each line's forms are tried in turn, most literal first (`entry_forms`), and the first
that names an image wins: a real file's name is never cut while it matches as written.
"""

from __future__ import annotations

import re
from pathlib import Path

from petloc_gui.cli.output import CommandError, error
from petloc_gui.core.annotation_names import folded

# Oxford's list files (test.txt, trainval.txt): an id, then numbers ("Abyssinian_201 1 1 1").
_OXFORD_LINE = re.compile(r"(\S+)(?:[ \t]+-?\d+)+")
# A comment starts a line or follows whitespace: "a.jpg  # trailing". A '#' inside a name ("cat#1.jpg")
# starts none: that entry, matching nothing, is reported, not cut to "cat".
_COMMENT_START = re.compile(r"(?:^|(?<=\s))#")


def read_exclude_lines(path: Path) -> list[str]:
    """The list's lines that are not blank, stripped."""
    # utf-8-sig: a list saved by Notepad starts with a BOM, which would make its first entry
    # match no image, and that test image would be trained on.
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip()]


def entry_forms(line: str) -> list[str]:
    """What ``line`` may name, most literal first: the whole line; then the line before each ``#`` that
    starts a comment, the longest first (``cat #1.jpg  # first cat``: ``cat #1.jpg`` before ``cat``);
    then, for an Oxford-shaped line, its first column. A comment line has the whole line only."""
    forms = [line]
    for start in reversed([found.start() for found in _COMMENT_START.finditer(line)]):
        cut = line[:start].rstrip()
        if cut and cut not in forms:
            forms.append(cut)
    oxford = _OXFORD_LINE.fullmatch(forms[-1])
    if oxford and oxford.group(1) not in forms:
        forms.append(oxford.group(1))
    return forms


def resolve_exclude_list(data: Path, path: Path) -> list[str]:
    """Absolute image paths for an exclude list's entries.

    An entry is an absolute path, a path relative to the dataset root, a file name or a file stem; a
    line of Oxford's test.txt (`Abyssinian_201 1 1 1`) works too; ``#`` starts a comment at the start
    of a line or after whitespace. An entry that names an image only with case or Unicode form ignored
    (``dog 2.JPG`` for ``dog 2.jpg``) is taken as that image, said in one line; one that would name two
    such images (``Cat.jpg`` and ``cat.jpg``) is refused. Entries matching no image are reported, one
    line each, and ignored.
    """
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.index_problems import refuse_unlisted_root

    dataset = open_dataset(data)
    refuse_unlisted_root(dataset)  # not then "matches no image" for each line of the list
    root = Path(dataset.root).resolve()
    by_key: dict[str, set[str]] = {}
    for item in dataset.items:
        image = Path(item.image_path).resolve()
        keys = {str(image), image.name, image.stem}
        if image.is_relative_to(root):
            keys.add(image.relative_to(root).as_posix())
        for key in keys:
            by_key.setdefault(key, set()).add(str(image))
    keys_by_folded: dict[str, set[str]] = {}
    for key in by_key:
        keys_by_folded.setdefault(folded(key), set()).add(key)
    resolved: set[str] = set()
    for number, line in enumerate(read_exclude_lines(path), 1):
        candidates = _images_named(line, by_key, keys_by_folded, f"{path}: line {number}")
        if candidates:
            resolved |= candidates
        elif not line.startswith("#"):  # a comment line: nothing to say
            error(f"{path}: {line!r} matches no image in {data}; ignored")
    return sorted(resolved)


def _images_named(line: str, by_key: dict[str, set[str]], keys_by_folded: dict[str, set[str]],
                  where: str) -> set[str]:
    """The images the first form of ``line`` that names any names (`entry_forms`), as written first,
    then with case and Unicode form ignored (said; refused where that names two spellings)."""
    for form in entry_forms(line):
        spellings = (form, str(Path(form).expanduser().resolve()))
        for spelling in spellings:
            if spelling in by_key:
                return by_key[spelling]
        for spelling in spellings:
            keys = keys_by_folded.get(folded(spelling), set())
            if len(keys) > 1:
                raise CommandError(f"{where}: {form!r} names {' and '.join(map(repr, sorted(keys)))}, whose names "
                                   "differ only in case or Unicode form: write the entry as the file is named")
            if keys:
                (key,) = keys
                error(f"{where}: {form!r} taken as {key!r}, the name it differs from only in case or Unicode form")
                return by_key[key]
    return set()
