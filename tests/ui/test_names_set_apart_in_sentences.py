"""A Hebrew or Arabic file, folder or class name is set apart (U+2068 … U+2069, `core.text.isolated`) where it is
put into a line: raw, "תמונה 2.png" gave the header over the panes the name's direction, and it read
"png · GT: cat · Prediction: cat (0.24) · IoU 0.23 · labels agree.2 תמונה", the name split across both
ends; the Retrain dialog's "Data:" line for a folder "ar_صور" read "…/ar_72 ,صور annotated images"."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtGui import QTextDocument, QTextDocumentFragment

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.core.text import isolated
from petloc_gui.ui.canvas.image_panel import ImagePanel
from petloc_gui.ui.training.retrain_dialog import RetrainDialog, window_rename_hint

HEBREW_NAME = "תמונה 2.png"
LABEL = "I\u015f\u0131k"  # a Turkish class name: letters that are not ASCII, nor right to left


def _panel(qtbot, name: str = HEBREW_NAME, label: str = LABEL) -> ImagePanel:
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(1400, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_annotation(ImageDocument(Path(name), Path(name).with_suffix(".xml"),
                                        objects=[make_object(label, Box(10, 10, 50, 50))]))
    panel.show_prediction(SimpleNamespace(label=label, confidence=0.24, box=Box(30, 30, 60, 60)))
    return panel


def _visual_order(html_text: str, width: int) -> tuple[str, list[float]]:
    """(The line's plain text, the middle x of each of its characters as laid out, as the header's label lays
    its rich text out: its direction from its own text.)"""
    document = QTextDocument()
    document.setHtml(html_text)
    document.setTextWidth(width)
    document.size()  # laid out now
    block = document.firstBlock()
    layout = block.layout()
    text = block.text()
    middles = []
    for i in range(len(text)):
        runs = layout.glyphRuns(i, 1)
        boxes = [run.boundingRect() for run in runs if run.glyphIndexes()]
        middles.append(sum(b.center().x() for b in boxes) / len(boxes) if boxes else float("nan"))
    return text, middles


def test_the_header_sets_the_names_apart(qtbot):
    panel = _panel(qtbot)
    text = panel.header.text()
    assert f"<b>{isolated(HEBREW_NAME)}</b>" in text
    assert f"GT: <b>{isolated(LABEL)}</b>" in text and f"Prediction: <b>{isolated(LABEL)}</b>" in text
    whole = QTextDocumentFragment.fromHtml(text).toPlainText()
    assert whole.startswith(isolated(HEBREW_NAME))


def test_the_hebrew_name_is_laid_out_in_one_piece_before_the_rest(qtbot):
    panel = _panel(qtbot)
    text, middles = _visual_order(panel.header.text(), panel.header.width())
    start = text.index(HEBREW_NAME)
    name = range(start, start + len(HEBREW_NAME))
    inside = [middles[i] for i in name if text[i] != " " and middles[i] == middles[i]]
    outside = [middles[i] for i in range(len(text)) if i not in name and text[i].strip("\u2068\u2069 ·")
               and middles[i] == middles[i]]
    assert len(inside) == len(HEBREW_NAME) - 1, "each of the name's characters is drawn"
    # one piece: nothing else of the line is drawn among the name's characters, and the line reads from the
    # left as its first words are English ("GT", "Prediction"): the name first, "agree" last
    assert not [x for x in outside if min(inside) < x < max(inside)]
    assert max(inside) < min(outside)
    assert middles[text.index("agree") + 4] == max(outside)


def test_the_retrain_dialog_sets_folder_model_and_class_names_apart(qtbot):
    folder = "/work/s32/h2/ar_صور"
    dialog = RetrainDialog(None, model_name="نموذج", data_name=folder, n_annotated=72, has_unsaved=False)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(type(dialog.holdout_label))]
    assert f"{isolated(folder)}, 72 annotated images" in labels
    assert dialog.from_current.text() == f"Fine-tune the current model ({isolated('نموذج')})"
    assert f'"{isolated("חתול")} renamed" for {isolated("Cat")}' in window_rename_hint([("Cat", "חתול")])
