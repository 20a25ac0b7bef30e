"""Edit → Classes while another window, labelImg or an editor changes predefined_classes.txt: each Add,
Rename or Delete wrote the window's list as read when the folder opened, so the other writer's classes
were dropped from the file without a word. Now the file is read again and only the change is made to it,
and the window lists (and names) the other writer's classes."""

from __future__ import annotations

from petloc_gui.app.class_list import classes_path, read_classes

from .conftest import open_and_wait


def _editor(window):
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    return ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)


def _other_writer_adds(folder, name: str) -> None:
    path = classes_path(folder)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(text + f"{name}\n", encoding="utf-8")


def test_an_add_keeps_the_class_another_writer_added(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)  # the dialog opens
    _other_writer_adds(folder, "hamster")  # the other window adds a class meanwhile
    text = editor.add("rabbit")
    assert "hamster" in read_classes(folder) and "rabbit" in read_classes(folder)
    assert "hamster" in editor.names()  # listed here too
    assert text.startswith("Added rabbit.") and "hamster added there is listed now" in text


def test_a_rename_and_a_delete_keep_the_other_writers_classes(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    assert editor.add("rabbit").startswith("Added rabbit.")
    assert editor.add("mole").startswith("Added mole.")
    _other_writer_adds(folder, "ferret")
    editor.rename("rabbit", "bunny")
    assert "ferret" in read_classes(folder) and "bunny" in read_classes(folder)
    assert "rabbit" not in read_classes(folder)
    _other_writer_adds(folder, "otter")
    assert editor.delete("mole").startswith("Deleted mole.")
    assert [n for n in read_classes(folder) if n in ("ferret", "otter", "mole")] == ["ferret", "otter"]


def test_the_dialog_lists_the_file_as_it_is_when_it_opens(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _other_writer_adds(folder, "hamster")  # after the folder was read
    assert "hamster" in _editor(window).names()


def test_an_unreadable_file_is_not_replaced(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    classes_path(folder).write_bytes(b"caf\xe9\nhamster\n")  # Latin-1, by an old editor
    text = editor.add("rabbit")
    assert "not UTF-8" in text and "not replaced" in text
    assert classes_path(folder).read_bytes() == b"caf\xe9\nhamster\n"
    assert "rabbit" not in editor.names()


def test_deleting_a_class_the_file_never_held_is_said_done_when_the_file_cannot_be_read(qtbot, window, folder):
    """A class listed from the folder's labels, not from the file, deleted while the file is not UTF-8: it left
    the list, and the message said "Could not write predefined_classes.txt" of a file it was never in."""
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    editor.classes.found({"weasel"})  # seen on a box of the folder since, not in the file
    assert "weasel" in editor.names() and "weasel" not in editor.classes.predefined
    classes_path(folder).write_bytes(b"caf\xe9\n")  # Latin-1, by an old editor
    text = editor.delete("weasel")
    assert text.startswith("Deleted weasel."), text
    assert "weasel" not in editor.names() and classes_path(folder).read_bytes() == b"caf\xe9\n"
