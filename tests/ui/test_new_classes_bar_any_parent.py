"""The no-model bar is given a parent widget (``parent``), not "the window": any widget it is a row of. Hidden
while its button has the keyboard it calls ``focus_back`` there too (the focus looked up in the top-level the
bar is in, not in petloc's main window)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from petloc_gui.ui.models.new_classes_bar import NewClassesBar


def test_a_plain_widget_is_parent_enough(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    image = QLineEdit()  # stands for the image pane: where focus_back puts the keyboard
    handed_back = []
    bar = NewClassesBar(parent=host, counts=lambda: {"owl": 3},
                        focus_back=lambda: (handed_back.append(True), image.setFocus()))
    layout = QVBoxLayout(host)
    layout.addWidget(bar)
    layout.addWidget(image)
    assert bar.parentWidget() is host
    host.show()
    qtbot.waitExposed(host)
    bar.show_for(frozenset({"owl"}), frozenset())
    bar.button.setEnabled(True)
    host.activateWindow()
    bar.button.setFocus()
    qtbot.waitUntil(bar.button.hasFocus)
    bar.conceal()
    assert handed_back == [True]
    assert QApplication.focusWidget() is image
