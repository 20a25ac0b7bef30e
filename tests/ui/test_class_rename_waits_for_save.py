"""Edit → Classes… Rename of a class on boxes wrote predefined_classes.txt at once, while the boxes it relabelled
were unsaved, undoable edits: undone on every image, or discarded (Ctrl+Q → Discard), the boxes said cat again
and the file kitten, so kitten held key 1 on no box and cat moved to the end. The file's rename waits for a
relabelled image saved; until then the list shows it while some box holds the new name."""

from __future__ import annotations

from petloc_gui.app.class_list import read_classes

from .conftest import open_and_wait


def _renamed(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("cat\ndog\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    before = window.labels.names()
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    editor = ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)
    said = editor.rename("cat", "kitten")
    assert said.startswith("Renamed cat to kitten on 2 boxes in 2 images (unsaved"), said
    return before


def undo_everything(window, rows=None):
    """Every edit of the images ``rows`` (all of them by default) undone, as Ctrl+Z pressed on each."""
    for row in rows if rows is not None else range(len(window.session.dataset.items)):
        window.show_row(row)
        stack = window.edits.stack()
        while stack.canUndo():
            stack.undo()


def test_undone_on_every_image_the_list_and_file_are_as_before(qtbot, window, folder):
    before = _renamed(qtbot, window, folder)
    assert window.labels.names()[0] == "kitten"  # shown in cat's place while boxes hold it
    undo_everything(window)
    qtbot.wait(100)
    assert not window.has_unsaved()
    assert read_classes(folder) == ["cat", "dog"]
    assert window.labels.names() == before  # cat keeps key 1


def test_discarded_the_file_is_as_before(qtbot, window, folder):
    _renamed(qtbot, window, folder)
    assert read_classes(folder) == ["cat", "dog"]  # what Discard (or a crash) leaves: boxes and file agree


def test_saved_the_file_holds_the_rename_in_place(qtbot, window, folder):
    _renamed(qtbot, window, folder)
    assert window.save_all()
    assert read_classes(folder) == ["kitten", "dog"]
    assert window.labels.names()[:2] == ["kitten", "dog"]


def test_undone_then_redone_is_shown_again(qtbot, window, folder):
    _renamed(qtbot, window, folder)
    undo_everything(window)
    qtbot.wait(100)
    for row in range(len(window.session.dataset.items)):
        window.show_row(row)
        stack = window.edits.stack()
        while stack.canRedo():
            stack.redo()
    qtbot.wait(100)
    assert window.labels.names()[:2] == ["kitten", "dog"]
