"""A Ctrl+wheel step moves the pane beside once, to the finished view (`BoxCanvas.zoom_by`, `PaneSync`).

`zoom_anchor.place` sets the scene rect and the two scroll bars one after another, and each scroll bar's move
said `view_moved`: the pane beside followed every half-set view, 2 to 5 times a step (each follow placing its
own view again, up to four tries), before the zoom said `view_moved` itself for the finished one.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from petloc_gui.ui.canvas.box_canvas import ZOOM_STEP, BoxCanvas
from petloc_gui.ui.canvas.zoom_anchor import viewport_to_scene

from .two_panes import two_panes


@pytest.fixture
def panes(qtbot):
    """Two tall side-by-side panes (350x600 each), each showing a 600x400 picture, kept together by `PaneSync`."""
    with two_panes(qtbot, (700, 600), (600, 400)) as shown:
        yield shown


@pytest.mark.parametrize("pointer", [(100.0, 150.0), (175.0, 40.0)])
def test_each_zoom_step_moves_the_pane_beside_once(qtbot, panes, monkeypatch, pointer):
    left, right, _sync = panes
    follows: list[BoxCanvas] = []
    plain_follow = BoxCanvas.follow

    def counted_follow(pane, transform, center):
        follows.append(pane)
        plain_follow(pane, transform, center)

    monkeypatch.setattr(BoxCanvas, "follow", counted_follow)
    spot = QPointF(*pointer)
    for step in range(6):
        follows.clear()
        left.zoom_by(ZOOM_STEP if step < 4 else 1 / ZOOM_STEP, spot)
        qtbot.wait(1)  # whatever the zoom left queued
        assert len(follows) == 1, f"step {step}: the pane beside followed {len(follows)} times"
        assert follows[0] is right
        # and once is enough: the pane beside shows what the zoomed one shows
        assert right.transform() == left.transform()
        middle = QPointF(left.viewport().rect().center())
        shown, followed = viewport_to_scene(left, middle), viewport_to_scene(right, middle)
        scale = left.transform().m11()
        assert abs(shown.x() - followed.x()) * scale <= 1.5 and abs(shown.y() - followed.y()) * scale <= 1.5
