"""A pane in words, for screen readers: a picture with nothing said of it is silence to them."""

from __future__ import annotations

from petloc_gui.core.text import visible
from petloc_gui.ui.canvas.box_item import BoxItem


def pane_said(items: list[BoxItem], ghosts: list[BoxItem], message: str) -> str:
    """What a pane shows: its boxes (``items``), the overlaid predictions (``ghosts``), its message."""
    parts = [box_said(item) for item in items]
    parts += [f"overlaid prediction {box_said(item)}" for item in ghosts]
    if message:
        parts.append(visible(message))
    return "; ".join(parts) if parts else "no box"


def box_said(item: BoxItem) -> str:
    """One box in words: "cat, x 10 to 110, y 20 to 80 (100 by 60 pixels), selected"."""
    box = item.box()
    where = (f"x {box.xmin:.0f} to {box.xmax:.0f}, y {box.ymin:.0f} to {box.ymax:.0f} "
             f"({box.width:.0f} by {box.height:.0f} pixels)")
    said = f"{item.label or 'unlabelled'}, {where}"
    return said + (", selected" if item.selected else "")
