"""N's line on the images the filter hides is watched while it shows (`listed_queue.HiddenSaidWatch`); once
another message replaced it ("Saved 1 image.") the watch still walked the whole queue on every keystroke in the
search for the rest of its 10 s (~24 ms a keystroke at 20,000 rows), for a line no longer there to take off.
Now a change of the list that finds the line gone from the status bar stops the watch, without a walk."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from .test_n_hidden_line_follows_the_filter import _n_on_a_hiding_search
from .test_n_hidden_line_watched_cheaply import _count_walks


def test_keystrokes_after_the_line_was_replaced_walk_nothing(qtbot, window, folder, monkeypatch):
    _n_on_a_hiding_search(qtbot, window, folder)
    watch = window.session.listed._watch
    walks = _count_walks(monkeypatch)
    window.statusBar().showMessage("Saved 1 image.", 4000)
    qtbot.keyClicks(window.file_dock.search, ".")  # "c.": c.png alone still, the same way to list the rest
    assert watch._watching is False  # at the change itself, no walk queued
    qtbot.keyClicks(window.file_dock.search, "p")  # (a walk each keystroke, before)
    QApplication.processEvents()
    assert walks == []
    assert window.statusBar().currentMessage() == "Saved 1 image."


def test_a_walk_queued_before_the_line_was_replaced_is_not_run(qtbot, window, folder, monkeypatch):
    _n_on_a_hiding_search(qtbot, window, folder)
    watch = window.session.listed._watch
    walks = _count_walks(monkeypatch)
    qtbot.keyClicks(window.file_dock.search, ".")  # a walk queued for after the moment
    window.statusBar().showMessage("Saved 1 image.", 4000)  # the line replaced before it runs
    QApplication.processEvents()
    assert walks == []
    assert watch._watching is False
    assert window.statusBar().currentMessage() == "Saved 1 image."
