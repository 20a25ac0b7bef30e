"""N's line on the images the filter hides was watched by an object that looked the window up from the list's
rows (their dock, its QMainWindow, its status bar) and cleared that bar itself. The session now gives the
watch its dock and its status line (`listed_queue.StatusLine`): the line goes by the window's own rule
(`clear_status_if`, a line said since stays), and one watch per folder's list replaces the last."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from .test_n_hidden_line_follows_the_filter import HIDDEN, _n_on_a_hiding_search


def test_the_line_is_taken_off_by_the_windows_status_rule(qtbot, window, folder, monkeypatch):
    _n_on_a_hiding_search(qtbot, window, folder)
    asked: list[str] = []
    monkeypatch.setattr(window, "clear_status_if", asked.append)
    window.file_dock.search.clear()
    QApplication.processEvents()
    assert asked == [HIDDEN]


def test_n_again_leaves_one_watch(qtbot, window, folder):
    _n_on_a_hiding_search(qtbot, window, folder)
    first = window.session.listed._watch
    window.next_to_review()  # the same line again
    assert window.session.listed._watch is not first and first._watching is False
    window.file_dock.search.clear()
    assert window.statusBar().currentMessage() == ""
