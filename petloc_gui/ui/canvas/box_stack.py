"""Where boxes overlap, which one a press takes, and the order they are drawn and handed presses in.

The selected box comes first (its handles stick out over the boxes round it), then the smaller box over the
bigger (one inside another can be reached only in it), then, of two as large, the later in the list (drawn over
the earlier, as when every box stood at one height). The pane asks `box_under` whether a press draws or goes to a
box, and the scene gives the press to the highest item that takes it: `stack` raises the boxes in that same order.
At one height, the box added last took every press on it, and a box inside it could not be grabbed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF

from petloc_gui.ui.canvas.box_item import EDITABLE_Z, SHOWN_Z, BoxItem

_STACK_SPAN = 0.5  # the heights `stack` adds to a box's own (an editable one stays over the read-only dashed ones)


def _precedence(item: BoxItem) -> tuple[bool, float, int]:
    """A box's rank, the greater first: the selected box, then the smaller, then the later in the list."""
    rect = item.rect()
    return item.selected, -rect.width() * rect.height(), item.index


def box_under(items: Sequence[BoxItem], scene_pos: QPointF) -> BoxItem | None:
    """The box a press at ``scene_pos`` moves or resizes (None: none is there, the press draws)."""
    hits = [item for item in items if item.hit_part(scene_pos) is not None]
    return max(hits, key=_precedence) if hits else None


def stack(items: Sequence[BoxItem]) -> None:
    """Raise each box by its precedence (`box_under`'s order): the scene hands presses and hovers to it in turn."""
    ranked = sorted(items, key=_precedence)
    for rank, item in enumerate(ranked):
        item.setZValue((EDITABLE_Z if item.editable else SHOWN_Z) + _STACK_SPAN * rank / len(ranked))
