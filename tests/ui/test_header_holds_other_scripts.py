"""The comparison line's height was fixed from Latin letters: a Hebrew file name, set apart by isolates that
come from a fallback font with a taller line, sat lower and its "jpg" lost the bottoms of "p" and "g" (at a
16-pt font, and slightly at 150%). Its height now holds a Hebrew and a CJK name as the header shows them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from petloc_gui.core.text import isolated
from petloc_gui.ui.canvas.header_markup import header_escaped, left_to_right
from petloc_gui.ui.canvas.panel_labels import one_line_header

NAMES = ("תמונה.jpg", "猫の写真.jpg", "صورة.png")


@pytest.fixture(params=[9, 16])
def font_points(qapp, request):
    old = QApplication.font()
    font = QApplication.font()
    font.setPointSize(request.param)
    QApplication.setFont(font)
    yield request.param
    QApplication.setFont(old)


@pytest.mark.parametrize("name", NAMES)
def test_the_line_is_as_tall_as_a_name_in_another_script_needs(qtbot, font_points, name):
    header = one_line_header()
    qtbot.addWidget(header)
    shown = header_escaped(name)
    header.setText(left_to_right(f"<b>{isolated(shown)}</b> · GT: <b>{isolated('חתול')}</b> · "
                                 f"Pred: <b>cat</b> (1.00) · IoU 0.00 · <i>{isolated(shown)}</i>"))
    assert header.height() >= header.sizeHint().height()
