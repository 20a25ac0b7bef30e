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
(`HiddenSaidWatch`, one per folder's list: `ListedQueue`, given the dock and the status line by the session).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

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


@dataclass(frozen=True)
class Hidden:
    """What N's line on the hidden images said of: the images passed by (``skip``), how many left the filter
    hid, and the way it gave to list them (``advice``)."""

    skip: set[int]
    count: int
    advice: str


def next_to_review(rows: FileListModel, visited: Iterable[int], current: int | None, to_list_all: Callable[[], str],
                   say: Callable[[str, int], None],
                   said: Callable[[str, Hidden], None] = lambda _said, _hidden: None) -> int | Stay | None:
    """The image N shows: the next to review among those the list shows and not ``visited`` this pass; `STAY`
    when the filters hide every image left, which ``say`` tells (with ``to_list_all()``), then ``said`` is given
    the line and what it says of (to watch it: `ListedQueue`); None when none is left (the pass is done)."""
    rows.update_ranks()  # the list's rows as ranked now, as N's image is
    skip = set(visited)
    if current is not None:
        skip.add(current)
    found = next_listed(rows, skip)
    if found.row is None and found.hidden:
        advice = to_list_all()
        line = hidden_text(found.hidden, advice)
        say(line, HIDDEN_SAID_MS)
        said(line, Hidden(skip, found.hidden, advice))
        return STAY
    return found.row


class StatusLine(Protocol):
    """The window's status line, as N's line on the hidden images uses it."""

    def show_status(self, text: str, ms: int) -> None: ...

    def clear_status_if(self, text: str) -> None:
        """Take ``text`` off the status line if it still shows it (a line said since stays)."""

    def shows_status(self, text: str) -> bool:
        """Whether the status line shows ``text`` now (not replaced by a line said since, not timed out)."""


class ListedQueue:
    """N for one folder's list (``rows``, shown by ``dock``), and the one watch of its line on the images the
    filter hides: N pressed again stops the earlier watch, its line replaced."""

    def __init__(self, rows: FileListModel, dock: FileListDock, status: StatusLine) -> None:
        self._rows, self._dock, self._status = rows, dock, status
        self._watch: HiddenSaidWatch | None = None

    def next_to_review(self, visited: Iterable[int], current: int | None) -> int | Stay | None:
        """`next_to_review` on this list, its line on the hidden images watched."""
        return next_to_review(self._rows, visited, current, self._dock.how_to_list_all, self._status.show_status,
                              self._watch_line)

    def _watch_line(self, said: str, hidden: Hidden) -> None:
        if self._watch is not None:
            self._watch.stop()
        self._watch = HiddenSaidWatch(self._dock, self._rows, self._status, said, hidden)


class HiddenSaidWatch(QObject):
    """Takes N's line on the images the filter hides (``said``) off the status line once a change of the list
    (its search, its status filter, the rows it shows: `FileListDock.order_changed`) makes it untrue: other
    advice, another count, or an image left to review listed. It watches while the line shows: no longer than
    `HIDDEN_SAID_MS`, and not once another line replaced it (`StatusLine.shows_status`: the line gone, a walk
    would take nothing off; a line said since stays, `StatusLine.clear_status_if`).

    A change looks at the advice first (the dock's own controls, no walk): changed, the line is untrue. Else
    the queue is walked once, after the changes of the moment (a keystroke in the search emits the search's
    change and the list's, walked twice: ~24 ms a keystroke at 20,000 rows with every row hidden)."""

    def __init__(self, dock: FileListDock, rows: FileListModel, status: StatusLine, said: str, hidden: Hidden) -> None:
        super().__init__(dock)  # (gone with the list's dock)
        self._dock, self._rows, self._status = dock, rows, status
        self._said, self._hidden = said, hidden
        self._watching = True
        self._walk_due = False  # a walk is queued (`_changed`)
        # the search text and status filter too: a change that lists no other row emits no order_changed, and
        # the advice ("clear the search") may no longer be the way
        for changed in (dock.order_changed, dock.search.textChanged, dock.status_filter.currentIndexChanged):
            changed.connect(self._changed)
        QTimer.singleShot(HIDDEN_SAID_MS, self, self.stop)  # the line's time is out

    def _changed(self, *_args: object) -> None:
        if not self._watching:
            return
        if not self._status.shows_status(self._said):
            self.stop()  # replaced or timed out: nothing of this line to take off
        elif self._untrue_at_a_glance():
            self._untrue()
        elif not self._walk_due:
            self._walk_due = True
            QTimer.singleShot(0, self, self._walk)

    def _untrue_at_a_glance(self) -> bool:
        """Another folder's list (the line was about one gone), or other advice to list the images."""
        return self._dock.model is not self._rows or self._dock.how_to_list_all() != self._hidden.advice

    def _walk(self) -> None:
        self._walk_due = False
        if not self._watching:
            return
        if not self._status.shows_status(self._said):
            self.stop()  # replaced since the walk was queued: no walk for a line gone
            return
        if not self._untrue_at_a_glance():
            found = next_listed(self._rows, self._hidden.skip)
            if found.row is None and found.hidden == self._hidden.count:
                return  # still true
        self._untrue()

    def _untrue(self) -> None:
        self._status.clear_status_if(self._said)
        self.stop()

    def stop(self) -> None:
        if self._watching:  # (once: its C++ side is deleted after)
            self._watching = False
            self.deleteLater()  # (its connections go with it)
