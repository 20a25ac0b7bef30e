"""A right- or middle-drag pans as far as the mouse went, however small its steps.

At a display scale of 1.5 the mouse reports positions in steps of 2/3 of a logical pixel: each step's move was cut
to whole pixels (0) and the next measured from the mouse's new place, so a slow hand panned nothing (1-pixel screen
moves: 0 px over a 120 px drag; 2-pixel moves: 90 of 120). The pan now scrolls whole pixels and keeps the rest of
each move for the next.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from petloc_gui.ui.canvas.box_canvas import ZOOM_STEP, BoxCanvas
from petloc_gui.ui.canvas.zoom_anchor import viewport_to_scene

from .one_pane import shown_pane
from .test_pan_after_zoom_stops_at_the_picture import _right_drag


def _top_edge(pane: BoxCanvas) -> float:
    """Screen pixels from the picture's top to the viewport's top (scroll values are renumbered by a pan's trim)."""
    return viewport_to_scene(pane, QPointF(0, 0)).y() * pane.transform().m11()


@pytest.mark.parametrize("step", [0.5, 2 / 3, 1.0, 4 / 3])
def test_a_slow_drag_pans_as_far_as_the_mouse_went(qtbot, step):
    pane = shown_pane(qtbot, (350, 600), (600, 400))
    for _ in range(6):
        pane.zoom_by(ZOOM_STEP, QPointF(175, 300))  # the picture taller than the pane: room to pan both ways
    before = _top_edge(pane)
    _right_drag(pane, [-step] * round(60 / step))  # 60 px up: the picture goes up with the hand
    assert _top_edge(pane) - before == pytest.approx(60, abs=1)
    _right_drag(pane, [step] * round(60 / step))  # and back
    assert _top_edge(pane) == pytest.approx(before, abs=1)
