"""The header's coloured words (DISAGREE, agree, the IoU, the pre-label, ✔ verified, ● unsaved, the
no-box hint, the reading notes) read at 4.5:1 on a light and on a dark palette. They were fixed colours:
"labels DISAGREE" 2.3:1, the hint 2.6:1 and the pre-label 2.5:1 on a dark palette, the amber "unsaved"
3.1:1 and the IoU green 3.6:1 on white (hunt8 #5)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QColor, QPalette

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.contrast import READABLE_RATIO, contrast_ratio
from petloc_gui.ui.canvas.image_panel import ImagePanel

SQUARE = Box(10, 10, 50, 50)
PALETTES = {"light": QColor("#ffffff"), "dark": QColor("#353535"), "darker": QColor("#232323"),
            "beige": QColor("#efebe7")}


def _palette(window: QColor) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff" if window.lightness() < 128 else "#000000"))
    return palette


def _documents():
    """(document, prediction) pairs that between them show every coloured word."""
    def doc(label="cat", box=SQUARE, **kw):
        return ImageDocument(Path("a.png"), Path("a.xml"), objects=[make_object(label, box)], **kw)

    def pred(label="cat", box=SQUARE):
        return SimpleNamespace(label=label, confidence=0.9, box=box)

    prelabel = doc(annotation=SimpleNamespace(unreviewed=True, prelabel="digits"))
    edited = doc(verified=False)
    edited.verified = True  # ✔ verified, ● unsaved
    empty = ImageDocument(Path("b.png"), Path("b.xml"), problems=["a box outside the image was dropped"])
    return [(prelabel, pred()), (edited, pred("dog", Box(30, 30, 60, 60))), (doc(), pred(box=Box(10, 10, 50, 70))),
            (empty, pred()), (doc(), ValueError("no model"))]


def _colours(html: str) -> list[str]:
    return re.findall(r"color:\s*(#[0-9a-fA-F]{6})", html)


@pytest.mark.parametrize("theme", PALETTES)
def test_every_coloured_word_reads_at_4_5_to_1(qtbot, theme):
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.setPalette(_palette(PALETTES[theme]))
    panel.resize(1600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    seen = set()
    for doc, pred in _documents():
        panel.show_annotation(doc)
        panel.show_prediction(pred)
        shown = _colours(panel.header.text()) + _colours(panel.gt_title.text())
        if panel.notes.isVisibleTo(panel):
            shown += _colours(panel.notes.styleSheet())
        for colour in shown:
            ratio = contrast_ratio(QColor(colour), PALETTES[theme])
            assert ratio >= READABLE_RATIO, (theme, colour, round(ratio, 2), panel.header.text())
        seen.update(shown)
    assert len(seen) >= 5  # red, green, amber, purple, the hint's orange: each was looked at


def test_the_colours_follow_a_change_of_palette(qtbot):
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(1600, 400)
    panel.show_annotation(_documents()[1][0])
    panel.show_prediction(_documents()[1][1])
    panel.setPalette(_palette(PALETTES["light"]))
    light = _colours(panel.header.text())
    panel.setPalette(_palette(PALETTES["darker"]))
    dark = _colours(panel.header.text())
    assert light != dark
    assert all(contrast_ratio(QColor(c), PALETTES["darker"]) >= READABLE_RATIO for c in dark)
