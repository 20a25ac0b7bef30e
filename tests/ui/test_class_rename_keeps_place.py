"""Edit → Classes → Rename keeps the class where it was in the list, so the number keys keep
picking the same classes (a typed class renamed jumped to the front, before the model's)."""

from __future__ import annotations

from petloc_gui.app.class_list import read_classes

from .conftest import class_list_dialog, open_and_wait


def _listed(dialog) -> list[str]:
    return dialog.names()


def test_a_typed_class_renamed_keeps_its_number_key(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)  # the model's classes: cat, dog
    window.show_row(0)
    window.edits.set_label("rabbbit")  # a typo, typed once: the third class
    assert window.labels.names() == ["cat", "dog", "rabbbit"]
    dialog = class_list_dialog(qtbot, window)
    dialog.rename("rabbbit", "rabbit")
    assert window.labels.names() == ["cat", "dog", "rabbit"] == _listed(dialog)
    assert window.save_all()  # the file's rename waits for a relabelled image saved
    assert read_classes(folder) == ["cat", "dog", "rabbit"]  # kept in the file, in the list's order
    window.show_row(1)
    window.labels.pick(3)  # key 3 still picks it
    assert window.session.store.document(1).objects[0].name == "rabbit"


def test_a_class_after_the_predefined_ones_keeps_its_place(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("bird\nfish\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("rabbbit")
    assert window.labels.names() == ["bird", "fish", "cat", "dog", "rabbbit"]
    class_list_dialog(qtbot, window).rename("rabbbit", "rabbit")
    assert window.labels.names() == ["bird", "fish", "cat", "dog", "rabbit"]
    class_list_dialog(qtbot, window).rename("fish", "trout")  # in the file: in its place there
    assert window.labels.names() == ["bird", "trout", "cat", "dog", "rabbit"]


def test_a_model_class_renamed_takes_its_key_with_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)  # a picked model (cat, dog): kept whatever the classes
    class_list_dialog(qtbot, window).rename("cat", "kitty")
    names = window.labels.names()
    assert names[:2] == ["kitty", "dog"]  # the model's cat is still offered, after them
    assert names == ["kitty", "dog", "cat"]


def test_a_merge_keeps_the_class_it_joins_in_its_place(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("dogg")
    class_list_dialog(qtbot, window).rename("dogg", "dog")
    assert window.labels.names() == ["cat", "dog"]


def test_a_merge_into_a_model_class_puts_it_in_the_merged_class_place(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("bird\nfish\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    class_list_dialog(qtbot, window).rename("fish", "dog")  # into a model class: fish's boxes become dog's
    assert read_classes(folder) == ["bird", "dog"]  # dog takes fish's key; cat keeps its own (3)
    assert window.labels.names() == ["bird", "dog", "cat"]


def test_a_class_renamed_away_and_back_gets_its_key_back(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)  # the model's classes: cat (1), dog (2)
    class_list_dialog(qtbot, window).rename("cat", "feline")
    assert window.labels.names()[:2] == ["feline", "dog"]
    dialog = class_list_dialog(qtbot, window)
    assert window.save_all()  # the file's rename waits for a relabelled image saved
    text = dialog.class_actions.rename("feline", "cat")  # cat is listed (the model's): a merge
    assert window.save_all()
    assert window.labels.names() == ["cat", "dog"] and read_classes(folder) == ["cat", "dog"]
    assert "number keys" not in text  # nothing moved
    window.show_row(1)
    window.labels.pick(1)
    assert window.session.store.document(1).objects[0].name == "cat"


def test_a_merge_that_moves_the_keys_says_so(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("bird\nfish\ndog\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    text = class_list_dialog(qtbot, window).class_actions.rename("bird", "dog")  # in the file: dog keeps its place
    assert window.labels.names() == ["fish", "dog", "cat"]
    assert text.endswith(" The number keys moved: key 1 gives fish, key 2 gives dog, key 3 gives cat "
                         "(Edit → Classes… and F1 list every class's key).")


def test_a_model_class_written_into_the_file_by_a_rename_can_be_taken_out_again(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("rabbbit")
    dialog = class_list_dialog(qtbot, window)
    dialog.rename("rabbbit", "rabbit")  # the list as shown goes into the file: cat, dog, rabbit
    assert window.save_all()  # the file's rename waits for a relabelled image saved
    assert read_classes(folder) == ["cat", "dog", "rabbit"]
    dialog.delete("cat")
    assert read_classes(folder) == ["dog", "rabbit"]
    assert "stays in the list as one of the model's classes" in dialog.result_line.text()
    assert "The number keys moved: key 1 gives dog, key 2 gives rabbit, key 3 gives cat" in dialog.result_line.text()
    assert window.labels.names() == ["dog", "rabbit", "cat"]  # the model still knows it: listed after the file's


def test_merging_two_model_classes_leaves_the_file_and_the_keys_alone(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)  # the model's classes cat (1), dog (2); no predefined_classes.txt
    text = class_list_dialog(qtbot, window).class_actions.rename("cat", "dog")  # cat's boxes become dog's
    assert read_classes(folder) == [] and window.labels.names() == ["cat", "dog"]  # the model still knows cat
    assert "number keys" not in text
    window.show_row(1)
    window.labels.pick(2)
    assert window.session.store.document(1).objects[0].name == "dog"
