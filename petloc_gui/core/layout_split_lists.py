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

import re
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.list_lines import is_comment, read_list_lines

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset

# between a line's columns ("Abyssinian_201 1 1 1"), as `core.list_lines` reads an Oxford line: not any
# whitespace `str.split` splits at (U+2028, a form feed), which can be part of a file's name
_COLUMNS = re.compile(r"[ \t]+")
# Oxford's split lists, in annotations/ beside xmls/
OXFORD_SPLITS = ("trainval", "test")
# VOC devkit split files, finest first: an image in train.txt is "train" even
# though trainval.txt lists it too.
DEVKIT_SPLITS = ("train", "val", "trainval", "test")
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


def listed_splits(folder: Path, splits: tuple[str, ...], problems: list[str], unread: Unread) -> dict[str, str]:
    """Each id's split, from the list files ``{split}.txt`` in ``folder``: the first of ``splits`` whose file
    lists it."""
    found: dict[str, str] = {}
    for split in splits:
        for row in read_id_lines(folder / f"{split}.txt", problems, unread):
            found.setdefault(row[0], split)
    return found


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
    UTF-8 nor UTF-16. Said by stats (and the window's Dataset panel), not as an index problem: `petloc train` and
    the Retrain dialog say such a test.txt in their own words (`model.layout_test_split`), and predict and
    evaluate do not use the splits."""
    where = split_lists_of(dataset)
    if where is None:
        return []
    unread: Unread = []
    listed_splits(*where, [], unread)  # a list that cannot be read at all: an index problem already
    return [(str(path), f"{why}: {_NO_SPLIT}") for path, why in unread]
