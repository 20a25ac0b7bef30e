"""The first Add in Edit → Classes… in a folder without predefined_classes.txt, a model whose classes no box has
(cat, dog) being used: the file got the box classes and the new one, not the model's (kept out of it:
test_class_list_model_classes_not_written), so the model's classes dropped below them and every number key moved
(cat 1, dog 2, pug 3 became pug 1 … cat 5). They keep their places while the folder is open."""

from __future__ import annotations

from petloc_gui.app.class_list import read_classes
from petloc_gui.core.boxes import Box

from .conftest import class_list_dialog, open_and_wait, write_annotation, write_image


def _own_classes(tmp_path):
    root = tmp_path / "own"
    root.mkdir()
    for i, (name, cls) in enumerate([("a.png", "pug"), ("b.png", "tabby"), ("c.png", "pug")]):
        write_image(root / name, seed=i)
        write_annotation(root / name, [(cls, Box(10, 10, 50, 50))])
    return root


def test_the_first_add_moves_no_key(qtbot, window, tmp_path):
    root = _own_classes(tmp_path)
    open_and_wait(qtbot, window, root)  # the test model: cat, dog, on no box here
    before = window.labels.names()
    assert before == ["cat", "dog", "pug", "tabby"]
    class_list_dialog(qtbot, window).add("persian")
    assert window.labels.names() == [*before, "persian"]
    assert read_classes(root) == ["pug", "tabby", "persian"]  # the model's classes are still not written


def test_a_rename_writing_the_file_moves_no_key(qtbot, window, tmp_path):
    root = _own_classes(tmp_path)
    open_and_wait(qtbot, window, root)
    class_list_dialog(qtbot, window).rename("tabby", "bengal")
    assert window.save_all()
    assert read_classes(root) == ["pug", "bengal"]
    assert window.labels.names() == ["cat", "dog", "pug", "bengal"]
