"""Edit → Classes right after another program (labelImg) wrote an annotation file for an image whose row said
"no annotation" (before the folder's follower looked): Rename passed the file over, leaving its boxes with the
old name, and the message counted only the others; Delete removed a class that file uses. Both look at the
disk now."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from .conftest import open_and_wait, write_annotation


def _editor(window):
    from petloc_gui.ui.review.class_editor import ClassEditor

    return ClassEditor(window.session, window.edits, lambda: ("cat", "dog"), host=window)


def test_rename_covers_a_file_just_written_by_another_program(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)  # d.png has no XML and is not opened
    session = window.session
    assert session.store.loaded(3) is None and not session.dataset.items[3].has_annotation
    write_annotation(folder / "d.png", [("cat", Box(5, 5, 40, 40))])
    text = _editor(window).rename("cat", "feline")
    assert text.startswith("Renamed cat to feline on 3 boxes in 3 images")  # a.png, c.png and d.png
    assert [o.name for o in session.store.document(3).objects] == ["feline"]
    assert window.save_all()
    assert [o.name for o in read_voc(folder / "d.xml", find_image=False).objects] == ["feline"]


def test_delete_refuses_a_class_a_file_just_written_uses(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    assert editor.add("hamster") == "Added hamster."
    write_annotation(folder / "d.png", [("hamster", Box(5, 5, 40, 40))])
    text = editor.delete("hamster")
    assert text.startswith("1 box in 1 image is labelled hamster: rename the class or delete those boxes first.")
    assert "hamster" in editor.names()
