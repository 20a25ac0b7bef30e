"""A permanent status-line label whose text gets shorter gives the room back at once: the image counter
read "hidden by the filter · 9 shown (of 30)" during a search and, once it was cleared, "4 / 30" sat alone
in a 220-px label until the next image (QLabel kept the size hint it had worked out under the old
minimum width), leaving the model's line less room."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from petloc_gui.ui.status_line import ModelLabel, StatusLine


def test_a_label_shortened_takes_its_new_width(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = StatusLine(window)
    window.setStatusBar(bar)
    window.setCentralWidget(QWidget())
    position = QLabel("4 / 30")
    model = ModelLabel("Model: pets (acc 1.000 · IoU 0.819 on 48 test images)")
    bar.addPermanentWidget(position)
    bar.addPermanentWidget(model)
    window.resize(1024, 300)
    window.show()
    qtbot.waitUntil(lambda: position.width() > 0)
    short = position.width()
    position.setText("hidden by the filter · 9 shown (of 30)")
    qtbot.waitUntil(lambda: position.width() > 3 * short)
    position.setText("4 / 30")
    qtbot.waitUntil(lambda: position.width() <= short + 2, timeout=2000)
    assert position.sizeHint().width() <= short + 2
