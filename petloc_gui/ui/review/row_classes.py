"""The classes on the file list's rows: each row's boxes, the labels in use and the boxed images per class.

Mixed into `FileListModel`, whose per-item lists it reads; the counts are kept as rows change
(`app.class_tally`), each row's share taken out before it changes and put back after, not counted over
every row at each question (10-40 ms each at 20,000 images, several per burst of changes). The rows of the
folder's test list, once told (`hold_out`), are counted apart as well, in the same shares: the new-classes bar
leaves them out, and taking their shares at each of its counts cost 66 ms a count (2,000 of 20,000 rows).
"""

from __future__ import annotations

from collections.abc import Iterable

from petloc_gui.app.class_tally import ClassTally, RowShare
from petloc_gui.app.image_document import STATUS_PRELABEL
from petloc_gui.core.boxes import Box
from petloc_gui.core.scored_objects import labelled


class RowClasses:
    """`FileListModel`'s answers about classes, from its lists (set by the model)."""

    gt_name: list[str | None]
    gt_box: list[Box | None]
    gt_objects: list[list[tuple[str, Box]]]
    status: list[str]
    gone: frozenset[int]
    tally: ClassTally
    # the rows on the folder's test list (`hold_out`); None until told. Each row's share says whether it is one
    test_rows: frozenset[int] | None = None

    def _objects(self, row: int) -> list[tuple[str, Box]]:
        if self.gt_objects[row]:
            return self.gt_objects[row]
        box = self.gt_box[row]
        return [(self.gt_name[row] or "", box)] if box is not None else []

    def _share(self, item: int) -> RowShare:
        """What the item adds to `box_counts` and `labels_in_use` (`ClassTally`): its class, its primary box's
        (the one a run learns, `ImageDocument.primary`), when that holds a label a run can use
        (`core.scored_objects.labelled`): a box labelled "\u200b" alone, its primary as the box to label, was
        counted a class "\u200b" that training never learns."""
        counted = labelled(self.gt_name[item] or "") and item not in self.gone
        boxes = tuple(n for n, _box in self._objects(item) if labelled(n)) if counted else ()
        return RowShare(self.gt_name[item] if counted else None, self.status[item] != STATUS_PRELABEL, boxes,
                        frozenset(self.labels_of(item)), self.test_rows is not None and item in self.test_rows)

    def hold_out(self, items: Iterable[int]) -> None:
        """``items``: the rows on the folder's test list (`app.class_tally.items_on_test_list`), counted apart from
        now on (`box_counts`' ``test_list``, `test_list_counts`); told once per folder, while `test_rows` is None
        (`ui.models.new_classes_bar`, at its first count), as they change only when it is read again (a new
        session, a new list). The counts of every row are the same: no change is said."""
        rows = frozenset(items)
        shares = {item: self._share(item) for item in rows}  # taken out, put back on the list
        self.test_rows = rows
        for item in rows:
            self.tally.replace(shares[item], self._share(item))

    def labels_of(self, item: int) -> set[str]:
        """The labels on the item's boxes, as the list knows them now (saved or edited)."""
        primary = self.gt_name[item]
        return {name for name, _box in self.gt_objects[item] if name} | ({primary} if primary else set())

    def labels_in_use(self) -> set[str]:
        """The labels on any box of the folder, as the list knows them now (saved or edited)."""
        return self.tally.labels()

    def box_counts(self, reviewed_only: bool = False, every_box: bool = False, test_list: bool = True
                   ) -> dict[str, int]:
        """Boxed images per class as the list knows them now (saved and edited), less those gone; ``reviewed_only``:
        less unreviewed pre-labels (a person's images, as training counts them); ``every_box``: boxes per class,
        each box of an image (as app.model_choice weighs a folder's); ``test_list``: False, less the rows on the
        folder's test list (`hold_out`). Kept as rows change (`ClassTally`)."""
        return self.tally.counts(reviewed_only, every_box, test_list)

    def test_list_counts(self) -> dict[str, int]:
        """Boxed images per class on the folder's test list (`hold_out`; none before), as `box_counts` counts."""
        return self.tally.test_list_counts()

