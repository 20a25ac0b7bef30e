"""Wiring of the View actions to the two panes: overlay, zoom, fit, brightness and contrast, cursor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from petloc_gui.ui.canvas.image_adjust import Adjustment
from petloc_gui.ui.canvas.image_panel import ImagePanel

# action name -> (brightness steps, contrast steps)
ADJUST_ACTIONS = {"brighter": (1, 0), "darker": (-1, 0), "more_contrast": (0, 1), "less_contrast": (0, -1)}


def cursor_text(position, size) -> str:
    """ "x 123  y 45" and, while a box is drawn, " · box 60 × 40" (image pixels; ``size``: the size the box will
    be kept at, `drawn_box.kept_size`, not the rubber band's, which could read a pixel more or less)."""
    text = f"x {position[0]:.0f}  y {position[1]:.0f}" if position is not None else ""
    if size is not None:
        text += f"{' · ' if text else ''}box {size[0]:.0f} × {size[1]:.0f}"
    return text


def connect_view_actions(act: dict[str, QAction], panel: ImagePanel, show_status: Callable[[str], None],
                         show_cursor: Callable[[str], None]) -> None:
    gt = panel.gt_pane
    state = {"position": None, "size": None}

    def adjust(brightness: int, contrast: int) -> None:
        panel.set_adjustment(panel.adjustment.stepped(brightness, contrast))
        show_status(panel.adjustment.describe() or "brightness and contrast as in the file")

    def cursor(key: str, value) -> None:
        state[key] = value
        show_cursor(cursor_text(state["position"], state["size"]))

    act["overlay"].toggled.connect(panel.set_overlay)
    act["zoom_in"].triggered.connect(lambda: gt.zoom_by(1.25))
    act["zoom_out"].triggered.connect(lambda: gt.zoom_by(0.8))
    act["fit"].triggered.connect(panel.fit)
    for name, (brightness, contrast) in ADJUST_ACTIONS.items():
        act[name].triggered.connect(lambda _=False, b=brightness, c=contrast: adjust(b, c))

    def reset_adjustment() -> None:
        panel.set_adjustment(Adjustment())
        show_status("brightness and contrast as in the file")

    act["reset_adjustment"].triggered.connect(reset_adjustment)
    gt.cursor_moved.connect(lambda position: cursor("position", position))
    gt.drawing_size.connect(lambda size: cursor("size", size))
