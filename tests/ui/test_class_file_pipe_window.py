"""A folder whose predefined_classes.txt is a named pipe: opening it, the window waited for ever on its own
thread (`read_classes` as the review session started). Now the folder opens, the status line says why no class
of the file is offered, and Edit → Classes refuses a change that would have replaced the pipe."""

from __future__ import annotations

import os
import stat

import pytest

from petloc_gui.app.class_list import CLASSES_FILE, classes_path

from .conftest import open_and_wait

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(60)]


def test_a_folder_with_a_pipe_for_its_class_file_opens_and_says_so(qtbot, window, folder):
    from petloc_gui.ui.review.class_editor import ClassEditor

    os.mkfifo(classes_path(folder))
    assert window.open_folder(folder, model="fake")
    assert window.statusBar().currentMessage() == (
        f"{CLASSES_FILE} is not a regular file (a named pipe): none of its classes are offered, and it is not changed")
    open_and_wait(qtbot, window, folder)
    info = window.current_model_info
    editor = ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)
    text = editor.add("rabbit")
    assert "not a regular file (a named pipe)" in text and "not replaced" in text
    assert stat.S_ISFIFO(os.stat(classes_path(folder)).st_mode)
    assert "rabbit" not in editor.names()
