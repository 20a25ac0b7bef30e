"""Which image and box typing in the Label box is for (`label_box.LabelBox`): Enter applies it to that box only."""

from __future__ import annotations

from dataclasses import dataclass

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.voc_types import VocObject


@dataclass(frozen=True, eq=False)
class BoxShown:
    """The image shown and its selected box, which typed text is for: the row and document (one read again
    from disk is another image), the box's place and the box itself (replaced by Accept, put back by Undo:
    a toolbar button leaves the keyboard in the Label box, and the typing was for the box as it was)."""

    row: int | None
    doc: ImageDocument | None
    place: int
    box: VocObject | None

    def same_as(self, other: BoxShown | None) -> bool:
        return (other is not None and self.doc is other.doc and self.row == other.row and self.place == other.place
                and self.box == other.box)
