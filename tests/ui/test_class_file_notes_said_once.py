"""What a folder's predefined_classes.txt holds but does not offer is said on the status line once the folder
opens, and not again while it stays open (each read of the file in Edit → Classes finds it again).

Before: a file of 20,000 classes took 8 s to read on the window's thread as the folder opened; now its first
`MAX_CLASSES` are offered, and the line says the others stay in the file, unused."""

from __future__ import annotations

from petloc_gui.app.class_list import CLASSES_FILE, MAX_CLASSES, classes_path, read_classes

from .conftest import open_and_wait


def _editor(window):
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    return ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)


CAPPED = (f"{CLASSES_FILE} lists {MAX_CLASSES + 3:,} classes: only its first {MAX_CLASSES:,} are offered (Label box, "
          "number keys, Edit → Classes), the other 3 stay in the file, unused")


def test_a_file_of_too_many_classes_is_said_once_as_the_folder_opens(qtbot, window, folder):
    names = [f"class_{i}" for i in range(MAX_CLASSES + 3)]
    classes_path(folder).write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    assert window.open_folder(folder, model="fake")
    assert window.statusBar().currentMessage() == CAPPED
    open_and_wait(qtbot, window, folder)
    assert window.session.classes.predefined == names[:MAX_CLASSES]
    window.statusBar().showMessage("something else")
    # another writer renames the first class; Edit → Classes reads the file again: the same note, said already
    names[0] = "class_zero"
    classes_path(folder).write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    editor = _editor(window)
    assert window.session.classes.predefined == names[:MAX_CLASSES]
    window.session.classes.refresh()
    assert window.statusBar().currentMessage() == "something else"
    assert editor.add("zebra").startswith("Added zebra.")
    assert read_classes(folder)[:MAX_CLASSES] == names[:MAX_CLASSES]
    written = classes_path(folder).read_text(encoding="utf-8").split("\n")
    # the classes on boxes and zebra after the file's offered ones; those past the first stay in the file, last
    assert written[MAX_CLASSES:] == [*sorted(window.session.classes.used), "zebra", *names[MAX_CLASSES:], ""]


def test_a_file_within_the_cap_says_nothing(qtbot, window, folder):
    classes_path(folder).write_text("dog\ncat\n", encoding="utf-8")
    assert window.open_folder(folder, model="fake")
    assert window.statusBar().currentMessage() == ""
