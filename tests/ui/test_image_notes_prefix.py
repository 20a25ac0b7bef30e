"""The notes over the image put "Read from the file:" before every note, the news that another program
replaced the image too ("Read from the file: b.png was replaced on disk…"), which is no reading of the
annotation file. Only the annotation file's notes get that prefix; the news comes first, on its own."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.file_key import file_key
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.ui.canvas.image_panel import ImagePanel

from .conftest import write_image

REPAIRED = "label ' cat' had spaces around it: trimmed"


def _panel(qtbot) -> ImagePanel:
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    return panel


def _replaced(tmp_path: Path, problems: list[str]) -> ImageDocument:
    """A document whose image another program replaced by one of another size."""
    image = tmp_path / "b.png"
    write_image(image, size=(120, 90))
    doc = ImageDocument(image, tmp_path / "b.xml", problems=list(problems))
    doc.image_measured((120, 90), file_key(image))
    write_image(image, size=(150, 100), seed=9)
    doc.image_measured((150, 100), file_key(image))
    assert doc.image_change and doc.problems[0] == doc.image_change
    return doc


def test_the_news_of_a_replaced_image_is_not_read_from_the_file(qtbot, tmp_path):
    panel = _panel(qtbot)
    doc = _replaced(tmp_path, [])
    panel.show_annotation(doc)
    assert panel.notes.text() == doc.image_change
    assert panel.notes.isVisibleTo(panel)


def test_the_file_notes_keep_their_prefix_after_the_news(qtbot, tmp_path):
    panel = _panel(qtbot)
    doc = _replaced(tmp_path, [REPAIRED])
    panel.show_annotation(doc)
    assert panel.notes.text() == f"{doc.image_change}. Read from the file: {REPAIRED}"
    assert panel.notes.toolTip().splitlines() == [doc.image_change, REPAIRED]  # all of them, as before


def test_notes_read_from_the_file_alone_are_said_as_before(qtbot, tmp_path):
    panel = _panel(qtbot)
    panel.show_annotation(ImageDocument(tmp_path / "a.png", tmp_path / "a.xml", problems=[REPAIRED, "two"]))
    assert panel.notes.text() == f"Read from the file: {REPAIRED}; two"
    panel.show_annotation(ImageDocument(tmp_path / "a.png", tmp_path / "a.xml"))
    assert not panel.notes.isVisibleTo(panel)
