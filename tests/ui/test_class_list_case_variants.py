"""Edit → Classes… → Add made "CAT" beside "cat" without a word: the Label box gives a typed "CAT" the
class cat (`LabelBox.label_of_text`), and `petloc train` and the Retrain dialog refuse a class typed two
ways, but Add compared names exactly. Add, and a rename into another class's spelling, now refuse a
name that is a listed class typed another way (core.label_variants.label_key: case, spacing, Unicode
form), name that class and say how to change its spelling; a rename of a class's own case still works."""

from __future__ import annotations

from petloc_gui.app.class_list import read_classes

from .conftest import open_and_wait
from .test_class_list import _dialog


def test_add_refuses_a_listed_class_typed_another_way(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    before = dialog.names()
    for typed in ("CAT", "Cat", "\uff43\uff41\uff54"):  # case, and full-width letters (a Unicode form)
        dialog.add(typed)
        text = dialog.result_line.text()
        assert text.startswith(f'"{typed}" is the class "cat" typed another way'), text
        assert text.endswith(f'To write the class "{typed}", select "cat" and Rename it.')
        assert dialog.names() == before and window.labels.names() == before
    assert not (folder / "predefined_classes.txt").exists()
    dialog.add("bird")
    assert dialog.result_line.text().startswith("Added bird.") and read_classes(folder) == [*before, "bird"]
    dialog.add("bird  ")  # tidied by the dialog: the class itself
    assert dialog.result_line.text() == "bird is already in the list."


def test_a_rename_into_another_class_typed_another_way_is_refused_and_its_own_case_is_not(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("kitty")
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.rename("kitty", "CAT")
    assert dialog.result_line.text().startswith('"CAT" is the class "cat" typed another way'), dialog.result_line.text()
    assert window.session.store.document(0).objects[0].name == "kitty"
    assert "CAT" not in dialog.names()
    dialog.rename("kitty", "Kitty")  # its own spelling: the way to change it
    assert window.session.store.document(0).objects[0].name == "Kitty"
    assert "Kitty" in dialog.names() and "kitty" not in dialog.names()


def test_two_unicode_forms_of_one_name_are_told_apart(qtbot, window, folder):
    """A decomposed "été" beside a listed composed one printed the same twice: which is which is said."""
    open_and_wait(qtbot, window, folder)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.add("\u00e9t\u00e9")
    dialog.add("e\u0301te\u0301")
    text = dialog.result_line.text()
    assert text.startswith('"e\u0301te\u0301" (decomposed) is the class "\u00e9t\u00e9" (composed) typed '
                           "another way"), text
    assert text.endswith('select "\u00e9t\u00e9" (composed) and Rename it.'), text
