"""A click whose mouse jitters a few screen pixels between press and release is a click: on empty space it
deselects and draws no box, on a box it selects and moves nothing, however far the photo is scaled down. The
threshold is the platform's drag distance on screen (`click_or_drag`): it was 2 image pixels, 9 of them being one
screen pixel on a 4000x3000 photo at 0.11x, and a jittery click saved a box as the image's ground truth."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import MIN_DRAW_PX, BoxCanvas

from .conftest import open_and_wait
from .one_pane import shown_pane

PANE = (460, 360)
LARGE = (4000, 3000)  # shown at about 0.11x: a screen pixel is 9 image pixels
NORMAL = (520, 390)  # shown at about 0.86x
JITTERS = [QPoint(1, 1), QPoint(2, -1), QPoint(3, 3), QPoint(-3, 0), QPoint(0, 3)]


@pytest.fixture
def drag_distance_10():
    """The drag distance the tests' sizes are chosen for (the offscreen platform's; a desktop's may differ)."""
    was = QApplication.startDragDistance()
    QApplication.setStartDragDistance(10)
    yield 10
    QApplication.setStartDragDistance(was)


class Heard:
    """What a pane said: boxes drawn, boxes edited, selections."""

    def __init__(self, pane: BoxCanvas) -> None:
        self.drawn: list[Box] = []
        self.edited: list[tuple[int, Box, Box]] = []
        self.selected: list[int] = []
        pane.box_drawn.connect(self.drawn.append)
        pane.box_edited.connect(lambda index, old, new: self.edited.append((index, old, new)))
        pane.box_selected.connect(self.selected.append)


def press_move_release(pane: BoxCanvas, at: QPoint, moved: QPoint) -> None:
    """A left press at viewport point ``at``, a move by ``moved`` screen pixels and the release there (QTest's)."""
    viewport = pane.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseMove(viewport, at + moved)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at + moved)


def on_screen(pane: BoxCanvas, x: float, y: float) -> QPoint:
    """The viewport point showing image point (x, y)."""
    return pane.mapFromScene(QPointF(x, y))


@pytest.mark.parametrize("picture", [LARGE, NORMAL], ids=["large at 0.11x", "normal at 0.86x"])
@pytest.mark.parametrize("jitter", JITTERS, ids=lambda p: f"{p.x()},{p.y()}")
def test_a_jittery_click_on_empty_space_deselects_and_draws_nothing(qtbot, drag_distance_10, picture, jitter):
    pane = shown_pane(qtbot, PANE, picture)
    width, height = picture
    pane.set_boxes([(Box(width * 0.6, height * 0.6, width * 0.9, height * 0.9), "cat")], selected=0)
    heard = Heard(pane)
    press_move_release(pane, on_screen(pane, width * 0.2, height * 0.2), jitter)
    assert heard.drawn == []
    assert heard.selected == [-1]  # as a click does
    assert not pane.box_items()[0].selected


@pytest.mark.parametrize("picture", [LARGE, NORMAL], ids=["large at 0.11x", "normal at 0.86x"])
def test_a_real_drag_still_draws_a_box(qtbot, drag_distance_10, picture):
    pane = shown_pane(qtbot, PANE, picture)
    heard = Heard(pane)
    start = on_screen(pane, picture[0] * 0.2, picture[1] * 0.2)
    press_move_release(pane, start, QPoint(60, 40))
    assert len(heard.drawn) == 1
    box, scale = heard.drawn[0], pane.transform().m11()
    assert box.width == pytest.approx(60 / scale, abs=2 / scale)
    assert box.height == pytest.approx(40 / scale, abs=2 / scale)


def test_a_drag_just_past_the_drag_distance_on_one_axis_draws(qtbot, drag_distance_10):
    pane = shown_pane(qtbot, PANE, LARGE)
    heard = Heard(pane)
    press_move_release(pane, on_screen(pane, 800, 600), QPoint(12, 9))
    assert len(heard.drawn) == 1


