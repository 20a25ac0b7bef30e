"""Leftovers of earlier designs, gone: ClassEditor took the session's host when none was given (the window
says it now, as the dialog's owner), ReviewSession kept the predefined classes in an attribute nothing
read after startup (FolderClasses keeps its own list), and the annotation scanner kept QThread's
``isFinished`` name beside ``scan_done``."""

from __future__ import annotations

import inspect

from petloc_gui.app.class_list import read_classes

from .conftest import open_and_wait


def test_the_class_editor_is_told_its_host_and_the_window_tells_it(qtbot, window, folder, monkeypatch):
    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
    from petloc_gui.ui.review.class_editor import ClassEditor

    assert inspect.signature(ClassEditor).parameters["host"].default is inspect.Parameter.empty
    open_and_wait(qtbot, window, folder)
    hosts = []
    monkeypatch.setattr(ClassListDialog, "exec", lambda self: hosts.append(self.class_actions.host) or 0)
    window.act["classes"].trigger()  # Edit -> Classes... (Ctrl+L)
    assert hosts == [window]


def test_the_predefined_classes_live_in_folder_classes_only(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("owl\ncat\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    assert window.session.classes.predefined == read_classes(folder) == ["owl", "cat"]
    assert not hasattr(window.session, "predefined")


def test_the_scanner_answers_by_one_name(qtbot, window, folder):
    from petloc_gui.ui.review.annotation_scanner import AnnotationScanner

    open_and_wait(qtbot, window, folder)
    assert not hasattr(AnnotationScanner, "isFinished")
    assert window.session.watchers.scan_finished() is window.session.watchers.scanner.scan_done() is True
