"""The images a list of held-out entries names: `petloc train --exclude-list FILE`'s (`cli.exclude_list`) and the
test list a folder's layout declares (ImageSets/Main/test.txt, Oxford's annotations/test.txt), which the window's
Retrain holds out (`model.layout_test_split`). One rule for both: the window matched the list's ids as the index
keys its splits (first column, case kept, no BOM stripped, an image also in trainval.txt not a test image), and
trained on what `petloc train --exclude-list` held out of the same file, with no word said.

File names hold what a list's syntax could take for its own: ``#`` (``cat #1.jpg``), spaces
(``dog 2.jpg``, as an Oxford ``test.txt`` line's columns are). Cutting such a name at its ``#`` or its
first space held out another image (``cat.jpg``, ``dog.jpg``) and trained on the listed one, with no
word said. So each line's forms are tried in turn, most literal first (`core.list_lines.entry_forms`: the
line as written, then stripped, then cut), and the first that names an image wins: a real file's name is
never cut, nor stripped of its spaces, while it matches as written. No Qt, no TensorFlow.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Protocol

from petloc_gui.core.annotation_names import folded
from petloc_gui.core.list_lines import ListedLines, entry_forms, is_comment, quoted
from petloc_gui.core.text import isolated

if TYPE_CHECKING:
    from petloc_gui.core.dataset_item import DatasetItem

# Whether a backslash separates folders in an entry (Windows), as it does in what a Windows script writes
# (os.path.relpath: "day\\x.jpg"). Elsewhere a backslash can be part of a file's name, so there it stays one.
BACKSLASH_SEPARATES = os.sep == "\\"
_NO_KEYS: frozenset[str] = frozenset()  # what a table holds under a key it lacks (none made for each miss)

Say = Callable[[str], None]  # where a line on an entry goes (`petloc train`: stderr)
# how ``given`` (the list's spelling) and ``found`` (the folder's), which fold to one, differ, in words
Difference = Callable[[str, str], str]


class AmbiguousEntryError(ValueError):
    """An entry names two images whose names differ only in case or Unicode form (``Cat.jpg`` and ``cat.jpg``)."""


class IndexedImages(Protocol):
    """What a list's entries are resolved against: a `core.dataset.Dataset`, or its index while it is made
    (`layout_split_lists.mark_test_images`: the test split `petloc stats` counts is the one a run holds out)."""

    @property
    def root(self) -> Path: ...

    @property
    def images_folder(self) -> Path: ...

    @property
    def items(self) -> Sequence[DatasetItem]: ...


def _case_or_form(given: str, found: str) -> str:
    return "the name it differs from only in case or Unicode form"


def resolve_listed_images(dataset: IndexedImages, lines: list[str], where: str, say: Say, *, data: object = None,
                          difference: Difference = _case_or_form, hold_ambiguous: bool = False,
                          set_apart: bool = False) -> list[str]:
    """Absolute image paths for a list's entries (``lines``: `core.list_lines.read_list_lines`'; ``where``: the
    list, as its lines are named, "FILE: line 3"; ``data``: the folder as the user gave it, named in the lines
    said, ``dataset``'s root when None). What kept the list from being read whole (`ListedLines.problems`) is
    its caller's to say (`cli.exclude_list`, `model.layout_test_split`).

    An entry is an absolute path, a path relative to the dataset root, a path within the images folder
    with or without its extension (an ImageSets id: ``day/x`` for ``JPEGImages/day/x.jpg``), a file name
    or a file stem; a line of Oxford's test.txt (`Abyssinian_201 1 1 1`) works too; ``#`` starts a
    comment at the start of a line or after whitespace. A path names that one image: ``x`` is
    ImageSets' ``JPEGImages/x.jpg``, said when images in subfolders share its name (they are trained
    on unless listed by their path). A name or stem that names no such path holds out every image of
    that name, said when they are in several folders. An entry that names an image only with case or
    Unicode form ignored (``dog 2.JPG`` for ``dog 2.jpg``) is taken as that image, said in one line
    (``difference``: how the two spellings differ); one that would name two such images (``Cat.jpg`` and
    ``cat.jpg``) raises `AmbiguousEntryError`, or with ``hold_ambiguous`` holds both out, said. Entries
    matching no image are said, one line each, and ignored. With ``set_apart``, for a caller that says them with
    their isolates kept (`cli.output.error`'s ``names_isolated``), that line sets the list and the folder apart
    (`isolated`: a Hebrew folder took the line's direction in a terminal that lays out bidi text, and moved the
    entry and the words around it); the entry is quoted (`repr`) as before.
    """
    real = _RealPaths()
    finder = _Finder(_image_names(dataset, real), real, say, difference, hold_ambiguous)
    if not isinstance(lines, ListedLines):  # lines of no file: numbered as they come
        lines = ListedLines(lines, list(range(1, len(lines) + 1)))
    resolved: set[str] = set()
    for number, line in zip(lines.numbers, lines, strict=True):
        candidates = finder.images_named(line, f"{where}: line {number}")
        if candidates:
            resolved |= candidates
        elif not is_comment(line):  # nothing to say
            folder = dataset.root if data is None else data
            listing, folder = (isolated(where), isolated(folder)) if set_apart else (where, folder)
            say(f"{listing}: {quoted(line)} matches no image in {folder}; ignored")
    return sorted(resolved)


def _image_names(dataset: IndexedImages, real: _RealPaths) -> _ImageNames:
    """``dataset``'s images by what an entry may call them. An image that is a symbolic link (DVC's cache:
    ``day/img1.jpg`` -> ``.dvc/cache/2d677c922f00``) goes by its own name and path, as the folder shows it: keyed
    by its target's, ``img1.jpg`` and ``img2`` matched no image and were trained on. Its target's name names it
    too, but never an image whose own name that is. Strings, not pathlib: a Path per key made a 20,000-image
    devkit's test list take seconds, and the window's Retrain reads it four times."""
    names = _ImageNames()
    root = os.path.abspath(dataset.root)
    real_root = real(root)
    under_root, under_real_root = _start(root), _start(real_root)
    under_images = _start(os.path.abspath(dataset.images_folder))
    # one pass, each key added where it is made: a 20,000-image devkit's index resolves its test list
    # (`layout_split_lists.mark_test_images`), so this is paid each time the folder is opened
    paths, by_name, within_of = names.paths, names.names, names.within
    targets: dict[str, set[str]] = {}  # the names of the images' targets that are not their own
    for item in dataset.items:
        # each image by its path as indexed, which a run compares its ``exclude`` with (`model.data.collect_samples`):
        # the resolved one held nothing out of a folder opened through a symbolic link, with no word said
        indexed = os.path.abspath(item.image_path_text)
        image = real.image(indexed)
        keys = [indexed, _below(indexed, under_root)]
        if image != indexed or real_root != root:  # else the same keys again
            keys += (image, _below(image, under_real_root))
        within = _below(indexed, under_images)
        own = os.path.basename(indexed)
        own_names = (own, _without_suffix(own))
        if within is not None:
            # ``day/x`` from ``day/x.jpg`` as the name's stem is: its suffix cut once
            keys += (within, within[:len(within) - len(own)] + own_names[1])
            within_of[indexed] = within
        mine = {indexed}  # one set for all its keys (`_put`)
        for key in keys:
            if key is not None:
                _put(paths, key, mine)
        for key in own_names:
            _put(by_name, key, mine)
        if image != indexed:
            target = os.path.basename(image)
            if target != own:
                for key in {target, _without_suffix(target)}.difference(own_names):
                    targets.setdefault(key, set()).add(indexed)
        if item.has_annotation:
            names.annotated.add(indexed)
    for key, linked in targets.items():
        if key not in by_name:
            for link in linked:
                _put(by_name, key, {link})
    return names


def _put(table: dict[str, set[str]], key: str, image: set[str]) -> None:
    """Add ``image`` (a set of one image) to ``table[key]``. An image's set is shared by all its keys (a set made
    for each key took a sixth of a 10,000-image Oxford index's time, and collections of them more), so a set is
    grown in place only where it is the table's own: one holding more than one image, made here."""
    held = table.get(key)
    if held is None:
        table[key] = image
    elif len(held) > 1:
        held |= image
    elif held != image:
        table[key] = held | image


