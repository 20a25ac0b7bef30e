"""Index the ``sidecar`` layout: ``photo.jpg`` next to ``photo.xml`` (or ``photo.XML``), searched
recursively (labelImg's default). Hidden folders (``.git``) are skipped and links to folders not
followed (reported in the dataset's ``problems``); each real folder is listed once (``os.scandir``),
so a bind mount or junction pointing up the tree cannot loop. Images sharing one annotation file
(``photo.jpg`` and ``photo.png``; ``Mouse.jpg`` and ``mouse.png``, one file on macOS and Windows) are
reported, the file's owner named (`shared_owner`).
"""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.core.annotation_names import annotation_file_names
from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.errors import AnnotationError
from petloc_gui.core.folder_listing import FolderListing, entry_kind, folder_time, image_stem
from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.natural_order import natural_key
from petloc_gui.core.voc_tree import read_voc_tree


def index_sidecar(root: Path, problems: list[str], folders: dict[Path, FolderListing]) -> list[DatasetItem]:
    """The images under ``root``, searched recursively; ``folders`` gets every folder listed."""
    # (sort key, path within root, position in found): plain values, sorted without a key function, that
    # the garbage collector stops tracking; with the item in each, every tuple was one more to scan
    keyed: list[tuple[tuple, str, int]] = []
    found: list[DatasetItem] = []
    pending = [(str(root), "")]
    # Real folders already listed (_folder_key): bind mounts and Windows junctions
    # are not symbolic links, and one pointing up the tree must not loop.
    visited = {_folder_key(root)}
    while pending:
        folder, relative = pending.pop()
        mtime = folder_time(folder)  # before the listing: a change while it reads moves the time
        try:
            with os.scandir(folder) as iterator:
                entries = list(iterator)
        except OSError as exc:
            problems.append(IndexProblem(folder, f"cannot list folder: {exc.strerror or exc}", folder=True))
            continue
        names = set()
        stems, image_names, folder_names = [], [], []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue  # hidden files, .git, .venv, our own temporary files
            kind = entry_kind(entry)
            if isinstance(kind, str):  # a link in a loop: neither an image nor a folder (said, not listed)
                problems.append(IndexProblem(entry.path, kind, folder=True))
                continue
            if kind:
                folder_names.append(name)
                if entry.is_symlink():
                    # Not followed: a link in a downloaded dataset could point at
                    # "/" and make indexing crawl the whole disk. Said, not silent.
                    problems.append(IndexProblem(entry.path, "symbolic link to a folder not followed; "
                                                 "open the folder it points to directly", folder=True))
                    continue
                key = _folder_key(entry.path)
                if key is not None and key not in visited:
                    visited.add(key)
                    pending.append((entry.path, f"{relative}{name}/"))
                continue
            names.add(name)
            stem = image_stem(name)
            if stem is not None:
                stems.append(stem)
                image_names.append(name)
        folders[Path(folder)] = FolderListing(mtime, frozenset(image_names), frozenset(folder_names))
        prefix = folder + os.sep
        # one name per file on macOS and Windows too (mouse.png beside Mouse.jpg: Mouse.xml), so that the
        # names alone, compared as written, say which images share a file on every system
        xml_names = annotation_file_names(image_names, stems, names)
        if len(set(xml_names)) < len(xml_names):
            _report_shared(prefix, image_names, xml_names, problems)
        for name, xml_name in zip(image_names, xml_names, strict=True):
            # The name itself breaks ties (img.jpg / IMG.jpg) so the order never
            # depends on the order the file system lists them in (no two are equal: the position never decides).
            keyed.append((natural_key(relative + name), relative + name, len(found)))
            found.append(DatasetItem(prefix + name, prefix + xml_name, has_annotation=xml_name in names))
    keyed.sort()
    return [found[position] for _, _, position in keyed]


def _report_shared(prefix: str, image_names: list[str], xml_names: list[str], problems: list[str]) -> None:
    sharing: dict[str, list[str]] = {}  # photo.jpg and photo.png would write one photo.xml
    for name, xml_name in zip(image_names, xml_names, strict=True):
        sharing.setdefault(xml_name, []).append(name)
    for xml_name, names in sorted(sharing.items()):
        owner = shared_owner(Path(prefix + xml_name), names) if len(names) > 1 else names[0]
        problems.extend(IndexProblem(f"{prefix}{name}", f"shares its annotation file {xml_name} with {owner}")
                        for name in sorted(names) if name != owner)


def shared_owner(annotation_path: Path, image_names: list[str]) -> str:
    """Which of the images beside one annotation file owns it (exports give it the boxes): the one
    its ``<filename>`` names, else the first in natural order (never the file system's order)."""
    try:
        named = read_voc_tree(annotation_path)[0].getroot().findtext("filename") or ""
    except AnnotationError:  # not written yet, or unreadable: the order decides
        named = ""
    cleaned = named.strip().replace("\\", "/").rsplit("/", 1)[-1]
    owner = next((name for name in (named, cleaned) if name and name in image_names), None)  # as written first
    return owner or min(image_names, key=lambda name: (natural_key(name), name))


def _folder_key(path: str | os.PathLike[str]) -> tuple[object, object] | None:
    """Which real folder ``path`` is: (device, inode), or its resolved path where the inode is 0, which
    on Windows means unknown (some network drives): as a key, 0 made every subfolder look visited."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if info.st_ino == 0:
        return ("path", os.path.normcase(os.path.realpath(path)))
    return (info.st_dev, info.st_ino)

