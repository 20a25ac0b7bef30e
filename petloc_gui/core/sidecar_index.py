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
from petloc_gui.core.folder_walk import WalkedFolder, walk_folders
from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.name_forms import twin_note
from petloc_gui.core.natural_order import natural_key
from petloc_gui.core.voc_tree import read_voc_tree


def index_sidecar(root: Path, problems: list[str], folders: dict[Path, FolderListing]) -> list[DatasetItem]:
    """The images under ``root``, searched recursively; ``folders`` gets every folder listed."""
    found: list[DatasetItem] = []
    within: list[str] = []  # each item's path within root
    for walked in walk_folders(str(root), problems, top_said=True):
        image_names, stems = listed_images(walked, folders)
        prefix = walked.path + os.sep
        names = set(walked.files)
        for name, xml_name in zip(image_names, annotation_files(prefix, prefix, image_names, stems, names, problems),
                                  strict=True):
            within.append(walked.relative + name)
            found.append(DatasetItem(prefix + name, prefix + xml_name, has_annotation=xml_name in names))
    return in_natural_order(found, within)


def listed_images(walked: WalkedFolder, folders: dict[Path, FolderListing]) -> tuple[list[str], list[str]]:
    """The image names of a walked folder and their stems, in its listing's order; ``folders`` gets
    what the index saw there (`FolderListing`). Every layout's index lists its images so."""
    image_names, stems = [], []
    for name in walked.files:
        stem = image_stem(name)
        if stem is not None:
            image_names.append(name)
            stems.append(stem)
    folders[Path(walked.path)] = FolderListing(walked.mtime_ns, frozenset(image_names), frozenset(walked.folders))
    return image_names, stems


def annotation_files(image_prefix: str, xml_prefix: str, image_names: list[str], stems: list[str],
                     xml_names: set[str], problems: list[str]) -> list[str]:
    """Each image's annotation file name (`annotation_file_names`) in a folder whose annotation files
    are ``xml_names``, images sharing one named in ``problems`` (`report_shared`).
    ``image_prefix``/``xml_prefix``: the folders of the images and of their annotations, each ending
    in a separator."""
    # one name per file on macOS and Windows too (mouse.png beside Mouse.jpg: Mouse.xml), so that the
    # names alone, compared as written, say which images share a file on every system
    files = annotation_file_names(image_names, stems, xml_names)
    report_shared(image_prefix, xml_prefix, image_names, files, problems)
    return files


def in_natural_order(items: list[DatasetItem], within: list[str]) -> list[DatasetItem]:
    """``items`` in natural order of their paths within the searched folder (``within``, one each)."""
    # (sort key, path, position): plain values, sorted without a key function, that the garbage collector
    # stops tracking; with the item in each, every tuple was one more to scan. The path itself breaks ties
    # (img.jpg / IMG.jpg) so the order never depends on the order the file system lists them in (no two
    # are equal: the position never decides).
    keyed = sorted((natural_key(path), path, position) for position, path in enumerate(within))
    return [items[position] for _, _, position in keyed]


def report_shared(image_prefix: str, xml_prefix: str, image_names: list[str], xml_names: list[str],
                  problems: list[str]) -> None:
    """Name in ``problems`` each image whose annotation file (``xml_names``, one per image, as
    `annotation_file_names` gives them) is another's, with the file's owner (`shared_owner`): every
    layout says it so (`core.oxford_devkit_index` too). ``image_prefix``/``xml_prefix``: the folders of
    the images and of their annotations, each ending in a separator."""
    if len(set(xml_names)) == len(xml_names):  # most folders: no file shared
        return
    sharing: dict[str, list[str]] = {}  # photo.jpg and photo.png would write one photo.xml
    for name, xml_name in zip(image_names, xml_names, strict=True):
        sharing.setdefault(xml_name, []).append(name)
    for xml_name, names in sorted(sharing.items()):
        owner = shared_owner(Path(xml_prefix + xml_name), names) if len(names) > 1 else names[0]
        problems.extend(IndexProblem(f"{image_prefix}{name}", f"shares its annotation file {xml_name} with {owner}"
                                                              f"{twin_note(name, owner)}")
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