def test_the_drag_distance_is_the_platforms(qtbot, drag_distance_10):
    """A 20-pixel stroke draws at the usual distance, and is a click where the platform's is larger."""
    pane = shown_pane(qtbot, PANE, LARGE)
    heard = Heard(pane)
    press_move_release(pane, on_screen(pane, 800, 600), QPoint(20, 20))
    assert len(heard.drawn) == 1
    QApplication.setStartDragDistance(30)  # (put back by the fixture)
    press_move_release(pane, on_screen(pane, 800, 600), QPoint(20, 20))
    assert len(heard.drawn) == 1 and heard.selected[-1] == -1


def test_a_drag_past_the_distance_but_under_the_least_box_in_image_pixels_draws_nothing(qtbot, drag_distance_10):
    """Both must hold: zoomed far in, 15 screen pixels are under `MIN_DRAW_PX` image pixels."""
    pane = shown_pane(qtbot, PANE, (20, 15))
    scale = pane.transform().m11()
    assert 15 / scale < MIN_DRAW_PX
    heard = Heard(pane)
    press_move_release(pane, on_screen(pane, 5, 5), QPoint(15, 15))
    assert heard.drawn == [] and heard.selected == [-1]


@pytest.mark.parametrize("picture", [LARGE, NORMAL], ids=["large at 0.11x", "normal at 0.86x"])
@pytest.mark.parametrize("jitter", JITTERS, ids=lambda p: f"{p.x()},{p.y()}")
@pytest.mark.parametrize("part", ["middle", "corner handle"])
def test_a_jittery_click_on_a_box_moves_nothing(qtbot, drag_distance_10, picture, jitter, part):
    pane = shown_pane(qtbot, PANE, picture)
    width, height = picture
    box = Box(width * 0.3, height * 0.3, width * 0.7, height * 0.7)
    pane.set_boxes([(box, "cat")], selected=0)
    heard = Heard(pane)
    spot = ((box.xmin + box.xmax) / 2, (box.ymin + box.ymax) / 2) if part == "middle" else (box.xmax, box.ymax)
    press_move_release(pane, on_screen(pane, *spot), jitter)
    assert heard.edited == [] and heard.drawn == []
    assert pane.box_items()[0].box() == box


@pytest.mark.parametrize("part", ["middle", "corner handle"])
def test_a_real_drag_on_a_box_still_moves_it(qtbot, drag_distance_10, part):
    pane = shown_pane(qtbot, PANE, LARGE)
    box = Box(1200, 900, 2800, 2100)
    pane.set_boxes([(box, "cat")], selected=0)
    heard = Heard(pane)
    spot = (2000, 1500) if part == "middle" else (2800, 2100)
    press_move_release(pane, on_screen(pane, *spot), QPoint(30, 20))
    assert len(heard.edited) == 1
    assert heard.edited[0][2] != box


def test_a_jittery_click_in_the_window_leaves_no_box_and_no_undo_step(qtbot, window, tmp_path, drag_distance_10):
    root = tmp_path / "photos"
    root.mkdir()
    Image.new("RGB", LARGE, (90, 120, 150)).save(root / "large.png")
    open_and_wait(qtbot, window, root)
    window.show_row(0)
    pane = window.panel.gt_pane
    assert pane.transform().m11() < 0.2  # scaled well down, as the annotator's photo was
    document = window.session.store.document(0)
    stack = window.edits.stack()
    steps = stack.count()
    press_move_release(pane, on_screen(pane, 600, 500), QPoint(1, 1))
    press_move_release(pane, on_screen(pane, 2000, 1500), QPoint(3, -2))
    assert document.objects == [] and not document.dirty
    assert stack.count() == steps
    press_move_release(pane, on_screen(pane, 600, 500), QPoint(80, 60))  # a real drag still draws
    assert len(document.objects) == 1 and stack.count() == steps + 1
    drawn = document.objects[0].box
    press_move_release(pane, on_screen(pane, (drawn.xmin + drawn.xmax) / 2, (drawn.ymin + drawn.ymax) / 2),
                       QPoint(3, -2))  # a jittery click on the box: selects it, moves nothing
    assert document.objects[0].box == drawn and stack.count() == steps + 1
