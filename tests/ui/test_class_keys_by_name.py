"""Edit → Classes… (Ctrl+L) and the number keys. A key gives the class named by its digit first, the
other classes take the keys left in list order (label_box.number_keys), but the class editor still
reasoned by place and said "the number keys 1-9 follow the new order": a rename to a digit that moved
three keys said nothing, a delete that moved every key after it said nothing, and a change that moved
none said they moved. The dialog did not show the keys either (F1 did)."""

from __future__ import annotations

from .conftest import class_list_dialog, open_and_wait


def _shown(dialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_the_class_list_shows_each_class_key_by_the_rule_the_keys_follow(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("bird\n2\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)  # then the model's cat and dog
    dialog = class_list_dialog(qtbot, window)
    assert _shown(dialog) == ["bird    key 1", "2    key 2", "cat    key 3", "dog    key 4"]
    assert dialog.names() == window.labels.names() == ["bird", "2", "cat", "dog"]
    dialog.list.setCurrentRow(2)
    assert dialog.current() == "cat"  # the class, not the text shown


def test_a_rename_to_a_digit_says_which_keys_moved(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("bird\nfish\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)  # bird 1, fish 2, cat 3, dog 4
    dialog = class_list_dialog(qtbot, window)
    dialog.rename("bird", "3")  # in bird's place, but named by key 3: fish and cat move down one
    assert dialog.result_line.text().endswith(" The number keys moved: key 3 gives 3, key 1 gives fish, key 2 gives "
                                              "cat (Edit → Classes… and F1 list every class's key).")
    assert _shown(dialog) == ["3    key 3", "fish    key 1", "cat    key 2", "dog    key 4"]
    window.show_row(0)
    window.labels.pick(1)
    assert window.session.store.document(0).objects[0].name == "fish"


def test_a_delete_that_moves_the_keys_after_it_says_so(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("bird\nfish\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    dialog = class_list_dialog(qtbot, window)
    dialog.delete("bird")
    assert dialog.result_line.text() == ("Deleted bird. The number keys moved: key 1 gives fish, key 2 gives cat, "
                                    "key 3 gives dog (Edit → Classes… and F1 list every class's key).")


def test_a_change_that_moves_no_key_says_nothing_of_them(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("cat\ndog\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)  # the model's cat and dog are the file's too
    dialog = class_list_dialog(qtbot, window)
    dialog.delete("dog")  # out of the file, listed after it as the model's: in its place all the same
    assert "stays in the list as one of the model's classes" in dialog.result_line.text()
    assert "number keys" not in dialog.result_line.text()
    dialog.add("owl")
    assert dialog.result_line.text() == "Added owl."


def test_adding_a_class_named_by_a_digit_says_whose_keys_it_took(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)  # cat 1, dog 2
    dialog = class_list_dialog(qtbot, window)
    dialog.add("1")  # last in the list, but key 1 is its own
    assert dialog.result_line.text() == ("Added 1. The number keys moved: key 2 gives cat, key 3 gives dog "
                                    "(Edit → Classes… and F1 list every class's key).")
