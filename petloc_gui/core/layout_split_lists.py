"""The list files of the layouts that name their images by id (Oxford-IIIT Pet's ``annotations/*.txt``, a VOC
devkit's ``ImageSets/Main/*.txt``), read for the index (`core.oxford_devkit_index`: each image's split, Oxford's
class and breed ids) and for what `petloc stats` says of them (`split_list_notes`). No Qt, no TensorFlow.

They are read as `petloc train` and the window's Retrain read the folder's test list
(`core.list_lines.read_list_lines`: UTF-8 or UTF-16 with its byte-order mark, a mark starting any line dropped,
lines ended as an editor ends them): read as UTF-8 with `str.splitlines`, a test.txt PowerShell's ``>`` wrote
(UTF-16) named no image, and `petloc stats` showed no test split where the run warned of 2 test images and the
window held 2 out; lines that were neither UTF-8 nor UTF-16 named no image, unsaid.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.core.folder_listing import image_stem
from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.list_lines import is_comment, read_list_lines
from petloc_gui.core.text import counted

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset
    from petloc_gui.core.dataset_item import DatasetItem

# between a line's columns ("Abyssinian_201 1 1 1"), as `core.list_lines` reads an Oxford line: not any
# whitespace `str.split` splits at (U+2028, a form feed), which can be part of a file's name
_COLUMNS = re.compile(r"[ \t]+")
# Oxford's training split list, in annotations/ beside xmls/ (test.txt beside it: `listed_splits`)
OXFORD_SPLITS = ("trainval",)
# VOC devkit training split files, finest first: an image in train.txt is "train" even
# though trainval.txt lists it too (test.txt beside them: `listed_splits`).
DEVKIT_SPLITS = ("train", "val", "trainval")
# what a line of a split list that could not be read costs, said after where (`split_list_notes`)
_NO_SPLIT = "the images named there are counted in no split; save the list as UTF-8"

# (a list file, where and why it was not read whole: `core.list_lines.ListedLines.unread`)
Unread = list[tuple[Path, str]]


def read_id_lines(path: Path, problems: list[str], unread: Unread) -> list[list[str]]:
    """The columns of a list file's lines that are not blank or a comment; [] when absent. One that cannot be read
    is named in ``problems``; one with lines neither UTF-8 nor UTF-16 in ``unread``, for its reader to say with
    what it lost."""
    try:
        lines = read_list_lines(path)
    except FileNotFoundError:
        return []
    except OSError as exc:
        problems.append(IndexProblem(path, f"cannot read: {exc.strerror or exc}"))
        return []
    if lines.unread:
        unread.append((path, lines.unread))
    return [_COLUMNS.split(line.strip()) for line in lines if not is_comment(line)]


def listed_splits(folder: Path, training: tuple[str, ...], problems: list[str],
                  unread: Unread) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each id's split, from the list files in ``folder``: "test" for an id ``test.txt`` lists, whatever other
    list names it too, else the first of ``training`` whose ``{split}.txt`` lists it; and the ids test.txt shares
    with those lists, each with the names of those lists. test.txt wins as `petloc train`'s warning and the
    window's Retrain take it (`model.layout_test_split`: an image on it is warned of or held out wherever else it
    is listed): given the first list naming it, `petloc stats` said "trainval: 40" and no test split where the
    run warned of 5 test images and the window held 5 out."""
    test = {row[0] for row in read_id_lines(folder / "test.txt", problems, unread)}
    found = dict.fromkeys(test, "test")
    both: dict[str, list[str]] = {}
    for split in training:
        for row in read_id_lines(folder / f"{split}.txt", problems, unread):
            if row[0] not in test:
                found.setdefault(row[0], split)
            elif f"{split}.txt" not in both.setdefault(row[0], []):
                both[row[0]].append(f"{split}.txt")
    return found, both


def split_lists_of(dataset: Dataset) -> tuple[Path, tuple[str, ...]] | None:
    """The folder holding ``dataset``'s split lists and their splits, as its index reads them; None for a layout
    without them."""
    from petloc_gui.core.dataset import OXFORD, VOC_DEVKIT

    if dataset.layout == OXFORD and dataset.annotations_folder is not None:
        return dataset.annotations_folder.parent, OXFORD_SPLITS
    if dataset.layout == VOC_DEVKIT:
        return dataset.images_folder.parent / "ImageSets" / "Main", DEVKIT_SPLITS
    return None


def split_list_notes(dataset: Dataset) -> list[tuple[str, str]]:
    """What `petloc stats` says of ``dataset``'s split lists, each (the list, what): a list with lines neither
    UTF-8 nor UTF-16; the images test.txt shares with a training list (counted as test images: a person reading
    "trainval: 40" would have trained on them). Said by stats (and the window's Dataset panel), not as an index
    problem: `petloc train` and the Retrain dialog say the test list in their own words
    (`model.layout_test_split`), and predict and evaluate do not use the splits."""
    where = split_lists_of(dataset)
    if where is None:
        return []
    unread: Unread = []
    _, both = listed_splits(*where, [], unread)  # a list that cannot be read at all: an index problem already
    notes = [(str(path), f"{why}: {_NO_SPLIT}") for path, why in unread]
    images = str(dataset.images_folder)
    shared = [both[key] for key in (_split_key(item, images) for item in dataset.items if item.split == "test")
              if key in both]
    if shared:
        names = sorted({name for listed in shared for name in listed})
        lists = f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0]
        notes.append((str(where[0] / "test.txt"), (
            f"{counted(len(shared), 'image')} {'is' if len(shared) == 1 else 'are'} on both test.txt and {lists}: "
            "counted as test images, as the window's Retrain holds them out of training (petloc train warns when "
            "it trains on them)")))
    return notes


def _split_key(item: DatasetItem, images: str) -> str:
    """How the split lists name ``item`` (the index's key, `oxford_devkit_index.index_separate`): its path within
    ``images``, "/"-separated, without the extension."""
    folder, name = os.path.split(os.path.relpath(item.image_path_text, images))
    return (folder.replace(os.sep, "/") + "/" if folder else "") + (image_stem(name) or name)
