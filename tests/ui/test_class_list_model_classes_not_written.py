"""Edit → Classes… while a model whose classes no box has is used (the bundled digits model: 0 … 9): an Add
or a rename wrote the whole list as shown into predefined_classes.txt, the model's classes with it, so the
Dataset panel said "on no box: 0 … 9" from then on and those classes kept the number keys. The file gets
the folder's classes (on boxes, in the file, added in the dialog), not the model's shown for reference."""

from __future__ import annotations

from petloc_gui.app.class_list import read_classes
from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation, write_image


def _cats_only(tmp_path):
    """A folder whose boxes are all cats; the test model knows cat and dog."""
    root = tmp_path / "cats"
    root.mkdir()
    for i, name in enumerate(["a.png", "c.png"]):
        write_image(root / name, seed=i)
        write_annotation(root / name, [("cat", Box(10, 10, 50, 50))])
    return root


def _editor(window):
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    return ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (), host=window)


def test_an_add_does_not_write_the_models_classes(qtbot, window, tmp_path):
    folder = _cats_only(tmp_path)
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    assert editor.names() == ["cat", "dog"]  # dog: the model's, on no box
    assert editor.add("hamster").startswith("Added hamster.")
    assert read_classes(folder) == ["cat", "hamster"]


def test_a_rename_does_not_write_the_models_classes(qtbot, window, tmp_path):
    folder = _cats_only(tmp_path)
    open_and_wait(qtbot, window, folder)
    assert _editor(window).rename("cat", "feline").startswith("Renamed cat to feline on 2 boxes in 2 images")
    assert window.save_all()  # the file's rename waits for a relabelled image saved
    assert read_classes(folder) == ["feline"]


def test_a_model_class_renamed_is_the_users(qtbot, window, tmp_path):
    folder = _cats_only(tmp_path)
    open_and_wait(qtbot, window, folder)
    _editor(window).rename("dog", "canine")  # named by the user: it goes into the file
    assert read_classes(folder) == ["cat", "canine"]
