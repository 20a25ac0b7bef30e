"""The "No box yet…" hint was painted over the image's top-left corner, where a box may need
drawing (an hour's hunt under Xvfb). It is now in the ground-truth pane's title line, over no pixel;
a narrow pane shows a shorter hint (at scale 1.5 the line read "Ground truth (editable) · No bo")."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QGraphicsTextItem

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.image_panel import ImagePanel

from .conftest import open_and_wait

FULL = "No box yet: drag to draw one, or press A to accept the prediction"


def _in_panel(window, widget, rect: QRect) -> QRect:
    return rect.translated(widget.mapTo(window.panel, QPoint(0, 0)))


def test_the_hint_covers_no_pixel_of_the_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no annotation, a prediction to accept
    pane, title = window.panel.gt_pane, window.panel.gt_title
    assert window.session.store.document(3).objects == []
    assert "No box yet" in title.text() and FULL in title.toolTip()
    image = _in_panel(window, pane.viewport(), pane.mapFromScene(pane.image_rect()).boundingRect())
    assert not image.intersects(_in_panel(window, title, title.rect()))
    texts = [item for item in pane.scene().items() if isinstance(item, QGraphicsTextItem) and item.isVisible()]
    assert [item.toPlainText() for item in texts if "No box yet" in item.toPlainText()] == []  # none on the image
    height = title.height()
    window.show_row(0)  # a.png has a box: no hint, the title line keeps its height (the image does not move)
    assert "No box yet" not in title.text() and title.height() == height


def _panel_without_a_box(qtbot, width: int) -> ImagePanel:
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(width, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_annotation(ImageDocument(Path("a.png"), Path("a.xml")))
    panel.show_prediction(SimpleNamespace(label="cat", confidence=0.9, box=Box(1, 1, 5, 5)))
    qtbot.wait(20)
    return panel


def test_a_wide_pane_says_it_all_and_a_narrow_one_what_fits(qtbot):
    wide = _panel_without_a_box(qtbot, 1600)
    assert "Ground truth (editable)" in wide.gt_title.text() and FULL in wide.gt_title.text()
    narrow = _panel_without_a_box(qtbot, 700)  # a pane of ~350 px, as at scale 1.5
    title = narrow.gt_title
    assert "No box yet" in title.text() and title.sizeHint().width() <= title.width()  # whole words, not "No bo"
    assert FULL in title.toolTip()
