"""A box's label tag does not hide its box, zoomed out to the least.

At the zoom-out limit (an eighth of the fit) a photo in a pane of a window at a display scale of 1.5 was about 45 x 30
screen pixels; the tag, 16 pixels high whatever the zoom, found no room above the box and went inside it: a "c…" as
large as the photo over the box, out of sight (a hunt's find under Xvfb). A tag that would hide nearly all its box is
left out (`box_tag.HIDDEN_SHARE`) where it fits nowhere else; with room, it is drawn as before: above the box, inside
its top, or below a small box at the photo's top.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import ZOOM_STEP, BoxCanvas
from petloc_gui.ui.canvas.box_item import BoxItem
from petloc_gui.ui.canvas.box_tag import HIDDEN_SHARE
from petloc_gui.ui.canvas.zoom_anchor import LEAST_OF_FIT

from .one_pane import shown_pane

PICTURE = (500, 375)  # Abyssinian_201's size
BOX = Box(125, 93.75, 250, 187.5)  # a quarter to a half of it, as the hunt's annotation


def _zoomed_out_to_the_least(pane: BoxCanvas) -> None:
    fit = pane.transform().m11()
    for _ in range(30):
        pane.zoom_by(1 / ZOOM_STEP)
    assert pane.transform().m11() == pytest.approx(fit * LEAST_OF_FIT, rel=0.02)


def _shown_area(item: BoxItem) -> float:
    """The share of the box's rectangle its tag leaves in sight."""
    rect = item.rect()
    tag = item._tag(item._scale())
    covered = tag[0].intersected(rect) if tag is not None else QRectF()
    return 1 - covered.width() * covered.height() / (rect.width() * rect.height())


@pytest.mark.parametrize("selected", [-1, 0])
def test_at_the_least_zoom_the_tag_leaves_the_box_in_sight(qtbot, selected):
    pane = shown_pane(qtbot, (300, 250), PICTURE)
    pane.set_boxes([(BOX, "cat")], selected)
    _zoomed_out_to_the_least(pane)
    [item] = pane.box_items()
    on_screen = pane.mapFromScene(item.rect()).boundingRect()
    assert on_screen.width() < 12 and on_screen.height() < 10  # (the hunt's few pixels: the picture ~37 x 28)
    assert _shown_area(item) >= 1 - HIDDEN_SHARE, f"the tag {item._tag(item._scale())} hides the box {item.rect()}"
    assert item.boundingRect().contains(item.rect())


def test_at_the_fit_the_tag_is_drawn_above_the_box(qtbot):
    pane = shown_pane(qtbot, (300, 250), PICTURE)
    pane.set_boxes([(BOX, "cat")], -1)
    [item] = pane.box_items()
    where, text = item._tag(item._scale())
    assert text == "cat" and where.bottom() == pytest.approx(BOX.ymin)


def test_a_big_box_at_the_top_keeps_its_tag_inside_it(qtbot):
    pane = shown_pane(qtbot, (300, 250), PICTURE)
    pane.set_boxes([(Box(100, 0, 400, 300), "cat")], -1)
    [item] = pane.box_items()
    where, text = item._tag(item._scale())
    assert text == "cat" and where.top() == 0 and _shown_area(item) > 0.9


@pytest.mark.parametrize("box", [Box(100, 0, 124, 20), Box(480, 0, 500, 20)], ids=["24x20", "at-the-right-edge"])
def test_a_small_box_at_the_top_of_the_photo_shows_its_tag_below_it(qtbot, box):
    # no room above it, and inside it the tag would hide it: at a plain zoom there is room below it, in the photo (the
    # tag was left out, as though zoomed out to the least)
    pane = shown_pane(qtbot, (600, 450), PICTURE)
    pane.set_boxes([(box, "cat")], -1)
    pane.zoom_by(1 / pane.transform().m11())
    assert pane.transform().m11() == pytest.approx(1)
    [item] = pane.box_items()
    tag = item._tag(item._scale())
    assert tag is not None, f"no tag for the box {item.rect()}"
    where, text = tag
    assert text == "cat" and where.top() == pytest.approx(box.ymax)
    assert QRectF(0, 0, *PICTURE).contains(where) and _shown_area(item) == 1
    assert item.boundingRect().contains(where)
