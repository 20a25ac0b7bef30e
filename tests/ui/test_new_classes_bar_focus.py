"""The no-model bar hidden while its button has the keyboard (clicked: "Train a model for these classes",
then the first model is used) gives the keyboard to the image: Qt gave it to the next widget, the Label
box, where D, N, A and 1-9 typed letters ("bulldogd") and Enter made a new class."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def _bar_with_focus(qtbot, window):
    bar = window.models.new_classes
    bar.show_for(frozenset({"abyssinian"}), frozenset())
    bar.button.setEnabled(True)  # as with three boxes per class (the counts are not the point here)
    window.activateWindow()
    bar.button.setFocus()
    qtbot.waitUntil(lambda: bar.button.hasFocus())
    return bar


def test_hiding_the_bar_with_the_keyboard_on_it_gives_the_keyboard_to_the_image(qtbot, window):
    bar = _bar_with_focus(qtbot, window)
    window.models.set_model("digits")  # a model is used now: the bar goes
    assert not bar.isVisible()
    assert QApplication.focusWidget() is window.panel.gt_pane


def test_hiding_it_leaves_the_keyboard_where_it_was_when_elsewhere(qtbot, window):
    bar = window.models.new_classes
    bar.show_for(frozenset({"abyssinian"}), frozenset())
    window.activateWindow()
    window.file_dock.search.setFocus()
    qtbot.waitUntil(lambda: window.file_dock.search.hasFocus())
    bar.conceal()
    assert QApplication.focusWidget() is window.file_dock.search  # typing a search goes on


def test_also_when_the_model_arrives_while_the_retraining_window_is_active(qtbot, window):
    # The first model is used when its training ends, the Retraining window in front: closing it gave
    # the main window back with the keyboard on the Label box.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    _bar_with_focus(qtbot, window)
    progress = QDialog(window)
    progress.setWindowFlags(Qt.WindowType.Window)
    qtbot.addWidget(progress)
    progress.show()
    progress.activateWindow()
    qtbot.waitUntil(lambda: progress.isActiveWindow())
    window.models.set_model("digits")
    progress.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    assert QApplication.focusWidget() is window.panel.gt_pane
