"""The header over the panes keeps the verdict (agree/DISAGREE) and the marks (✔, ●) whole at any width a
window gives it. At scale 1.5 in a 1024x700 window it read "Aby…jpg · GT: dog · Pred: cat (1.00) · IoU
0.00 · DIS", "DISAGREE" and "● unsaved" cut off at its right edge; with no model, the folder's message
was cut mid-sentence, and an unsaved mark after it would have gone too. What gives way now, in turn, is
what the panes or the list show too: the wording, the confidence, the class names, the file name; a
message is elided at its end. The tooltip has the whole line."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtGui import QTextDocumentFragment

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.image_panel import ImagePanel

NO_MODEL = "No model for this folder: no available model knows the class lynx."
# from the window's narrowest image panes (the list beside them) to a wide window
WIDTHS = range(240, 1000, 20)


def _panel(qtbot) -> ImagePanel:
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(1600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _edited(label: str, verified: bool = False) -> ImageDocument:
    """Abyssinian_1.jpg with its box moved (unsaved), as in the hunt's screenshot."""
    doc = ImageDocument(Path("Abyssinian_1.jpg"), Path("Abyssinian_1.xml"),
                        objects=[make_object(label, Box(10, 10, 40, 40))])
    doc.objects[0] = make_object(label, Box(11, 10, 40, 40))
    doc.verified = verified
    assert doc.dirty
    return doc


def differ_said(text: str) -> bool:
    """The labels' disagreement said, in full or in fewer words."""
    return "labels DISAGREE" in text or "labels DIFFER" in text


def _shown_text(panel: ImagePanel) -> str:
    return QTextDocumentFragment.fromHtml(panel.header.text()).toPlainText()


def _fits(panel: ImagePanel) -> bool:
    """Nothing is cut at the header's right edge: its one line is as wide as the header, or less."""
    return panel.header.sizeHint().width() <= panel.header.width()


def _at_each_width(qtbot, panel: ImagePanel):
    for width in WIDTHS:
        panel.resize(width, 400)
        qtbot.waitUntil(lambda width=width: panel.header.width() <= width)
        yield width


def test_the_verdict_and_the_unsaved_mark_show_whole_at_every_width(qtbot):
    panel = _panel(qtbot)
    panel.show_annotation(_edited("dog"))
    panel.show_prediction(SimpleNamespace(label="cat", confidence=1.0, box=Box(60, 60, 90, 90)))
    for width in _at_each_width(qtbot, panel):
        shown = _shown_text(panel)
        assert _fits(panel), (width, shown)
        assert differ_said(shown) and "●" in shown, (width, shown)
        assert "IoU 0.00" in shown, (width, shown)
        whole = panel.header.toolTip()  # what the line leaves out; no tooltip when it leaves out nothing
        assert not whole or all(said in whole for said in ("Abyssinian_1.jpg", "labels DISAGREE", "● unsaved"))
        assert whole or "Abyssinian_1.jpg" in shown, (width, shown)


def test_agree_and_both_marks_show_whole_at_every_width(qtbot):
    panel = _panel(qtbot)
    panel.show_annotation(_edited("american_staffordshire_terrier", verified=True))
    panel.show_prediction(SimpleNamespace(label="american_staffordshire_terrier", confidence=0.87,
                                          box=Box(11, 10, 40, 40)))
    for width in _at_each_width(qtbot, panel):
        shown = _shown_text(panel)
        assert _fits(panel), (width, shown)
        assert "agree" in shown and "✔" in shown and "●" in shown, (width, shown)


def test_a_long_model_message_is_elided_at_its_end_and_the_mark_after_it_kept(qtbot):
    panel = _panel(qtbot)
    panel.show_annotation(_edited("lynx"))
    panel.show_prediction(None, NO_MODEL)
    for width in _at_each_width(qtbot, panel):
        shown = _shown_text(panel)
        assert _fits(panel), (width, shown)
        assert "●" in shown, (width, shown)
        said = [part for part in shown.split("·") if part.strip().startswith("No model")]
        # whole, elided at its end ("No model for this folder: no av…"), or left to the tooltip and the pane
        assert not said or said[0].strip() == NO_MODEL or said[0].strip().endswith("…"), (width, shown)
        assert NO_MODEL in shown or NO_MODEL in panel.header.toolTip(), (width, shown)


def test_the_file_name_stays_where_the_line_has_room_for_it(qtbot):
    """What gives way goes in turn, not all at once: at the width of the hunt's window (scale 1) the name
    and the verdict share the line."""
    panel = _panel(qtbot)
    panel.show_annotation(_edited("dog"))
    panel.show_prediction(SimpleNamespace(label="cat", confidence=1.0, box=Box(60, 60, 90, 90)))
    panel.resize(540, 400)
    qtbot.waitUntil(lambda: panel.header.width() <= 540)
    shown = _shown_text(panel)
    assert _fits(panel) and differ_said(shown) and "●" in shown, shown
    assert "Aby" in shown and "cat" in shown, shown
