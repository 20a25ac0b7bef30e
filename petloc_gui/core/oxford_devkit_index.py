"""Index the layouts that keep images and annotations in separate folders, with split lists.

- Oxford-IIIT Pet: ``images/`` + ``annotations/xmls/`` (+ ``annotations/list.txt``, ``trainval.txt``,
  ``test.txt``): breed and species from the file name, class and breed ids from ``list.txt``;
- VOC devkit: ``JPEGImages/`` + ``Annotations/`` (+ ``ImageSets/Main/*.txt``);
- images + Annotations: ``images/`` + ``Annotations/``, as Label Studio's Pascal VOC export writes them
  (`index_separate` itself: no split lists, no metadata).

Each is given its images and annotations folders (`core.dataset.SEPARATE_FOLDERS`, as spelled in the
folder) and its split lists' folder (`core.dataset.SPLIT_LIST_FOLDERS`), and walks subfolders of its images
folder, pairing ``day/x.jpg`` with ``day/x.xml`` (`index_separate`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.folder_listing import FolderListing, file_names, is_annotation_name
from petloc_gui.core.folder_walk import WalkedFolder, walk_folders
from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.layout_split_lists import (
    DEVKIT_SPLITS,
    OXFORD_SPLITS,
    Unread,
    mark_test_images,
    read_id_lines,
    read_test_list,
    training_lists,
)
from petloc_gui.core.sidecar_index import annotation_files, in_natural_order, listed_images

if TYPE_CHECKING:
    from petloc_gui.core.label_studio_layout import RecordedWalk

_OXFORD_SPECIES = {"1": "cat", "2": "dog"}


def _list_names(folder: Path, problems: list[str]) -> list[str]:
    """File names (not folders) in ``folder``; empty when it does not exist. An entry that cannot be
    told a file or a folder (a symbolic-link loop) is left out and named in ``problems``."""
    untold: list[tuple[str, str]] = []
    try:
        with os.scandir(folder) as entries:
            names = file_names(entries, untold)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise DatasetError(f"cannot list folder: {exc.strerror or exc}", folder) from exc
    # folder=True: what it points to (an image, a folder of them) is missing from the index, as for a folder not listed
    problems.extend(IndexProblem(path, what, folder=True) for path, what in sorted(untold))
    return names


def _oxford_breed(stem: str) -> str:
    """``american_bulldog_12`` -> ``american_bulldog``."""
    head, sep, tail = stem.rpartition("_")
    return head if sep and tail.isdigit() else stem


def _oxford_meta(key: str, row: list[str] | None) -> dict[str, Any]:
    """``key``: the image's path within images/ without its extension (``sub/boxer_3`` in a subfolder)."""
    breed = _oxford_breed(key.rpartition("/")[2])
    # The dataset's README: cat breeds are capitalised, dog breeds are not.
    meta: dict[str, Any] = {"breed": breed, "species": "cat" if breed[:1].isupper() else "dog"}
    if row is not None and len(row) >= 4:
        meta["species"] = _OXFORD_SPECIES.get(row[2], meta["species"])
        if row[1].isdigit():
            meta["class_id"] = int(row[1])
        if row[3].isdigit():
            meta["breed_id"] = int(row[3])
    return meta


def index_oxford(images: Path, xmls: Path, lists: Path, problems: list[str], folders: dict[Path, FolderListing],
                 unread: Unread) -> list[DatasetItem]:
    """``lists``: the folder of its list files (``annotations/``, holding ``xmls``), read as `index_listed` reads
    them; ``list.txt`` gives each image's class and breed ids."""
    rows = {}
    ids_unread: Unread = []
    for row in read_id_lines(lists / "list.txt", problems, ids_unread):
        if len(row) >= 4:
            rows[row[0]] = row
        else:
            problems.append(IndexProblem(lists / "list.txt", f"malformed line {' '.join(row)!r} ignored"))
    # its split lists' such lines are said by `petloc stats` (``unread``: `layout_split_lists.split_list_notes`)
    problems.extend(IndexProblem(path, f"{why}: the images named there have no class or breed id; save the list "
                                       "as UTF-8") for path, why in ids_unread)
    return index_listed(images, xmls, lists, OXFORD_SPLITS, problems, folders, unread,
                        lambda key: _oxford_meta(key, rows.get(key)))


def index_devkit(images: Path, annotations: Path, lists: Path, problems: list[str],
                 folders: dict[Path, FolderListing], unread: Unread) -> list[DatasetItem]:
    """``lists``: the folder of its split lists (``ImageSets/Main/`` beside ``images``, ``JPEGImages/``)."""
    return index_listed(images, annotations, lists, DEVKIT_SPLITS, problems, folders, unread)


