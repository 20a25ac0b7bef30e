"""The list files of the layouts that name their images by id (Oxford-IIIT Pet's ``annotations/*.txt``, a VOC
devkit's ``ImageSets/Main/*.txt``; where: `core.dataset.SPLIT_LIST_FOLDERS`), read once, by the index
(`core.oxford_devkit_index`: each image's split, Oxford's class and breed ids), which keeps what `petloc stats`
says of them (`split_list_notes`). No Qt, no TensorFlow.

They are read as `petloc train` and the window's Retrain read the folder's test list
(`core.list_lines.read_list_lines`: UTF-8 or UTF-16 with its byte-order mark, a mark starting any line dropped,
lines ended as an editor ends them): read as UTF-8 with `str.splitlines`, a test.txt PowerShell's ``>`` wrote
(UTF-16) named no image, and `petloc stats` showed no test split where the run warned of 2 test images and the
window held 2 out; lines that were neither UTF-8 nor UTF-16 named no image, unsaid. The test list's lines name
images as the run resolves them too (`mark_test_images`); the training lists' first column is an image's path
within the images folder without its extension, as written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.list_lines import ListedLines, is_comment, read_list_lines
from petloc_gui.core.text import counted

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset
    from petloc_gui.core.dataset_item import DatasetItem

# between a line's columns ("Abyssinian_201 1 1 1"), as `core.list_lines` reads an Oxford line: not any
# whitespace `str.split` splits at (U+2028, a form feed), which can be part of a file's name
_COLUMNS = re.compile(r"[ \t]+")
# Oxford's training split list, in annotations/ beside xmls/ (test.txt beside it: `mark_test_images`)
OXFORD_SPLITS = ("trainval",)
# VOC devkit training split files, finest first: an image in train.txt is "train" even
# though trainval.txt lists it too (test.txt beside them: `mark_test_images`).
DEVKIT_SPLITS = ("train", "val", "trainval")
# what a line of a split list that could not be read costs, said after where (`split_list_notes`)
_NO_SPLIT = "the images named there are counted in no split; save the list as UTF-8"

# (a list file, where and why it was not read whole: `core.list_lines.ListedLines.unread`)
Unread = list[tuple[Path, str]]


def read_id_lines(path: Path, problems: list[str], unread: Unread) -> list[list[str]]:
    """The columns of a list file's lines that are not blank or a comment; [] when absent. One that cannot be read
    is named in ``problems``; one with lines neither UTF-8 nor UTF-16 in ``unread``, for its reader to say with
    what it lost."""
    return [_COLUMNS.split(line.strip()) for line in _read_lines(path, problems, unread) if not is_comment(line)]


def _read_lines(path: Path, problems: list[str], unread: Unread) -> ListedLines:
    """`read_id_lines`' lines as read (none when absent), before they are cut into columns."""
    try:
        lines = read_list_lines(path)
    except FileNotFoundError:
        return ListedLines([], [])
    except OSError as exc:
        problems.append(IndexProblem(path, f"cannot read: {exc.strerror or exc}"))
        return ListedLines([], [])
    if lines.unread:
        unread.append((path, lines.unread))
    return lines


def read_test_list(folder: Path, problems: list[str], unread: Unread) -> ListedLines:
    """The lines of ``folder``'s ``test.txt`` (none when absent), as `petloc train` and the window's Retrain read
    the folder's test list (`model.layout_test_split`)."""
    return _read_lines(folder / "test.txt", problems, unread)


def training_lists(folder: Path, training: tuple[str, ...], problems: list[str],
                   unread: Unread) -> dict[str, list[str]]:
    """Each id ``folder``'s training lists (``{split}.txt`` of ``training``, finest first) name, with the splits of
    those lists naming it, in that order: the first is its split, where test.txt does not name it
    (`mark_test_images`); the index keeps them all on its item (`DatasetItem.training_lists`) for
    `split_list_notes`."""
    named: dict[str, list[str]] = {}
    for split in training:
        for row in read_id_lines(folder / f"{split}.txt", problems, unread):
            lists = named.setdefault(row[0], [])
            if split not in lists:
                lists.append(split)
    return named


@dataclass(frozen=True)
class _Indexed:
    """A layout's index while it is made, as `listed_images.resolve_listed_images` reads a dataset."""

    root: Path
    images_folder: Path
    items: list[DatasetItem]


def mark_test_images(test: ListedLines, images: Path, items: list[DatasetItem]) -> None:
    """Make "test" the split of each of ``items`` (the images in ``images``, the layout's images folder, beside its
    list folder) that ``test`` (`read_test_list`) names, whatever training list names it too, as `petloc train`'s
    warning and the window's Retrain resolve the list: one resolver (`listed_images.resolve_listed_images`, two
    spellings of one name both held, as the window holds them). The first column matched as written, `petloc
    stats` counted no test image for a line naming it in another case ("C" for c.jpg), with its extension
    ("c.jpg") or a linked image by its own name, where the run warned of it and the window held it out; given the
    first list naming it, "trainval: 40" and no test split where the run warned of 5 test images."""
    if not test or not items:
        return
    from petloc_gui.core.listed_images import resolve_listed_images

    held = set(resolve_listed_images(_Indexed(images.parent, images, items), test, "test.txt", _unsaid,
                                     hold_ambiguous=True))
    for item in items:
        if os.path.abspath(item.image_path_text) in held:  # as the resolver names each image
            item.split = "test"


def _unsaid(line: str) -> None:
    """What the resolver says of an entry (another spelling taken, no image matched): the run says it."""


def split_list_notes(dataset: Dataset) -> list[tuple[str, str]]:
    """What `petloc stats` says of ``dataset``'s split lists, each (the list, what), as its index read them (read
    again, a list changed since was said as it is now beside splits counted as it was, and each refresh of the
    Dataset panel read every list): a list with lines neither UTF-8 nor UTF-16 (`Dataset.split_list_unread`); the
    images test.txt shares with a training list (`DatasetItem.training_lists` of a test image: counted as test
    images, a person reading "trainval: 40" would have trained on them). Said by stats (and the window's Dataset
    panel), not as an index problem: `petloc train` and the Retrain dialog say the test list in their own words
    (`model.layout_test_split`), and predict and evaluate do not use the splits."""
    folder = dataset.split_lists_folder
    if folder is None:
        return []
    notes = [(str(path), f"{why}: {_NO_SPLIT}") for path, why in dataset.split_list_unread]
    shared = [item.training_lists for item in dataset.items if item.split == "test" and item.training_lists]
    if shared:
        names = sorted({f"{split}.txt" for splits in shared for split in splits})
        lists = f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0]
        notes.append((str(folder / "test.txt"), (
            f"{counted(len(shared), 'image')} {'is' if len(shared) == 1 else 'are'} on both test.txt and {lists}: "
            "counted as test images, as the window's Retrain holds them out of training (petloc train warns when "
            "it trains on them)")))
    return notes
