"""A name Edit → Classes… refuses (drawn as nothing, or holding a character no annotation can store), added or
renamed into, on a window opened over the test folder: the refusal said, the file and the boxes left as they were."""

from __future__ import annotations

from petloc_gui.app.class_list import classes_path

from .conftest import open_and_wait


def class_editor(window):
    """Edit → Classes…'s editor of ``window``, offering the loaded model's classes."""
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    return ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)


def assert_add_refused(qtbot, window, folder, typed: str, said: str) -> None:
    """Adding ``typed`` to a class file of "cat" says ``said`` and adds it nowhere."""
    classes_path(folder).write_text("cat\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    editor = class_editor(window)
    assert editor.add(typed) == said
    assert classes_path(folder).read_text(encoding="utf-8") == "cat\n"
    assert typed not in editor.names() and typed not in window.labels.names()


def assert_rename_refused(qtbot, window, folder, typed: str, said: str):
    """Renaming "cat" (of "cat" and "dog") into ``typed`` says ``said`` before any box is relabelled; the editor."""
    classes_path(folder).write_text("cat\ndog\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    editor = class_editor(window)
    assert editor.rename("cat", typed) == said
    assert not window.has_unsaved()  # no box relabelled
    assert window.session.classes.rows_labelled("cat")
    assert classes_path(folder).read_text(encoding="utf-8") == "cat\ndog\n"
    return editor