def index_listed(images: Path, annotations: Path, lists: Path, training: tuple[str, ...], problems: list[str],
                 folders: dict[Path, FolderListing], unread: Unread,
                 meta_of: Callable[[str], dict[str, Any] | None] | None = None) -> list[DatasetItem]:
    """`index_separate` of a layout with split lists in ``lists``: each image's split is the first of
    ``training``'s lists (finest first) naming it, or "test" where ``test.txt`` does (`mark_test_images`), each
    list read once, here: the training lists naming an image are kept on its item
    (`DatasetItem.training_lists`) and each list with lines it could not read in ``unread``, what `petloc stats`
    says of them (`layout_split_lists.split_list_notes`)."""
    test = read_test_list(lists, problems, unread)
    named = training_lists(lists, training, problems, unread)
    items = index_separate(images, annotations, problems, folders, named, meta_of)
    mark_test_images(test, images, items)
    return items


def index_separate(images_dir: Path, xml_dir: Path, problems: list[str], folders: dict[Path, FolderListing],
                   listed: Mapping[str, Sequence[str]] | None = None,
                   meta_of: Callable[[str], dict[str, Any] | None] | None = None,
                   walks: tuple[RecordedWalk, RecordedWalk] | None = None) -> list[DatasetItem]:
    """Images in one folder tree, each one's ``<stem>.xml`` at the same path under another folder: a
    CVAT or datumaro export of images uploaded in folders writes ``JPEGImages/day/x.jpg`` and
    ``Annotations/day/x.xml``. The images folder is walked as the sidecar search walks (`folder_walk`),
    every folder it lists recorded in ``folders``; the items are in natural order of their paths within
    it. ``listed`` (the training lists naming each image, finest first: the first is its split) and
    ``meta_of`` name an image by its path within the images folder without the extension (``day/x``, the
    form ImageSets/Main/*.txt use; ``x`` at the top). Images whose annotation
    file is one (``a.jpg`` and ``a.png``; ``Mouse.jpg`` and ``mouse.png``) are named in ``problems`` as
    the sidecar index names them (`sidecar_index.annotation_files`). ``walks``: the two trees as the
    Label Studio check walked them (`label_studio_layout.RecordedWalk`), read instead of walking again."""
    listed = listed or {}
    items: list[DatasetItem] = []
    within: list[str] = []  # each item's path within images_dir
    xml_walked = {folder.relative: (folder, said) for folder, said in walks[1].folders} if walks else {}
    for walked in _replayed(walks[0], problems) if walks else walk_folders(str(images_dir), problems):
        image_names, stems = listed_images(walked, folders)
        xml_folder = os.path.join(xml_dir, walked.relative)  # relative ends in a separator or is ""
        # labelImg's XML saved beside its image: not this layout's annotation, and not listed as one
        # without an image either (only the annotations folder is), so said here, at no cost
        problems.extend(IndexProblem(os.path.join(walked.path, name), (
            f"annotation file in the images folder, not read: this layout reads annotations from "
            f"{os.path.relpath(xml_folder, images_dir.parent)}{os.sep}")) for name in sorted(walked.files)
            if is_annotation_name(name))
        xml_names = set(_xml_names(xml_folder, xml_walked.get(walked.relative), problems)) if image_names else set()
        image_prefix, xml_prefix = walked.path + os.sep, os.path.join(xml_folder, "")
        # named as the sidecar index names them: Mouse.jpg and mouse.png without a file get one name, as
        # on macOS and Windows they get one file (one image's save must not land on the other's boxes)
        files = annotation_files(image_prefix, xml_prefix, image_names, stems, xml_names, problems)
        for name, stem, file in zip(image_names, stems, files, strict=True):
            key = walked.relative + stem
            within.append(walked.relative + name)
            lists = listed.get(key, ())
            items.append(DatasetItem(
                image_path=image_prefix + name,
                annotation_path=xml_prefix + file,
                split=lists[0] if lists else None,
                training_lists=lists,
                meta=meta_of(key) if meta_of is not None else None,
                has_annotation=file in xml_names,
            ))
    return in_natural_order(items, within)


def _replayed(walk: RecordedWalk, problems: list[str]) -> Iterator[WalkedFolder]:
    """The folders of a recorded walk, each after the problems the walk named before it, as walking
    the tree again would give them."""
    for folder, said in walk.folders:
        problems.extend(said)
        yield folder
    problems.extend(walk.trailing)


def _xml_names(xml_folder: str, walked: tuple[WalkedFolder, list[str]] | None, problems: list[str]) -> list[str]:
    """The file names of ``xml_folder`` (`_list_names`), from the annotations tree's recorded walk where
    it listed that folder (``walked``: the folder, with the problems named before it): its files (hidden
    ones left out: no image's annotation is hidden), and its entries that cannot be told a file or a
    folder named as `_list_names` names them (the links to folders and subfolders not listed, which the
    walk names too, are not this listing's). A folder the walk did not list (none there, a link it did
    not follow, another spelling of a subfolder) is listed as before."""
    if walked is None:
        return _list_names(Path(xml_folder), problems)
    folder, said = walked
    untold = sorted((problem.path, problem.what) for problem in said if isinstance(problem, IndexProblem)
                    and os.path.dirname(problem.path) == folder.path
                    and os.path.basename(problem.path) not in folder.folders)
    problems.extend(IndexProblem(path, what, folder=True) for path, what in untold)
    return folder.files
