"""Edit → Classes… Rename waited for a save to write predefined_classes.txt, but counted as done on any box
holding the new name: saving one of the two relabelled images renamed the file while the other's rename was
unsaved (a Discard left c.xml saying cat, the file kitten: cat's key moved); a box typed "kitten" on another
image kept the rename listed, and written at its save, though it was undone on every image it relabelled; and a
merge (cat -> dog) never counted as undone, the class it joined being on boxes anyway. The rename now follows
the images it relabelled: in effect while one holds the new name and none the old, written once all are saved."""

from __future__ import annotations

from petloc_gui.app.class_list import read_classes

from .conftest import open_and_wait
from .test_class_rename_waits_for_save import undo_everything


def _editor(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("cat\ndog\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    return ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)


def _row(window, name):
    return next(i for i, it in enumerate(window.session.dataset.items) if it.image_path.name == name)


def test_one_of_two_relabelled_images_saved_the_file_waits(qtbot, window, folder):
    editor = _editor(qtbot, window, folder)
    assert "on 2 boxes in 2 images" in editor.rename("cat", "kitten")
    window.show_row(_row(window, "a.png"))
    assert window.save_current()
    assert "<name>cat</name>" in (folder / "c.xml").read_text(encoding="utf-8")  # what a Discard leaves
    assert read_classes(folder) == ["cat", "dog"]
    window.show_row(_row(window, "c.png"))
    assert window.save_current()  # the last relabelled image saved: now the file follows
    assert read_classes(folder) == ["kitten", "dog"]


def test_saved_on_one_undone_on_the_other_the_old_name_keeps_its_key(qtbot, window, folder):
    editor = _editor(qtbot, window, folder)
    before = window.labels.names()
    editor.rename("cat", "kitten")
    window.show_row(_row(window, "a.png"))
    assert window.save_current()
    undo_everything(window, [_row(window, "c.png")])
    qtbot.wait(100)
    assert not window.has_unsaved()
    assert read_classes(folder) == ["cat", "dog"]
    assert window.labels.names() == [*before, "kitten"]  # cat on c.xml keeps key 1, kitten found on a.xml


def test_new_name_typed_elsewhere_then_rename_undone(qtbot, window, folder):
    editor = _editor(qtbot, window, folder)
    before = window.labels.names()
    editor.rename("cat", "kitten")
    b = _row(window, "b.png")
    window.show_row(b)
    window.edits.rename_in(b, window.session.store.document(b), "dog", "kitten")  # typed on b's box
    undo_everything(window, [_row(window, "a.png"), _row(window, "c.png")])
    qtbot.wait(100)
    assert window.labels.names()[:2] == before[:2] == ["cat", "dog"]
    assert "kitten" in window.labels.names()  # b's box, a class found on boxes
    window.show_row(b)
    assert window.save_current()
    assert read_classes(folder) == ["cat", "dog"]


def test_merge_undone_everywhere_the_list_is_as_before(qtbot, window, folder):
    editor = _editor(qtbot, window, folder)
    before = window.labels.names()
    editor.rename("cat", "dog")
    assert window.labels.names()[0] == "dog"
    undo_everything(window)
    qtbot.wait(100)
    assert not window.has_unsaved()
    assert window.labels.names() == before


def test_merge_undone_is_not_written_by_an_unrelated_save(qtbot, window, folder):
    editor = _editor(qtbot, window, folder)
    editor.rename("cat", "dog")
    undo_everything(window)
    qtbot.wait(100)
    e = _row(window, "e.png")
    window.show_row(e)
    window.edits.rename_in(e, window.session.store.document(e), "dog", "dog2")
    window.edits.stack().undo()
    assert window.save_current()
    assert read_classes(folder) == ["cat", "dog"]


def test_merge_saved_everywhere_is_written(qtbot, window, folder):
    editor = _editor(qtbot, window, folder)
    editor.rename("cat", "dog")
    assert window.save_all()
    assert read_classes(folder) == ["dog"]
