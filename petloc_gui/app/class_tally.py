"""Boxed images and boxes per class over the rows of the file list, kept up to date as rows change.

The new-classes bar asks for these counts after every burst of changes (an opening-scan chunk, an edit,
a save), three ways at once, and the class list asks which labels are in use. Counted over every row
each time, that cost 10-40 ms per question at 20,000 images, on the UI thread (Start training with an
unsaved edit froze the window half a second). Here each row's share is taken out before the row
changes and put back after it, so an answer is a copy of a few classes' counts. The rows of the folder's
test list are counted apart too (`RowShare.test_list`), as the bar leaves them out: their shares taken at each
count, 2,000 of 20,000 rows, cost 66 ms a count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RowShare:
    """What one row adds to the counts."""

    name: str | None  # its primary box's class, when the row is counted (boxed, image not gone)
    reviewed: bool  # a person's boxes (saved or edited), not an unreviewed pre-label
    boxes: tuple[str, ...]  # the class of each of its boxes, when the row is counted
    labels: frozenset[str]  # the labels on its boxes, image gone or not (`labels_in_use`)
    test_list: bool = False  # the row is on the folder's test list (`items_on_test_list`): counted apart too


class ClassTally:
    """Per class: boxed images and boxes (each also of reviewed rows only), of every row and of the test list's
    rows alone; and rows holding each label."""

    def __init__(self) -> None:
        # (reviewed_only, every_box) -> counts, as `FileListModel.box_counts` is asked
        self._counts: dict[tuple[bool, bool], dict[str, int]] = {
            (reviewed, every): {} for reviewed in (False, True) for every in (False, True)}
        # the same of the rows on the folder's test list alone (`RowShare.test_list`), which no run trains on
        self._test_list: dict[tuple[bool, bool], dict[str, int]] = {key: {} for key in self._counts}
        self._labels: dict[str, int] = {}  # label -> rows with a box so labelled

    def replace(self, old: RowShare, new: RowShare) -> bool:
        """A row's share changed from ``old`` to ``new``; whether that changed the counts (the list says so)."""
        if old == new:
            return False
        self._count(old, -1)
        self._count(new, 1)
        return True

    def counts(self, reviewed_only: bool = False, every_box: bool = False, test_list: bool = True) -> dict[str, int]:
        """A copy of the counts (no class at 0); ``test_list``: False, less the rows on the folder's test list,
        which no run trains on (`test_list_counts`: no row looked at)."""
        counts = dict(self._counts[(reviewed_only, every_box)])
        if not test_list:
            for label, n in self._test_list[(reviewed_only, every_box)].items():
                _add(counts, label, -n)
        return counts

    def test_list_counts(self) -> dict[str, int]:
        """A copy of the boxed images per class of the rows on the folder's test list alone (`RowShare.test_list`);
        the reviewed and every-box counts of them are kept for `counts`' ``test_list``."""
        return dict(self._test_list[(False, False)])

    def labels(self) -> set[str]:
        """The labels on some row's boxes."""
        return set(self._labels)

    def _count(self, share: RowShare, step: int) -> None:
        if share.name:
            for tally in (self._counts, self._test_list) if share.test_list else (self._counts,):
                for reviewed in (False, True) if share.reviewed else (False,):
                    _add(tally[(reviewed, False)], share.name, step)
                    for label in share.boxes:
                        _add(tally[(reviewed, True)], label, step)
        for label in share.labels:
            _add(self._labels, label, step)


def items_on_test_list(items: Sequence[Any]) -> list[int]:
    """The indexes of ``items`` (a folder index's `DatasetItem`, one a row of the file list) on the test list the
    folder's layout declares (a VOC devkit's ImageSets/Main/test.txt, Oxford's annotations/test.txt: split "test",
    as the index resolves it, `core.layout_split_lists.mark_test_images`), which every run of the window holds
    out (`model.layout_test_split`): boxes there train nothing, so the new-classes bar counts none of them."""
    return [index for index, item in enumerate(items) if getattr(item, "split", None) == "test"]


def _add(counts: dict[str, int], key: str, step: int) -> None:
    value = counts.get(key, 0) + step
    if value:
        counts[key] = value
    else:
        del counts[key]
