"""Where boxes overlap, which one a press takes, and the order they are drawn in.

A press on the selected box's handles is its own (they stick out over the boxes round it); anywhere else the
smaller box takes it over the bigger (one inside another can be reached only in it), then the selected one, then
the later in the list (drawn over the earlier, as when every box stood at one height). The pane asks `box_under`
whether a press draws or goes to a box, and each box asks it too (`BoxItem.press_for`): the scene offers the press to
the boxes under it from the highest down, and a box it is not for lets it go on down to the one it is for; the box
under the mouse shows the cursor of the one a press goes to (`box_cursor`). The selected box first for every point
took each press inside a smaller box in it: a click there did not select the small box, a drag moved the big one.
An unselected box is hit only within its shape (`BoxItem.hit_part`: its handles are neither drawn nor grabbed): inside
it, or, for a box smaller than a drawn handle, a handle's size round its middle (`BoxItem.shape`); so the box round a
point comes before a smaller one beside it: the small box's hidden handle just outside it, ranked by its size,
resized it where the cursor showed the selected box round it to move.

`stack` raises the selected box over the rest (its handles are drawn over them, and the cursor shows what they do),
then the smaller over the bigger, then the later; a height cannot follow the point, so the presses are routed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF

from petloc_gui.ui.canvas.box_item import EDITABLE_Z, SHOWN_Z, BoxItem

_STACK_SPAN = 0.5  # the heights `stack` adds to a box's own (an editable one stays over the read-only dashed ones)


def _area(item: BoxItem) -> float:
    rect = item.rect()
    return rect.width() * rect.height()


def box_under(items: Sequence[BoxItem], scene_pos: QPointF) -> BoxItem | None:
    """The box a press at ``scene_pos`` moves or resizes (None: none is there, the press draws)."""
    parts = [(item, item.hit_part(scene_pos)) for item in items]
    hits = [item for item, part in parts if part is not None]
    on_handle = [item for item, part in parts if item.selected and isinstance(part, int)]
    if on_handle:
        return on_handle[0]
    return max(hits, key=lambda item: (-_area(item), item.selected, item.index)) if hits else None


def stack(items: Sequence[BoxItem]) -> None:
    """Raise each box by its place: the selected one, then the smaller, then the later (the scene draws them, and
    offers them presses and hovers, in that order)."""
    ranked = sorted(items, key=lambda item: (item.selected, -_area(item), item.index))
    for rank, item in enumerate(ranked):
        item.setZValue((EDITABLE_Z if item.editable else SHOWN_Z) + _STACK_SPAN * rank / len(ranked))
