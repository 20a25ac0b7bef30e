"""The review queue kept in order as images change, one image re-placed at a time (pure logic, no Qt).

A full sort of every image by (`review_queue.sort_key`, index): at 20,000 images that is ~0.1 s of
queue entries and ~0.1 s of sorting, and the file list did it after every change of any row (a visit re-reads the
image's annotation; each prediction arriving in the background), freezing the window 0.2-0.6 s each
time. Here each image's sort key is kept, and an image whose key changes is taken out of a sorted
list and put back in with bisect: the order is the one that full sort gives (key, then the image's
index: the list's name order), at the cost of one image.

An image can be *held* at a place (the one being edited, `FileListModel.hold`): the others are
ordered around it, as that full sort followed by a move of the held image would.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator
from typing import Any

SortKey = tuple[Any, ...]  # `review_queue.sort_key`'s


class QueueOrder:
    """Items 0..n-1 sorted by (key, item), each re-placed as its key changes."""

    def __init__(self, keys: Iterable[SortKey]) -> None:
        self._keys: list[tuple[SortKey, int]] = [(key, item) for item, key in enumerate(keys)]
        self._sorted = sorted(self._keys)
        self._held: tuple[int, int] | None = None  # (item, its place while held)

    def __len__(self) -> int:
        return len(self._keys)

    def place(self, item: int, key: SortKey) -> bool:
        """Give ``item`` its key of now; True when that changed it (and so, maybe, the order)."""
        old, new = self._keys[item], (key, item)
        if new == old:
            return False
        at = bisect_left(self._sorted, old)
        if at >= len(self._sorted) or self._sorted[at] is not old:
            # a key that does not order (a NaN in it) may stand where bisect does not look: found by identity
            at = next(i for i, entry in enumerate(self._sorted) if entry is old)
        del self._sorted[at]
        insort(self._sorted, new)
        self._keys[item] = new
        return True

    def position(self, item: int) -> int:
        """``item``'s place by its key alone (0 = first), whatever is held."""
        return bisect_left(self._sorted, self._keys[item])

    @property
    def held(self) -> int | None:
        return self._held[0] if self._held is not None else None

    @property
    def held_place(self) -> int | None:
        return self._held[1] if self._held is not None else None

    def hold(self, item: int, place: int | None = None) -> None:
        """Keep ``item`` at ``place`` (by default the one its key gives it now), whatever its key becomes,
        until `release`."""
        self._held = (item, self.position(item) if place is None else place)

    def release(self) -> bool:
        """Order the held item by its key again; True when one was held."""
        was_held, self._held = self._held is not None, None
        return was_held

    def walk(self) -> Iterator[int]:
        """The items in queue order, the held one at its place (past the end: last)."""
        if self._held is None:
            for _key, item in self._sorted:
                yield item
            return
        held, place = self._held
        count, placed = 0, False
        for _key, item in self._sorted:
            if item == held:
                continue
            if count == place:
                yield held
                placed = True
            yield item
            count += 1
        if not placed:
            yield held

    def items(self) -> list[int]:
        """The items in queue order (`walk`), as a list."""
        if self._held is None:
            return [item for _key, item in self._sorted]
        return list(self.walk())

    def ranks(self) -> list[int]:
        """``ranks[item]`` = its place in the queue (0 = first)."""
        ranks = [0] * len(self._keys)
        for place, item in enumerate(self.items()):
            ranks[item] = place
        return ranks

    def first_shown(self, wanted: Callable[[int], bool], shown: Callable[[int], bool]) -> tuple[int | None, int]:
        """The first item in queue order that is both ``wanted`` and ``shown`` (or None), and how many ``wanted``
        items before it are not ``shown``: as far down as that item, the whole queue only when none is shown."""
        passed = 0
        for item in self.walk():
            if wanted(item):
                if shown(item):
                    return item, passed
                passed += 1
        return None, passed
