"""The no-model bar is as tall as its text: a wrapped label in a toolbar sized itself for a narrow guess
(about 185 px for 4 lines of text at 100%, pushing the images down), seen under Xvfb."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from petloc_gui.ui.models.new_classes_bar import NewClassesBar

NAMES = frozenset(f"class_name_that_is_rather_long_{i:02d}" for i in range(15))


def _text_height(label: QLabel) -> int:
    width = label.width() - label.contentsMargins().left() - label.contentsMargins().right()
    return label.fontMetrics().boundingRect(QRect(0, 0, width, 0), Qt.TextFlag.TextWordWrap, label.text()).height()


def test_the_bar_fits_its_text_at_each_width(qtbot):
    window = QMainWindow()
    window.setCentralWidget(QLabel("images"))
    bar = NewClassesBar(window, lambda: {name: 1 for name in NAMES})
    window.addToolBar(bar)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    bar.show_for(NAMES, frozenset())
    qtbot.waitUntil(lambda: abs(bar.message.height() - _text_height(bar.message)) <= 8, timeout=3000)
    wide = bar.message.height()
    assert wide < 6 * bar.message.fontMetrics().lineSpacing()
    assert "and 9 more classes" in bar.message.text()  # six named in "still needed", the others counted
    window.resize(700, 800)
    qtbot.waitUntil(lambda: abs(bar.message.height() - _text_height(bar.message)) <= 8, timeout=3000)
    assert bar.message.height() > wide  # narrower: more lines, none cut
    assert window.height() == 800  # the window is not stretched by a height measured before the layout
    for width in (520, 460):  # the message under 300 px wide (it kept the height of a wider one)
        window.resize(width, 800)
        qtbot.waitUntil(lambda: abs(bar.message.height() - _text_height(bar.message)) <= 8, timeout=3000)
