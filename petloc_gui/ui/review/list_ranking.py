"""The file list's review-queue order, kept as rows change (`app.queue_order`), shown in batches.

Each row's sort key is worked out when one of its facts changes; a row whose key stays the same (a visit
re-reads the image's annotation: nothing new) changes nothing. One whose key changes is re-placed in the
kept order at once, so "next to review" (N) reads the order of now from it without a re-sort; the
list's rows follow at most every RERANK_MS, one layout change for a burst of predictions.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from petloc_gui.app import review_queue
from petloc_gui.app.image_document import STATUS_ERROR, STATUS_PRELABEL, STATUS_VERIFIED
from petloc_gui.app.queue_order import QueueOrder, SortKey
from petloc_gui.core.boxes import Box

RERANK_MS = 250  # the list's rows move at most this often under the user


class RowFacts(Protocol):
    """What the ranking reads of the file list's rows (`FileListModel`)."""

    names: list[str]
    status: list[str]
    gt_name: list[str | None]
    gt_box: list[Box | None]
    verified: list[bool]
    pred_label: list[str | None]
    pred_conf: list[float | None]
    pred_box: list[Box | None]
    pred_errors: list[str | None]
    iou: list[float | None]
    gone: frozenset[int]

    def _disagrees(self, row: int) -> bool: ...


def _verified(rows: RowFacts, row: int) -> bool:
    """The row's annotation is verified (its flag, or the status the list shows): the queue ranks it last
    and N passes it by."""
    return rows.verified[row] or rows.status[row] == STATUS_VERIFIED


def left_to_review(rows: RowFacts, row: int, skip: Container[int]) -> bool:
    """Whether N (`listed_queue`) may go to ``row``: not verified, not gone, not in ``skip`` (the images
    visited in this review pass)."""
    return not (row in skip or row in rows.gone or _verified(rows, row))


def queue_entry(rows: RowFacts, row: int) -> review_queue.QueueEntry:
    """What the review queue knows of one row."""
    return review_queue.QueueEntry(
        name=rows.names[row],
        has_gt=rows.gt_box[row] is not None,
        has_prediction=rows.pred_box[row] is not None,
        iou=rows.iou[row],
        labels_agree=None if not rows.gt_name[row] or not rows.pred_label[row] else not rows._disagrees(row),
        confidence=rows.pred_conf[row],
        verified=_verified(rows, row),
        prelabel=rows.status[row] == STATUS_PRELABEL,
        gone=row in rows.gone,
        error=rows.status[row] == STATUS_ERROR or (rows.pred_errors[row] is not None and rows.pred_box[row] is None),
    )


class ListRanking(QObject):
    """The rows' queue order (built on first need, then kept row by row) and when the list shows it.

    ``reorder`` re-lays the list's rows from `items` (called at most every RERANK_MS while ``shown``).
    """

    def __init__(self, rows: RowFacts, reorder: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._reorder = reorder
        self._order: QueueOrder | None = None  # None until asked: a folder sorted by name may never need it
        self.shown = False  # the list is in review order (`show`)
        self.stale = False  # the kept order moved since the list's rows were laid out
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RERANK_MS)
        self._timer.timeout.connect(self.update)

    def entry(self, row: int) -> review_queue.QueueEntry:
        """What the review queue knows of ``row`` now (`queue_entry`)."""
        return queue_entry(self._rows, row)

    def _key(self, row: int) -> SortKey:
        return review_queue.sort_key(queue_entry(self._rows, row))

    def order(self) -> QueueOrder:
        """The kept order, built from every row the first time (20,000 rows: ~0.1 s, once)."""
        if self._order is None:
            self._order = QueueOrder(self._key(row) for row in range(len(self._rows.names)))
        return self._order

    def row_changed(self, row: int) -> None:
        """A fact of ``row`` changed: re-placed if its key did."""
        if self._order is not None and self._order.place(row, self._key(row)):
            self.moved()

    def rows_reset(self) -> None:
        """Facts of many rows changed at once, not row by row (predictions cleared): built anew when asked."""
        held = (self._order.held, self._order.held_place) if self._order is not None else (None, None)
        self._order = None
        if held[0] is not None:
            self.order().hold(held[0], held[1])  # it stays where the user sees it
        self.moved()

    def moved(self) -> None:
        """The order may have changed: the list's rows follow at the next batch."""
        self.stale = True
        if self.shown and not self._timer.isActive():
            self._timer.start()

    def update(self) -> None:
        """Lay the list's rows out in the order of now, if it moved (at once, not at the timer)."""
        self._timer.stop()
        if self.stale and self.shown:
            self._reorder()  # clears ``stale`` (`laid_out`)

    def laid_out(self) -> None:
        """The list's rows were just laid out from `items`."""
        self.stale = False

    def show(self, shown: bool) -> None:
        """The list in review order or not. Name order releases the held row: its queue place is what kept it
        listed while edited, and in name order it stayed listed under a filter it did not match."""
        self.shown = shown
        if not shown:
            self.release()

    @property
    def held(self) -> int | None:
        return self._order.held if self._order is not None else None

    def hold(self, row: int) -> None:
        if not self.shown or self.held == row:
            return
        self.release()
        self.update()  # the list as it was until now, the held row's place in it
        self.order().hold(row)

    def release(self) -> None:
        if self._order is not None and self._order.release():
            self.moved()

    def items(self) -> list[int]:
        return self.order().items()

    def ranks(self) -> list[int]:
        return self.order().ranks()
