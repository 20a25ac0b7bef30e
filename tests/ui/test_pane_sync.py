"""`PaneSync` keeps the ground-truth and prediction panes at one zoom and spot, through `BoxCanvas`'s
own `fits_on_resize` and `follow` (it set the pane's private refit flag itself)."""

from __future__ import annotations

import pytest

from .two_panes import two_panes


@pytest.fixture
def panes(qtbot):
    """Two side-by-side panes in the layout's own margins, each showing a 400x300 picture."""
    with two_panes(qtbot, (800, 400), (400, 300), flush=False) as shown:
        yield shown


def test_a_zoomed_pane_is_followed_and_the_follower_keeps_that_view_when_resized(qtbot, panes):
    left, right, _sync = panes
    assert left.fits_on_resize and right.fits_on_resize  # fitted, each to itself
    left.zoom_by(2.0)
    assert not left.fits_on_resize
    assert right.transform() == left.transform()  # the same zoom
    assert not right.fits_on_resize  # it follows the zoomed pane now
    followed = right.transform()
    right.resize(right.width() - 60, right.height() - 40)
    qtbot.wait(10)
    assert right.transform() == followed  # not fitted again by the resize: that would undo the zoom


def test_follow_shows_the_other_panes_view_and_a_fit_ends_it(qtbot, panes):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QTransform

    left, right, _sync = panes
    right.follow(QTransform.fromScale(3.0, 3.0), QPointF(100, 80))
    assert right.transform().m11() == pytest.approx(3.0) and not right.fits_on_resize
    center = right.mapToScene(right.viewport().rect().center())
    assert abs(center.x() - 100) < 2 and abs(center.y() - 80) < 2
    assert left.transform() == right.transform()  # the view moved: the other pane is mirrored in turn
    right.fit()
    assert right.fits_on_resize
    fitted = right.transform()
    right.resize(right.width() - 100, right.height())
    qtbot.wait(10)
    assert right.transform().m11() < fitted.m11()  # fitted again to its new, narrower size
