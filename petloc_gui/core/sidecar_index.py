"""Index the ``sidecar`` layout: ``photo.jpg`` next to ``photo.xml`` (or ``photo.XML``), searched
recursively (labelImg's default), by the rules of `core.folder_walk` (the walk the layouts with separate
folders take too): hidden folders (``.git``) are skipped and links to folders not followed (reported in
the dataset's ``problems``); each real folder is listed once, so a bind mount or junction pointing up
the tree cannot loop. Images sharing one annotation file (``photo.jpg`` and ``photo.png``; ``Mouse.jpg``
and ``mouse.png``, one file on macOS and Windows) are reported, the file's owner named (`shared_owner`).
"""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.core.annotation_names import annotation_file_names
from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.errors import AnnotationError
from petloc_gui.core.folder_listing import FolderListing, image_stem
from petloc_gui.core.folder_walk import walk_folders
from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.natural_order import natural_key
from petloc_gui.core.voc_tree import read_voc_tree


def index_sidecar(root: Path, problems: list[str], folders: dict[Path, FolderListing]) -> list[DatasetItem]:
    """The images under ``root``, searched recursively; ``folders`` gets every folder listed."""
    # (sort key, path within root, position in found): plain values, sorted without a key function, that
    # the garbage collector stops tracking; with the item in each, every tuple was one more to scan
    keyed: list[tuple[tuple, str, int]] = []
    found: list[DatasetItem] = []
    for walked in walk_folders(str(root), problems, top_said=True):
        folder, relative, names = walked.path, walked.relative, set(walked.files)
        stems, image_names = [], []
        for name in walked.files:
            stem = image_stem(name)
            if stem is not None:
                stems.append(stem)
                image_names.append(name)
        folders[Path(folder)] = FolderListing(walked.mtime_ns, frozenset(image_names), frozenset(walked.folders))
        prefix = folder + os.sep
        # one name per file on macOS and Windows too (mouse.png beside Mouse.jpg: Mouse.xml), so that the
        # names alone, compared as written, say which images share a file on every system
        xml_names = annotation_file_names(image_names, stems, names)
        if len(set(xml_names)) < len(xml_names):
            report_shared(prefix, prefix, image_names, xml_names, problems)
        for name, xml_name in zip(image_names, xml_names, strict=True):
            # The name itself breaks ties (img.jpg / IMG.jpg) so the order never
            # depends on the order the file system lists them in (no two are equal: the position never decides).
            keyed.append((natural_key(relative + name), relative + name, len(found)))
            found.append(DatasetItem(prefix + name, prefix + xml_name, has_annotation=xml_name in names))
    keyed.sort()
    return [found[position] for _, _, position in keyed]


def report_shared(image_prefix: str, xml_prefix: str, image_names: list[str], xml_names: list[str],
                  problems: list[str]) -> None:
    """Name in ``problems`` each image whose annotation file (``xml_names``, one per image, as
    `annotation_file_names` gives them) is another's, with the file's owner (`shared_owner`): every
    layout says it so (`core.oxford_devkit_index` too). ``image_prefix``/``xml_prefix``: the folders of
    the images and of their annotations, each ending in a separator."""
    sharing: dict[str, list[str]] = {}  # photo.jpg and photo.png would write one photo.xml
    for name, xml_name in zip(image_names, xml_names, strict=True):
        sharing.setdefault(xml_name, []).append(name)
    for xml_name, names in sorted(sharing.items()):
        owner = shared_owner(Path(xml_prefix + xml_name), names) if len(names) > 1 else names[0]
        problems.extend(IndexProblem(f"{image_prefix}{name}", f"shares its annotation file {xml_name} with {owner}")
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

