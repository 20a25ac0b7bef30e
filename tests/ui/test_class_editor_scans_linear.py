"""Edit → Classes… looks each class up once, not through the whole list: its scans were quadratic in the
number of classes, and an Add took 0.6 s at the 5,000 classes a file may offer (2 to 4 s at 10,000).

Counted, not timed (speed targets are not asserted in tests): the comparisons of class names a change's
notes make, and the copies of the file's classes (`FolderClasses.predefined`) an Add and the dialog's
list take."""

from __future__ import annotations

from petloc_gui.app.class_list import classes_path
from petloc_gui.ui.review.class_editor import ClassEditor, _others_note, keys_moved
from petloc_gui.ui.review.folder_classes import FolderClasses
from tests.compared_name import Compared

from .conftest import open_and_wait

N = 2_000


def _names(prefix: str = "class") -> list[str]:
    # new objects each time: Python's ``in`` takes an object as equal to itself without comparing
    return [Compared(f"{prefix}_{i}") for i in range(N)]


def test_the_keys_moved_compare_each_class_a_few_times():
    shown, now = _names(), [*_names(), Compared("zebra")]
    Compared.count = 0
    assert keys_moved(shown, now) == []  # zebra is the 2,001st class: no key
    assert Compared.count <= 4 * N  # (a list's ``in`` per class: some 2,000,000)


def test_the_note_on_another_writer_compares_each_class_a_few_times():
    known = _names()
    read = [*_names()[1:], Compared("zebra")]
    Compared.count = 0
    note = _others_note(known, read)
    assert "zebra added there is listed now" in note and "class_0 removed there is no longer in it" in note
    assert Compared.count <= 4 * N  # (two lists' ``in``: some 4,000,000)


def test_an_add_and_the_dialog_list_copy_the_file_s_classes_a_few_times(qtbot, window, folder, monkeypatch):
    classes_path(folder).write_text("".join(f"class_{i}\n" for i in range(N)), encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    info = window.current_model_info
    editor = ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)
    copies = []
    copied = FolderClasses.predefined.fget

    def counted(classes):
        copies.append(1)
        return copied(classes)

    monkeypatch.setattr(FolderClasses, "predefined", property(counted))
    assert editor.add("zebra").startswith("Added zebra.")
    assert editor.names()[N:] == ["cat", "dog", "zebra"]  # the classes on boxes written before it, kept in place
    assert len(copies) <= 5  # (one per class listed: 2,002)
    copies.clear()
    # the dialog asks where each class comes from
    said = {name: editor.describe(name) for name in editor.names()}
    assert said["class_7"] == "in predefined_classes.txt"
    assert said["cat"] == "in predefined_classes.txt, one of the model's classes, used on boxes in this folder"
    assert len(copies) <= 1  # (one per class: 2,003)
