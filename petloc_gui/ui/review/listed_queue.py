"""N / Space: the next image to review among the rows the image list shows (its search and status filter).

The queue (`ListRanking`'s kept order) holds every image; the list's filters hide some. D walks the list's
rows, but N asked the queue alone and jumped to an image the filter hid (the counter then read "hidden by the
filter"), and a user who filters on "no annotation" to work through those images was taken out of them.
Here the queue is read in its kept order and each image left to review is asked whether the list shows it (its
view row: one look-up), down to the first one shown: no re-sort, and the whole queue read only when the
filter hides every image left, which N then says instead of moving: `STAY`, on which the window does nothing
(it showed the image again, its box selection back on the first box).

That line stays `HIDDEN_SAID_MS` while it holds: a change of the list's search or status filter that makes it
untrue (it advised "clear the search" after the search was cleared) takes it off the status line
(`HiddenSaidWatch`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QStatusBar

from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.ui.review.file_list_dock import FileListDock
from petloc_gui.ui.review.list_ranking import left_to_review

HIDDEN_SAID_MS = 10000


class Stay(Enum):
    """N's answer when the list's filters hide every image left to review (said): stay on what is shown, or
    on nothing if nothing is; not "the image shown" (shown again, it lost its box selection), not None (the
    pass is done: said so, and every image seen in it listed as new)."""

    STAY = "stay"


STAY = Stay.STAY


@dataclass(frozen=True)
class ListedNext:
    """The next image to review the list shows, and the images left to review its filters hide."""

    row: int | None  # None: the list shows none left to review
    hidden: int  # left to review and hidden, above ``row`` in the queue (all of them when ``row`` is None)


def next_listed(rows: FileListModel, skip: set[int]) -> ListedNext:
    """The first image in queue order not verified, not gone, not in ``skip`` that the list shows now."""
    row, hidden = rows.ranking.order().first_shown(lambda row: left_to_review(rows, row, skip),
                                                   lambda row: rows.view_row(row) >= 0)
    return ListedNext(row, hidden)


def hidden_text(hidden: int, to_list_all: str) -> str:
    """What N says when the list's filters hide every image left to review (``to_list_all``: how to show them)."""
    images = "image" if hidden == 1 else "images"
    how = f"; {to_list_all} to see {'it' if hidden == 1 else 'them'}" if to_list_all else ""
    return f"No image left to review in the list: the filter hides {hidden:,} {images} left{how}."


def done_text(gone: bool) -> str:
    """What N says when no image is left to review in the pass (``gone``: deleted images were passed by)."""
    deleted = " (deleted images passed by: F5 reloads the list)" if gone else ""
    return f"Review queue done: every image is verified or was visited{deleted}."


def next_to_review(rows: FileListModel, visited: Iterable[int], current: int | None, to_list_all: Callable[[], str],
                   say: Callable[[str, int], None]) -> int | Stay | None:
    """The image N shows: the next to review among those the list shows and not ``visited`` this pass; `STAY`
    when the filters hide every image left, which ``say`` tells (with ``to_list_all()``); None when none is left
    (the pass is done)."""
    rows.update_ranks()  # the list's rows as ranked now, as N's image is
    skip = set(visited)
    if current is not None:
        skip.add(current)
    found = next_listed(rows, skip)
    if found.row is None and found.hidden:
        said = hidden_text(found.hidden, to_list_all())
        say(said, HIDDEN_SAID_MS)
        HiddenSaidWatch.start(rows, said, skip, to_list_all)
        return STAY
    return found.row


class HiddenSaidWatch(QObject):
    """Takes N's line on the images the filter hides (``said``) off the status line once a change of the list
    (its search, its status filter, the rows it shows: `FileListDock.order_changed`) makes it untrue: another
    count, other advice, or an image left to review listed. It watches while the line shows, no longer."""

    def __init__(self, dock: FileListDock, rows: FileListModel, bar: QStatusBar, said: str, skip: set[int],
                 to_list_all: Callable[[], str]) -> None:
        super().__init__(dock)  # (gone with the list's dock)
        self._dock, self._rows, self._bar = dock, rows, bar
        self._said, self._skip, self._to_list_all = said, set(skip), to_list_all
        self._watching = True
        # the search text and status filter too: a change that lists no other row emits no order_changed, and
        # the advice ("clear the search") may no longer be the way
        for changed in (dock.order_changed, dock.search.textChanged, dock.status_filter.currentIndexChanged):
            changed.connect(self._look)
        bar.messageChanged.connect(self._message_changed)

    @classmethod
    def start(cls, rows: FileListModel, said: str, skip: set[int], to_list_all: Callable[[], str]) -> None:
        """Watch ``said``, just said for ``rows``, in the window that lists them (none: nothing to watch)."""
        dock = rows.parent()  # (`FileListDock.set_source`)
        if not isinstance(dock, FileListDock) or not isinstance(window := dock.parentWidget(), QMainWindow):
            return
        for earlier in dock.findChildren(cls):  # N pressed again: one watch, of the line said last
            earlier.stop()
        cls(dock, rows, window.statusBar(), said, skip, to_list_all)

    def _message_changed(self, text: str) -> None:
        if text != self._said:  # its time ran out, or another line replaced it
            self.stop()

    def _look(self, *_args: object) -> None:
        if not self._watching or self._bar.currentMessage() != self._said:
            self.stop()
            return
        if self._dock.model is self._rows:  # (another folder's list: the line was about one gone)
            found = next_listed(self._rows, self._skip)
            if found.row is None and found.hidden and hidden_text(found.hidden, self._to_list_all()) == self._said:
                return  # still true
        self._bar.clearMessage()
        self.stop()

    def stop(self) -> None:
        self._watching = False
        self.deleteLater()  # (its connections go with it)
