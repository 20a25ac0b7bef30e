"""Which parsed annotation documents stay in memory (`AnnotationStore`'s, by image index).

One that holds more than its file (edits, a save or its failure, news of another program) is
kept for the session, so edits survive moving between images; so is any still held elsewhere
(the image on screen, the commands of its undo stack: Ctrl+Z must find the very document it
edits when the image is back). The others are let go once `KEEP_RECENT` images have been opened
since, and read again from their files when shown again: keeping one per image ever shown piled
up a parsed document per image over a pass through a big folder.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict

from petloc_gui.app.image_document import ImageDocument

# Documents of the images opened last, kept however untouched: going back and forth reads no file.
KEEP_RECENT = 8


def holds_more_than_its_file(doc: ImageDocument) -> bool:
    """Whether reading ``doc``'s file again would lose something: its edits, that it was saved in
    this session (its row reads "saved"), a save's failure, the news that another program changed
    its file or its image, its image's decoding error, a link the user agreed to save through."""
    return bool(doc.dirty or doc.saved_in_session or doc.save_error or doc.external_change is not None
                or doc.image_change or doc.image_error or doc.link_target_allowed)


class KeptDocuments:
    """The documents alive, by image index; `keep` each one as it is opened."""

    def __init__(self) -> None:
        self._kept: dict[int, ImageDocument] = {}  # the last opened, and those holding more than their file
        self._recent: OrderedDict[int, None] = OrderedDict()
        # every document alive: the kept ones, and others still held elsewhere
        self._alive: weakref.WeakValueDictionary[int, ImageDocument] = weakref.WeakValueDictionary()

    def get(self, index: int) -> ImageDocument | None:
        """Image ``index``'s document if one is alive (kept, or held elsewhere)."""
        return self._alive.get(index)

    def keep(self, index: int, doc: ImageDocument) -> None:
        """``doc`` is image ``index``'s, opened now; the one opened `KEEP_RECENT` images ago is let go
        unless it holds more than its file (it stays alive, the same, while anything else holds it)."""
        self._alive[index] = doc
        self._kept[index] = doc
        self._recent[index] = None
        self._recent.move_to_end(index)
        while len(self._recent) > KEEP_RECENT:
            oldest, _ = self._recent.popitem(last=False)
            if not holds_more_than_its_file(self._kept[oldest]):
                del self._kept[oldest]

    def items(self) -> list[tuple[int, ImageDocument]]:
        """(index, document) of every document alive."""
        return list(self._alive.items())
