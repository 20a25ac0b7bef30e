"""Ctrl+wheel zoom stops at its limits: at most `MAX_ZOOM` screen pixels per image pixel, at least an eighth of the
zoom that fits the picture (`zoom_anchor.zoom_limited`), the pane beside following.

It had none: 45 notches zoomed a picture 17,900 times; after about 70 the scroll values passed what an int holds,
each further notch an OverflowError, the ground-truth pane grey. Zoomed out, a 400 px picture went down to 5 px,
under its boxes' tags.
"""

from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import QPointF

from petloc_gui.ui.canvas.box_canvas import ZOOM_STEP
from petloc_gui.ui.canvas.zoom_anchor import MAX_ZOOM, viewport_to_scene

from .two_panes import two_panes

_FIT_SHARE = 1 / 8


@pytest.fixture
def panes(qtbot):
    """Two 400x400 panes, each showing a 400x400 picture (fitted: about one screen pixel per image pixel)."""
    with two_panes(qtbot, (800, 400), (400, 400)) as shown:
        yield shown


def test_eighty_notches_in_stop_at_the_most_and_keep_the_point(qtbot, panes):
    left, right, _sync = panes
    spot = QPointF(150, 250)
    under = viewport_to_scene(left, spot)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # (shiboken said its overflow as a RuntimeWarning first)
        for _ in range(80):
            left.zoom_by(ZOOM_STEP, spot)
    assert left.transform().m11() == pytest.approx(MAX_ZOOM)
    assert right.transform().m11() == pytest.approx(MAX_ZOOM)  # the pane beside followed
    held = viewport_to_scene(left, spot)
    assert abs(held.x() - under.x()) * MAX_ZOOM <= 1 and abs(held.y() - under.y()) * MAX_ZOOM <= 1
    left.zoom_by(1 / ZOOM_STEP, spot)  # a notch back takes one step at once
    assert left.transform().m11() == pytest.approx(MAX_ZOOM / ZOOM_STEP)


def test_eighty_notches_out_stop_at_an_eighth_of_the_fit(qtbot, panes):
    left, right, _sync = panes
    fitted = left.transform().m11()
    for _ in range(80):
        left.zoom_by(1 / ZOOM_STEP, QPointF(200, 200))
    least = left.transform().m11()
    assert least == pytest.approx(fitted * _FIT_SHARE, rel=0.02)
    assert right.transform().m11() == pytest.approx(least)
    left.zoom_by(ZOOM_STEP, QPointF(200, 200))
    assert left.transform().m11() == pytest.approx(least * ZOOM_STEP)


def test_a_picture_fitted_past_the_most_zooms_out_not_in(qtbot):
    """A tiny picture fitted to a pane is already over the most: a notch in leaves it, a notch out takes it down."""
    with two_panes(qtbot, (800, 400), (4, 4)) as (left, _right, _sync):
        fitted = left.transform().m11()
        assert fitted > MAX_ZOOM
        left.zoom_by(ZOOM_STEP)
        assert left.transform().m11() == pytest.approx(fitted)
        left.zoom_by(1 / ZOOM_STEP)
        assert left.transform().m11() == pytest.approx(fitted / ZOOM_STEP)
