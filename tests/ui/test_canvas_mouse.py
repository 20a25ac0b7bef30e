"""Drawing, moving and resizing boxes with (simulated) mouse events on the GT pane."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait


def _send(view, kind, scene_xy, button=Qt.LeftButton):
    pos = QPointF(view.mapFromScene(QPointF(*scene_xy)))
    buttons = Qt.NoButton if kind == QEvent.MouseButtonRelease else button
    pressed = button if kind != QEvent.MouseMove else Qt.NoButton
    event = QMouseEvent(kind, pos, view.viewport().mapToGlobal(pos), pressed, buttons, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start, end, steps=4, button=Qt.LeftButton):
    """Press at ``start``, move in steps, release at ``end`` (scene coordinates)."""
    _send(view, QEvent.MouseButtonPress, start, button)
    for i in range(1, steps + 1):
        t = i / steps
        _send(view, QEvent.MouseMove, (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t), button)
    _send(view, QEvent.MouseButtonRelease, end, button)


def _close(a: Box, b: Box, tol=1.0) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a.as_tuple(), b.as_tuple(), strict=True))


def test_draw_move_resize_with_mouse_then_undo_each(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no GT
    view = window.panel.gt_pane
    doc = window.session.store.document(3)
    stack = window.edits.stack()

    drag(view, (20, 20), (60, 50))
    assert len(doc.objects) == 1
    assert _close(doc.objects[0].box, Box(20, 20, 60, 50))
    # A new box on an image with a prediction takes the predicted label.
    assert doc.objects[0].name == "cat"

    drag(view, (40, 35), (50, 40))  # inside the box: move by (10, 5)
    assert _close(doc.objects[0].box, Box(30, 25, 70, 55))
    assert stack.count() == 2  # one command per drag, however many mouse moves

    drag(view, (70, 55), (90, 80))  # bottom-right handle
    assert _close(doc.objects[0].box, Box(30, 25, 90, 80))
    assert stack.count() == 3

    stack.undo()
    assert _close(doc.objects[0].box, Box(30, 25, 70, 55))
    stack.undo()
    assert _close(doc.objects[0].box, Box(20, 20, 60, 50))
    stack.undo()
    assert doc.objects == [] and not doc.dirty
    stack.redo()
    assert len(doc.objects) == 1


def test_draw_mode_draws_over_an_existing_box_and_tiny_drags_do_nothing(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat at (10,10,50,50)
    view = window.panel.gt_pane
    doc = window.session.store.document(0)
    drag(view, (20, 20), (20.5, 20.5))
    assert len(doc.objects) == 1 and not doc.dirty
    window.act["draw_mode"].setChecked(True)
    drag(view, (20, 20), (45, 45))
    assert len(doc.objects) == 2
    window.act["draw_mode"].setChecked(False)


def test_dragging_keeps_box_inside_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    view = window.panel.gt_pane
    doc = window.session.store.document(0)
    drag(view, (30, 30), (200, 200))  # far outside the 120x90 image
    box = doc.objects[0].box
    assert box.xmax <= 120 and box.ymax <= 90
    assert _close(Box(0, 0, box.width, box.height), Box(0, 0, 40, 40))


def test_panes_zoom_together_and_overlay_toggle(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    gt, pred = window.panel.gt_pane, window.panel.pred_pane
    window.act["zoom_in"].trigger()
    window.act["zoom_in"].trigger()
    assert abs(gt.transform().m11() - pred.transform().m11()) < 1e-9
    gt.horizontalScrollBar().setValue(gt.horizontalScrollBar().maximum())
    center_gt = gt.mapToScene(gt.viewport().rect().center())
    center_pred = pred.mapToScene(pred.viewport().rect().center())
    assert abs(center_gt.x() - center_pred.x()) < 3
    qtbot.keyClick(window, Qt.Key_O)
    assert window.panel.overlay and not window.panel.right_widget.isVisible()
    assert gt._ghost_items, "the prediction is drawn dashed on the GT pane"
    qtbot.keyClick(window, Qt.Key_O)
    assert not window.panel.overlay and window.panel.right_widget.isVisible()


def test_exif_rotated_photo_uses_displayed_coordinates(qtbot, window, tmp_path):
    import numpy as np
    from PIL import Image

    root = tmp_path / "exif"
    root.mkdir()
    stored = Image.fromarray(np.zeros((80, 120, 3), dtype=np.uint8))  # stored 120 wide, 80 high
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90°: a person sees it 80 wide, 120 high
    stored.save(root / "r.jpg", exif=exif)
    assert window.open_folder(root, model="fake")
    rect = window.panel.gt_pane.image_rect()
    assert (rect.width(), rect.height()) == (80, 120)
    drag(window.panel.gt_pane, (10, 90), (70, 118))  # only inside the displayed (portrait) image
    doc = window.session.store.document(0)
    assert doc.image_size == (80, 120)
    assert _close(doc.objects[0].box, Box(10, 90, 70, 118))


def test_a_message_wraps_within_a_narrow_pane(qtbot):
    from PySide6.QtGui import QImage

    from petloc_gui.ui.canvas.box_canvas import MESSAGE_WIDTH_PX, BoxCanvas

    view = BoxCanvas(editable=True)
    qtbot.addWidget(view)
    view.resize(240, 300)  # a pane narrower than the widest wrap (at 150% scale, or a small window)
    view.show()
    image = QImage(200, 100, QImage.Format_RGB32)
    image.fill(0)
    view.show_image(image)
    view.show_message("No box yet: drag to draw one, or press A to accept the prediction.")
    item = view._message_item
    left = view.mapFromScene(item.pos()).x()
    assert left + item.boundingRect().width() <= view.viewport().width()
    view.resize(900, 600)
    qtbot.waitUntil(lambda: item.textWidth() == MESSAGE_WIDTH_PX, timeout=2000)  # wide again: back to its width


def test_the_cursor_position_clears_when_the_mouse_leaves_the_pane(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    view = window.panel.gt_pane
    _send(view, QEvent.MouseMove, (20, 20))
    assert window.cursor_label.text()  # "x 20  y 20"
    QApplication.sendEvent(view.viewport(), QEvent(QEvent.Leave))
    assert window.cursor_label.text() == ""