def _last_name(path: str) -> str:
    """``path``'s last name: after its last "/" or `os.sep` (an image's keys are written with either)."""
    return path[max(path.rfind("/"), path.rfind(os.sep)) + 1:]


def _start(folder: str) -> str:
    """``folder`` (absolute, normalised) as the start of the paths below it (`_below`): with its separator."""
    return folder if folder.endswith(os.sep) else folder + os.sep


def _below(path: str, start: str) -> str | None:
    """``path``'s part below the folder ``start`` begins (`_start`), with slashes; None when not below it."""
    if not path.startswith(start):
        return None
    return path[len(start):].replace(os.sep, "/")


def _without_suffix(path: str) -> str:
    """``path`` without its last name's suffix, as `PurePath.with_suffix("")` ("x.tar.jpg": "x.tar"; ".x", "x."
    kept whole)."""
    name_start = path.rfind("/") + 1
    dot = path.rfind(".", name_start)
    return path[:dot] if name_start < dot < len(path) - 1 else path


class _RealPaths:
    """Absolute paths with their symbolic links resolved (`os.path.realpath`), each folder resolved once: realpath
    read every folder above each image and entry again, 25,000 times for a devkit's 20,000 images and 5,000 ids."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}
        self.cwd: str | None = None  # asked once, when an entry is relative (OSError: it was deleted)
        # a folder of images -> its names and those that are links, from one listing (None: it cannot be listed)
        self.listed: dict[str, tuple[set[str], set[str]] | None] = {}

    def image(self, path: str) -> str:
        """An indexed image's ``path`` (absolute) resolved, whether it is a link told by its folder's listing (the
        entries' types come with it), not by a look at each image: an lstat per image took 0.2 s of a 20,000-image
        devkit's index, which resolves its test list (`layout_split_lists.mark_test_images`). A list's entries
        are looked at one by one: the current folder they are resolved against may hold a million files."""
        if os.name == "nt" or "\0" in path:
            return self(path)
        head, _, name = path.rpartition(os.sep)
        folder = head or os.sep  # as os.path.split keeps the root's separator
        if folder not in self.listed:
            self.listed[folder] = _names_and_links(folder)
        if name in ("", ".", "..") or self._is_link(folder, name, path):
            return os.path.realpath(path)
        real = self.folders.get(folder)
        if real is None:
            real = self.folders[folder] = os.path.realpath(folder)
        return real + name if real.endswith(os.sep) else real + os.sep + name

    def __call__(self, path: str) -> str:
        """``path`` (relative to the current folder, or absolute) resolved; ValueError with a NUL in it."""
        if "\0" in path:  # what realpath raises on: a folder's cached one would not see it
            raise ValueError("embedded null byte")
        if not os.path.isabs(path):
            if self.cwd is None:
                self.cwd = os.getcwd()
            path = os.path.join(self.cwd, path)
        folder, name = os.path.split(path)
        # Windows' realpath also gives a name the case the disk has: each name there goes through it
        if os.name == "nt" or name in ("", ".", "..") or self._is_link(folder, name, path):
            return os.path.realpath(path)
        real = self.folders.get(folder)
        if real is None:
            real = self.folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)

    def _is_link(self, folder: str, name: str, path: str) -> bool:
        listed = self.listed.get(folder)
        if listed is not None and name in listed[0]:
            return name in listed[1]
        return os.path.islink(path)


def _names_and_links(folder: str) -> tuple[set[str], set[str]] | None:
    """The names in ``folder`` and those of its entries that are symbolic links; None when it cannot be listed."""
    names: set[str] = set()
    links: set[str] = set()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                names.add(entry.name)
                if entry.is_symlink():
                    links.add(entry.name)
    except OSError:
        return None
    return names, links


class _ImageNames:
    """The images by what an entry may call them: ``paths`` name one image each (absolute, within the
    dataset root, within the images folder), ``names`` (file name, stem) any image of that name in any
    folder; each also by its folded form (case and Unicode form ignored: `folded_keys`)."""

    def __init__(self) -> None:
        self.paths: dict[str, set[str]] = {}
        self.names: dict[str, set[str]] = {}
        self._folded: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None
        self._folded_names: set[str] | None = None  # `may_fold_to`'s
        self.within: dict[str, str] = {}  # image -> its path within the images folder, to name it
        # the images a run may train on: an image without one (Oxford's images/thumbs/) is never trained on,
        # so never named as "trained on" for sharing a listed image's name
        self.annotated: set[str] = set()

    def may_fold_to(self, folded_spellings: list[str]) -> bool:
        """Whether a key may fold to one of ``folded_spellings``: only where their last names fold alike (`folded`
        keeps "/" and `os.sep`, and each name between them folds as it would alone), and each key's last name is
        a key of ``names`` (a name, a stem, a link's target's). Every line of Oxford's test.txt, whole ("boxer_1
        2 1 1"), names no image: without this each index folded every key for it, a fifth of its time."""
        if self._folded_names is None:
            self._folded_names = {folded(name) for name in self.names}
        return any(_last_name(spelling) in self._folded_names for spelling in folded_spellings)

    def folded_keys(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """The keys of ``paths`` and of ``names`` by their folded form; made when an entry first matches none
        as written (a list written as the folder is named never needs them)."""
        if self._folded is None:
            self._folded = ({}, {})
            for table, folded_keys in zip((self.paths, self.names), self._folded, strict=True):
                for key in table:
                    folded_keys.setdefault(folded(key), set()).add(key)
        return self._folded

    def shown(self, images: AbstractSet[str]) -> str:
        return ", ".join(sorted(self.within.get(image, image) for image in images))


def _spellings(form: str, real: _RealPaths) -> tuple[str, ...]:
    """What an entry may be keyed as in `_ImageNames`: as written, resolved against the current folder, and on
    Windows with its backslashes as the keys' slashes (``day\\x.jpg`` matched no image there: each image is
    keyed by its paths' as_posix(), and the test image it named was trained on)."""
    resolved = _resolved(form, real)
    spellings = (form,) if resolved is None else (form, resolved)
    if BACKSLASH_SEPARATES and "\\" in form:
        return (*spellings, PureWindowsPath(form).as_posix())
    return spellings


def _resolved(form: str, real: _RealPaths) -> str | None:
    """``form`` as an absolute path, links resolved; None when it cannot be a path (a NUL in it, a loop of
    links): such an entry stopped the run ("embedded null byte"), where it names no image, said as any such."""
    try:
        # os.path's expanduser leaves "~img2" (no user of that name) as written, a file's name, where Path's
        # raised "Could not determine home directory"
        return real(os.path.expanduser(form))
    except (OSError, ValueError, RuntimeError):  # RuntimeError: Python 3.11's "Symlink loop"
        return None


class _Finder:
    """`resolve_listed_images`' matching of one entry, its lines said through ``say``."""

    def __init__(self, names: _ImageNames, real: _RealPaths, say: Say, difference: Difference,
                 hold_ambiguous: bool) -> None:
        self.names, self.real, self.say, self.difference = names, real, say, difference
        self.hold_ambiguous = hold_ambiguous

    def images_named(self, line: str, where: str) -> set[str]:
        """The images the first form of ``line`` that names any names (`entry_forms`), as written first,
        then with case and Unicode form ignored (said; two spellings refused, or held out both); a path
        before a name (`_ImageNames`)."""
        names = self.names
        for form in entry_forms(line):
            # as written before resolved: an id within the images folder (Oxford's first column, ImageSets')
            # names its image with no look at the current folder (an lstat per entry, a quarter of the time
            # an Oxford index took to resolve its test list)
            if form in names.paths:
                return self.by_path(form, form, where)
            spellings = _spellings(form, self.real)
            for spelling in spellings[1:]:
                if spelling in names.paths:
                    return self.by_path(form, spelling, where)
            for spelling in spellings:
                if spelling in names.names:
                    return self.by_name(form, spelling, where)
            folded_spellings = [folded(spelling) for spelling in spellings]  # once for both tables
            if not names.may_fold_to(folded_spellings):
                continue  # no key folds to them either
            for by, folded_keys in zip((self.by_path, self.by_name), names.folded_keys(), strict=True):
                for folded_spelling in folded_spellings:
                    keys = folded_keys.get(folded_spelling, _NO_KEYS)
                    if len(keys) > 1:
                        return self.ambiguous(form, keys, by, where)
                    if keys:
                        (key,) = keys
                        self.say(f"{where}: {form!r} taken as {key!r}, {self.difference(form, key)}")
                        return by(form, key, where)
        return set()

    def ambiguous(self, form: str, keys: AbstractSet[str], by: Callable[[str, str, str], set[str]],
                  where: str) -> set[str]:
        spelled = " and ".join(map(repr, sorted(keys)))
        if not self.hold_ambiguous:
            raise AmbiguousEntryError(f"{where}: {form!r} names {spelled}, whose names differ only in case or "
                                      "Unicode form: write the entry as the file is named")
        self.say(f"{where}: {form!r} names {spelled}, whose names differ only in case or Unicode form: "
                 "each held out")
        return {image for key in sorted(keys) for image in by(form, key, where)}

    def by_path(self, form: str, key: str, where: str) -> set[str]:
        """The image path ``key`` names. ImageSets' id ``x`` is ``JPEGImages/x.jpg`` and ``day/x`` the one in
        ``day/``: annotated images in subfolders that only share the name stay in training, said (those
        without an annotation are trained on by no run: not said)."""
        names = self.names
        images = names.paths[key]
        namesakes = names.names.get(key, _NO_KEYS)
        # (most often the image alone: no set made for each entry of a 5,000-line test list)
        others = _NO_KEYS if namesakes <= images else (namesakes - images) & names.annotated
        if others:
            example = Path(names.shown({min(others)})).with_suffix("").as_posix()
            self.say(f"{where}: {form!r} taken as {names.shown(images)}, its path in the images folder; "
                     f"{names.shown(others)} only share its name and are trained on: list each by its path within "
                     f"the images folder ({example!r}) to hold it out too")
        return images

    def by_name(self, form: str, key: str, where: str) -> set[str]:
        """Every image whose file name or stem is ``key``, in whichever folder: all held out, as a list of
        bare names (Oxford's test.txt) means; said when annotated ones are in several folders (an image
        without an annotation, as in Oxford's images/thumbs/, is trained on by no run either way)."""
        names = self.names
        images = names.names[key]
        trainable = images & names.annotated
        if len({Path(names.shown({image})).parent for image in trainable}) > 1:
            example = Path(names.shown({min(trainable)})).with_suffix("").as_posix()
            self.say(f"{where}: {form!r} names {len(trainable)} images in different folders "
                     f"({names.shown(trainable)}): all held out; to hold out only one, list it by its path within "
                     f"the images folder ({example!r})")
        return images
