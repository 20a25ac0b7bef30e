"""The file list's answers about its review queue: the order and the held row (N's image: `listed_queue`).

Mixed into `FileListModel`, whose `ListRanking` (``ranking``) keeps the order row by row; the window asks
the list, not its parts. Holding an image keeps it at its queue place while the user edits it (re-ranked
at once it would jump under the user, and stepping on down the list would skip every row it jumped over).
"""

from __future__ import annotations

from petloc_gui.app import review_queue
from petloc_gui.ui.review.list_ranking import ListRanking


class RankedRows:
    """`FileListModel`'s review-queue questions, from its ``ranking`` (set by the model)."""

    names: list[str]
    ranking: ListRanking

    def queue_entry(self, row: int) -> review_queue.QueueEntry:
        # (the ranking reads the model's rows: this mixin has none of the facts `RowFacts` names)
        return self.ranking.entry(row)

    def queue_entries(self) -> list[review_queue.QueueEntry]:
        return [self.queue_entry(r) for r in range(len(self.names))]

    @property
    def review_order(self) -> bool:
        return self.ranking.shown

    @property
    def ranks(self) -> list[int]:
        """``ranks[item]``: its place in the review queue (0 = first), as of now."""
        return self.ranking.ranks()

    @property
    def held(self) -> int | None:
        """The item kept at its queue position (the image being edited), or None."""
        return self.ranking.held

    def hold(self, item: int) -> None:
        """Keep ``item`` at its queue position, whatever changes, until `release`; the other items
        are ranked around it. Call it before changing the item. Only in review order: in name order
        nothing moves (and name order chosen releases it)."""
        self.ranking.hold(item)

    def release(self) -> None:
        """Rank the held item by what it is now again (it moves to its place at the next re-rank)."""
        self.ranking.release()

    def update_ranks(self) -> None:
        """Show the rows in the review-queue order of now (else done at most every `RERANK_MS`)."""
        self.ranking.update()
