"""The image panes say what they show to a screen reader (an accessible name with the image's name, a
description of the boxes that follows each change), and the editable pane shows when it has the keyboard
(a frame in the palette's highlight colour). Both were missing: two pictures with nothing said of them,
and no way to see which pane the single-key shortcuts act on (hunt8 #6, #7)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.image_cache import DisplayImage
from petloc_gui.ui.canvas.image_panel import ImagePanel


def _image() -> DisplayImage:
    image = QImage(200, 100, QImage.Format_RGB32)
    image.fill(QColor(200, 180, 140))
    return DisplayImage(image=image, size=(200, 100))


def test_each_pane_is_named_and_describes_its_boxes_as_they_change(qtbot):
    panel = ImagePanel()
    qtbot.addWidget(panel)
    assert panel.gt_pane.accessibleName() == "Ground truth" and panel.pred_pane.accessibleName() == "Prediction"
    panel.show_image(_image())
    doc = ImageDocument(Path("Abyssinian_3.jpg"), Path("Abyssinian_3.xml"),
                        objects=[make_object("cat", Box(10, 20, 110, 80))])
    panel.show_annotation(doc)
    panel.show_prediction(SimpleNamespace(label="dog", confidence=0.93, box=Box(12, 22, 100, 90)))
    assert panel.gt_pane.accessibleName() == "Ground truth: Abyssinian_3.jpg"
    assert panel.pred_pane.accessibleName() == "Prediction: Abyssinian_3.jpg"
    assert panel.gt_pane.accessibleDescription() == "cat, x 10 to 110, y 20 to 80 (100 by 60 pixels)"
    assert panel.pred_pane.accessibleDescription() == "dog 0.93, x 12 to 100, y 22 to 90 (88 by 68 pixels)"
    doc.objects[0] = make_object("cat", Box(15, 20, 110, 80))  # an edit: the window shows the document again
    panel.show_annotation(doc, selected=0)
    assert panel.gt_pane.accessibleDescription() == "cat, x 15 to 110, y 20 to 80 (95 by 60 pixels), selected"
    panel.set_overlay(True)
    assert "overlaid prediction dog 0.93" in panel.gt_pane.accessibleDescription()
    panel.show_annotation(ImageDocument(Path("b.jpg"), Path("b.xml")))
    panel.show_prediction(ValueError("the model could not read it"))
    assert panel.gt_pane.accessibleDescription() == "no box"
    assert "No prediction: the model could not read it" in panel.pred_pane.accessibleDescription()


def _edge(canvas: BoxCanvas) -> QColor:
    image = canvas.viewport().grab().toImage()
    return image.pixelColor(0, image.height() // 2)


def test_the_editable_pane_shows_a_frame_while_it_has_the_keyboard(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    canvas, other = BoxCanvas(editable=True), QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(canvas)
    layout.addWidget(other)
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(255, 0, 255))
    window.setPalette(palette)
    window.resize(300, 300)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    assert _edge(canvas) == QColor(255, 0, 255)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert _edge(canvas) != QColor(255, 0, 255)
