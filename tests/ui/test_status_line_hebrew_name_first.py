"""A status message that starts with a Hebrew file name: drawn in the direction of its first strong character (the
name's), the English sentence read ".xml was changed on …sk which version to keep.תמונה". petloc's messages are
English sentences: drawn left to right in either layout direction, a right-to-left name in them set apart
(`core.text.isolated`) so it reads as itself; cut in the middle, a name's isolate is closed before the "…"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument

from petloc_gui.core.boxes import Box
from petloc_gui.core.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE, isolated
from petloc_gui.ui.status_line import StatusLine, isolates_closed, tooltip_html

from .conftest import open_and_wait, write_annotation, write_image

NAME = "\u05ea\u05de\u05d5\u05e0\u05d4"  # "תמונה"
SAID = " was changed on disk by another program while you have unsaved edits; saving will ask which version to keep."
RAW = f"{NAME}.xml{SAID}"  # as a message that puts the name in raw builds it
SET_APART = f"{isolated(NAME + '.xml')}{SAID}"


def _ink(image: QImage, rect: QRect) -> frozenset[tuple[int, int]]:
    """Where ``rect`` of ``image`` is drawn on (its pixels that differ from its corner's), from its first inked
    column and row: the text's shape whatever its colours."""
    crop = image.copy(rect)
    background = crop.pixel(0, 0)
    inked = [(x, y) for x in range(crop.width()) for y in range(crop.height()) if crop.pixel(x, y) != background]
    assert inked, "nothing drawn"
    left, top = min(x for x, _y in inked), min(y for _x, y in inked)
    return frozenset((x - left, y - top) for x, y in inked)


def _font(bar: StatusLine) -> QFont:
    font = bar.font()  # whole-pixel advances: a right-aligned text starts on a whole pixel, as a left-aligned one
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    return font


def _written(font: QFont, text: str, direction: Qt.TextFlag) -> frozenset[tuple[int, int]]:
    """``text`` drawn by itself in ``direction`` (as drawText draws a plain line)."""
    image = QImage(1400, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(direction),
                     text)
    painter.end()
    return _ink(image, image.rect())


def _shown(qtbot, qapp, direction: Qt.LayoutDirection, message: str) -> tuple[frozenset[tuple[int, int]], QFont]:
    qapp.setLayoutDirection(direction)
    bar = StatusLine()
    qtbot.addWidget(bar)
    bar.setFont(_font(bar))
    bar.resize(1200, 30)
    bar.show()
    bar.showMessage(message)
    qtbot.waitExposed(bar)
    assert bar.layoutDirection() == direction and not bar.is_elided()
    return _ink(bar.grab().toImage(), bar.message_rect()), bar.font()


@pytest.fixture
def layouts(qapp):
    was = qapp.layoutDirection()
    yield (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft)
    qapp.setLayoutDirection(was)


@pytest.mark.parametrize("message", [RAW, SET_APART], ids=["raw", "set apart"])
def test_an_english_message_starting_with_a_hebrew_name_reads_left_to_right(qtbot, qapp, layouts, message):
    for direction in layouts:
        drawn, font = _shown(qtbot, qapp, direction, message)
        left_to_right = _written(font, message, Qt.TextFlag.TextForceLeftToRight)
        assert left_to_right != _written(font, message, Qt.TextFlag.TextForceRightToLeft)  # else it says nothing
        assert drawn == left_to_right, direction


def test_a_name_cut_in_the_middle_does_not_take_the_sentence_with_it(qtbot):
    long_name = NAME * 40 + ".xml"
    message = f"{isolated(long_name)}{SAID}"
    bar = StatusLine()
    qtbot.addWidget(bar)
    bar.resize(500, 30)
    bar.show()
    bar.showMessage(message)
    qtbot.waitExposed(bar)
    shown = bar.shown_text()
    assert bar.is_elided() and shown.startswith(FIRST_STRONG_ISOLATE + NAME)  # cut inside the name
    before, after = shown.split("\u2026", 1)
    assert before.endswith(POP_DIRECTIONAL_ISOLATE) and message.endswith(after)


def test_isolates_closed_leaves_whole_and_closed_text_as_it_is():
    assert isolates_closed(SET_APART, SET_APART) == SET_APART
    whole = f"a {isolated(NAME)} b {isolated(NAME)} and a long end"
    shown = whole[:4] + "\u2026" + whole[-8:]  # the first isolate cut, the second gone
    assert isolates_closed(shown, whole) == whole[:4] + POP_DIRECTIONAL_ISOLATE + "\u2026" + whole[-8:]
    kept = whole[:len(f"a {isolated(NAME)} b")] + "\u2026" + whole[-8:]  # the first one whole
    assert isolates_closed(kept, whole) == kept


def test_another_programs_change_sets_the_name_apart(qtbot, window, tmp_path):
    root = tmp_path / "he"
    root.mkdir()
    write_image(root / f"{NAME}.png")
    write_annotation(root / f"{NAME}.png", [("cat", Box(10, 10, 50, 50))])
    open_and_wait(qtbot, window, root)
    window.show_row(0)
    assert window.edits.nudge(1, 0)
    xml = next(root.glob("*.xml"))
    xml.write_text(xml.read_text().replace("<xmin>10<", "<xmin>12<"))
    window.session.watchers.disk.check()
    assert window.statusBar().currentMessage() == f"{isolated(xml.name)}{SAID}"


def test_the_whole_message_on_hover_reads_left_to_right_too(qapp):
    document = QTextDocument()
    document.setHtml(tooltip_html(RAW))
    assert document.toPlainText() == RAW
    assert document.firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight
