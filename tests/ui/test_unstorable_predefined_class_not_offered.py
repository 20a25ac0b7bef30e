"""A class of predefined_classes.txt that holds a character no annotation can store (a NUL, another control
character, U+FFFE) is not offered, said once on the status line, and kept in the file by a change of the list.

Before: the window offered it: key 1 labelled the box "do\\x00g", and Ctrl+S then failed with "cannot write
annotation: All strings must be XML compatible…", naming neither the label nor the class file."""

from __future__ import annotations

from petloc_gui.app.class_list import CLASSES_FILE, classes_path, read_classes

from .conftest import open_and_wait


def _editor(window):
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    return ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)


NUL_SAID = (f"{CLASSES_FILE}: the class on line 1, do\\x00g, is not offered: it holds a character no annotation "
            "can store (a control character, U+FFFE or U+FFFF), so no box could be saved with it; its line stays in "
            "the file")


def test_a_class_holding_a_nul_is_not_offered_and_said_once(qtbot, window, folder):
    classes_path(folder).write_bytes(b"do\x00g\ncat\n")
    assert window.open_folder(folder, model="fake")
    assert window.statusBar().currentMessage() == NUL_SAID
    open_and_wait(qtbot, window, folder)
    assert window.session.classes.predefined == ["cat"]
    assert "do\x00g" not in window.labels.names()
    assert window.labels.key_map()["1"] == "cat"  # key 1 gives a class a box can be saved with
    window.statusBar().showMessage("something else")
    editor = _editor(window)  # Edit → Classes reads the file again: said already
    window.session.classes.refresh()
    assert window.statusBar().currentMessage() == "something else"
    assert "do\x00g" not in editor.names()
    # a change of the list leaves the line in the file, where it was
    assert editor.add("zebra").startswith("Added zebra.")
    assert classes_path(folder).read_bytes().startswith(b"do\x00g\ncat\n")
    assert read_classes(folder)[-1] == "zebra"


BAD_SAID = (f"{CLASSES_FILE}: the class on line 2, bad\\ufffe, is not offered: it holds a character no annotation "
            "can store (a control character, U+FFFE or U+FFFF), so no box could be saved with it; its line stays in "
            "the file")


def test_another_writer_adding_such_a_class_is_said_when_the_list_is_read_again(qtbot, window, folder):
    classes_path(folder).write_text("cat\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    classes_path(folder).write_text("cat\nbad\ufffe\nhamster\n", encoding="utf-8")
    _editor(window)  # Edit → Classes opens: the file read again
    assert window.statusBar().currentMessage() == BAD_SAID
    assert window.session.classes.predefined == ["cat", "hamster"]


def test_such_a_class_added_meanwhile_is_said_after_a_change_of_the_list(qtbot, window, folder):
    classes_path(folder).write_text("cat\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    classes_path(folder).write_text("cat\nbad\ufffe\n", encoding="utf-8")
    assert editor.add("zebra").startswith("Added zebra.")
    assert window.statusBar().currentMessage() == BAD_SAID
    assert classes_path(folder).read_text(encoding="utf-8").startswith("cat\nbad\ufffe\n")
    assert "bad\ufffe" not in editor.names()



def test_such_a_class_alone_added_by_another_writer_is_said_when_the_list_is_read_again(qtbot, window, folder):
    # before: the offered classes were the same, so the file was not taken in, and nothing was said
    classes_path(folder).write_text("cat\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    classes_path(folder).write_text("cat\nbad\ufffe\n", encoding="utf-8")
    _editor(window)  # Edit → Classes opens: the file read again
    assert window.statusBar().currentMessage() == BAD_SAID
    assert window.session.classes.predefined == ["cat"]
    window.statusBar().showMessage("something else")
    _editor(window)  # opened again: said already
    assert window.statusBar().currentMessage() == "something else"
