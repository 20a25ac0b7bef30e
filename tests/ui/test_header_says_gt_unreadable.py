"""The header over the image said "GT: none" for an annotation file that is there but could not be read at
that moment (a permission, a folder unreadable for a moment, an I/O error, a half-written file): a claim
of no box the window cannot make, while the list row said error. It says "GT: unreadable" now, with the
system's reason while the line has room for it (it gives way with the wording, before the file name is
shortened: the pane says it too), and the boxes once the file is read; an image with no annotation file
still reads "GT: none"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocumentFragment

from petloc_gui.app.annotation_store import read_document
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box
from petloc_gui.core.disk_state import current_state
from petloc_gui.ui.canvas.image_panel import ImagePanel

from . import unreadable_paths
from .conftest import write_annotation, write_image
from .image_panel_shown import shown_image_panel

C = 2  # c.png: a cat at (20, 20, 60, 60)
NAME = "Abyssinian_100_with_a_rather_long_name.jpg"
fast_poll = unreadable_paths.fast_poll  # the fixture, for the window's test below


def _shown(panel: ImagePanel) -> str:
    return QTextDocumentFragment.fromHtml(panel.header.text()).toPlainText()


def _denied(tmp_path: Path) -> ImageDocument:
    """A document whose annotation file is there (its state recorded) but could not be read: mode 000."""
    xml = write_annotation(tmp_path / NAME, [("cat", Box(20, 20, 60, 60))])
    doc = ImageDocument(tmp_path / NAME, xml, load_error=f"{xml}: cannot check the annotation file: Permission denied")
    doc.disk_state = current_state(xml)
    return doc


def test_a_file_there_but_not_readable_is_said_unreadable_not_none(qtbot, tmp_path):
    panel = shown_image_panel(qtbot, 1600)
    panel.show_annotation(_denied(tmp_path))
    shown = _shown(panel)
    assert "GT: unreadable (Permission denied)" in shown, shown
    assert "none" not in shown and NAME in shown


def test_a_half_written_file_is_said_unreadable(qtbot, tmp_path):
    write_image(tmp_path / "a.png")
    xml = tmp_path / "a.xml"
    xml.write_text("<annotation><object><name>cat</name><bndbox><xmin>2")  # its writer not done yet
    doc = read_document(tmp_path / "a.png", xml)
    assert doc.load_error and not doc.objects
    panel = shown_image_panel(qtbot, 1600)
    panel.show_annotation(doc)
    shown = _shown(panel)
    assert "GT: unreadable" in shown and "none" not in shown, shown


def test_an_image_with_no_annotation_file_is_still_gt_none(qtbot, tmp_path):
    write_image(tmp_path / "a.png")
    doc = read_document(tmp_path / "a.png", tmp_path / "a.xml")
    assert doc.load_error is None
    panel = shown_image_panel(qtbot, 1600)
    panel.show_annotation(doc)
    assert "GT: none" in _shown(panel) and "unreadable" not in _shown(panel)


def test_the_reason_gives_way_before_the_name_is_shortened(qtbot, tmp_path):
    panel = shown_image_panel(qtbot, 1600)
    panel.show_annotation(_denied(tmp_path))
    for width in range(240, 1000, 20):
        panel.resize(width, 400)
        qtbot.waitUntil(lambda width=width: panel.header.width() <= width)
        shown = _shown(panel)
        assert panel.header.sizeHint().width() <= panel.header.width(), (width, shown)
        assert "GT: unreadable" in shown, (width, shown)
        assert NAME in shown or "(Permission denied)" not in shown, (width, shown)
        short = "  ·  " not in shown  # the wording gave way ("Pred", " · "): the reason, said in the pane, too
        assert not short or "(Permission denied)" not in shown, (width, shown)
        whole = panel.header.toolTip() or shown
        assert "GT: unreadable (Permission denied)" in whole, (width, whole)


def test_the_window_says_unreadable_then_the_boxes_once_read(qtbot, window, folder, fast_poll, monkeypatch):
    with unreadable_paths.shown_while_unreadable(qtbot, window, folder, monkeypatch, C, folder / "c.xml") as session:
        assert session.store.document(C).load_error
        shown, whole = _shown(window.panel), window.panel.header.toolTip() or _shown(window.panel)
        assert "GT: unreadable" in shown and "GT: none" not in shown, shown
        assert "GT: unreadable (Permission denied)" in whole, whole  # the reason, where the line had no room
    qtbot.waitUntil(lambda: session.store.document(C).load_error is None, timeout=5000)
    qtbot.waitUntil(lambda: "GT: cat" in _shown(window.panel), timeout=5000)
    assert "unreadable" not in _shown(window.panel)
