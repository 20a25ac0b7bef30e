"""The header over the panes names the image as the Images list does, by its path within the images folder: it
named the file alone, and ``Abyssinian_148.jpg`` and ``day/Abyssinian_148.jpg`` of a VOC devkit both read
"Abyssinian_148.jpg · GT: cat …" (the panes' accessible names too). The name comes with the document
(`ImagePanel.show_annotation`), and stays with that image when the document is shown again without it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocumentFragment

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.ui.canvas.image_panel import ImagePanel


def _panel(qtbot) -> ImagePanel:
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    return panel


def _header(panel: ImagePanel) -> str:
    return QTextDocumentFragment.fromHtml(panel.header.text()).toPlainText()


def _doc(root: Path, within: str) -> ImageDocument:
    return ImageDocument(root / "JPEGImages" / within, (root / "Annotations" / within).with_suffix(".xml"))


def test_namesakes_in_two_folders_read_as_two_images(qtbot, tmp_path):
    panel = _panel(qtbot)
    top, day = _doc(tmp_path, "Abyssinian_148.jpg"), _doc(tmp_path, "day/Abyssinian_148.jpg")
    panel.show_annotation(top, name="Abyssinian_148.jpg")
    assert _header(panel).startswith("Abyssinian_148.jpg")
    panel.show_annotation(day, name="day/Abyssinian_148.jpg")
    assert _header(panel).startswith("day/Abyssinian_148.jpg"), _header(panel)
    assert panel.gt_pane.accessibleName() == "Ground truth: day/Abyssinian_148.jpg"
    assert panel.pred_pane.accessibleName() == "Prediction: day/Abyssinian_148.jpg"
    day.verified = True  # an edit: the window shows the document again, without the name
    panel.show_annotation(day, 0)
    assert _header(panel).startswith("day/Abyssinian_148.jpg"), _header(panel)


def test_without_a_name_the_file_is_named_and_a_name_stays_with_its_image(qtbot, tmp_path):
    panel = _panel(qtbot)
    day, night = _doc(tmp_path, "day/x.jpg"), _doc(tmp_path, "night/x.jpg")
    panel.show_annotation(day, name="day/x.jpg")
    panel.show_annotation(night)  # no name given: its file's, not the image before's
    assert _header(panel).startswith("x.jpg") and panel.image_name() == "x.jpg"
    panel.show_annotation(None)
    assert panel.image_name() == ""
