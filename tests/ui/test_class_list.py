"""Issue 11 point 9 / peers: a class list the user can edit (labelImg's predefined classes file)."""

from __future__ import annotations

from petloc_gui.app.class_list import read_classes

from .conftest import open_and_wait


def _dialog(window):
    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
    from petloc_gui.ui.review.class_editor import ClassEditor

    editor = ClassEditor(window.session, window.edits, lambda: window.current_model_info().class_names, host=window)
    return ClassListDialog(editor, window)


def test_the_predefined_classes_file_comes_first_and_number_keys_pick_from_it(qtbot, window, folder):
    (folder / "predefined_classes.txt").write_text("bird\nfish\n\n  fish \n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    assert window.labels.names()[:4] == ["bird", "fish", "cat", "dog"]
    window.show_row(0)
    window.labels.pick(1)
    assert window.session.store.document(0).objects[0].name == "bird"


def test_a_typed_label_can_be_renamed_and_then_deleted(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("rabbbit")  # a typo, typed once
    assert "rabbbit" in window.labels.names()
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.rename("rabbbit", "rabbit")
    assert "1 box in 1 image" in dialog.result_line.text()
    doc = window.session.store.document(0)
    assert doc.objects[0].name == "rabbit"
    assert "rabbbit" not in window.labels.names() and "rabbit" in window.labels.names()
    assert window.save_all()  # the file's rename waits for a relabelled image saved
    # kept as a class under its new name, in its place (after the model's classes: number keys keep theirs)
    assert read_classes(folder) == ["cat", "dog", "rabbit"]
    dialog.delete("rabbit")
    assert "labelled rabbit" in dialog.result_line.text() and "rabbit" in window.labels.names()  # a box uses it
    window.edits.set_label("cat")
    dialog.delete("rabbit")
    assert dialog.result_line.text() == "Deleted rabbit."
    assert "rabbit" not in window.labels.names() and read_classes(folder) == ["cat", "dog"]
    assert dialog.names() == window.labels.names()


def test_renaming_a_class_relabels_every_box_of_the_folder_undoably(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(1)  # b.png (dog); a.png and c.png (cat) are not open
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.rename("cat", "kitty")
    said = dialog.result_line.text()
    assert "2 boxes in 2 images" in said and "model still predicts cat" in said
    store = window.session.store
    assert store.document(0).objects[0].name == "kitty" and store.document(2).objects[0].name == "kitty"
    assert window.isWindowModified() and set(store.dirty_indices()) == {0, 2}
    assert window.session.model.gt_name[0] == "kitty"  # the list shows it
    assert "cat" in window.labels.names()  # still the model's class
    window.show_row(2)
    window.act["undo"].trigger()  # undo is per image
    assert store.document(2).objects[0].name == "cat" and store.document(0).objects[0].name == "kitty"


def test_model_classes_cannot_be_deleted_and_unused_ones_can_be_added_and_removed(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.delete("dog")
    assert "model's classes" in dialog.result_line.text() and "dog" in window.labels.names()
    before = window.labels.names()
    dialog.add("owl")
    assert window.labels.names() == [*before, "owl"]  # after the others: their number keys stay theirs
    assert read_classes(folder)[-1] == "owl"
    dialog.add("owl")
    assert "already" in dialog.result_line.text()
    dialog.delete("owl")
    assert "owl" not in read_classes(folder) and window.labels.names() == before


def test_edit_classes_menu_entry_opens_the_class_list(qtbot, window, folder, monkeypatch):
    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog

    opened = []
    monkeypatch.setattr(ClassListDialog, "exec", lambda self: opened.append(self) or 0)
    open_and_wait(qtbot, window, folder)
    window.act["classes"].trigger()
    assert len(opened) == 1


def test_a_refused_delete_keeps_the_class_selected(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.refresh("dog")
    dialog._delete()  # a model class: refused
    assert "model's classes" in dialog.result_line.text() and dialog.current() == "dog"  # not the first row's


def test_a_new_box_takes_the_last_label_only_while_it_is_still_a_class(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("tiger")  # typed, then undone: no box is a tiger any more
    window.act["undo"].trigger()
    qtbot.waitUntil(lambda: "tiger" not in window.session.classes.names(), timeout=3000)
    assert window._label_for_new_box() != "tiger"
    window.show_row(window.session.model.names.index("d.png"))  # no box yet
    window.labels.combo.setEditText("tiger")
    window.labels._typed()  # typed for the next box: kept although no box has it yet
    assert window._label_for_new_box() == "tiger"
    window.show_row(0)
    window.edits.set_label("dog")
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.rename("dog", "hound")  # the class the next box would take, renamed
    assert window._label_for_new_box() == "hound"


def test_the_class_name_dialogs_are_wide_enough_for_their_titles(qtbot, window, folder, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    open_and_wait(qtbot, window, folder)
    widths = []

    def shown(self):
        self.show()
        widths.append(self.width())
        return 0

    monkeypatch.setattr(QInputDialog, "exec", shown)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    assert dialog._ask_text("Rename a class", "New name for cat:", "cat") == ("cat", False)
    assert widths[0] >= 300  # ~200 px read "Renam... class" in its title bar
    qtbot.wait(10)  # deleteLater
    assert not dialog.findChildren(QInputDialog)  # not one left behind per question


def test_the_next_box_keeps_a_class_whose_last_box_was_deleted(qtbot, window, folder):
    from petloc_gui.core.boxes import Box

    (folder / "predefined_classes.txt").write_text("bird\n", encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    window.show_row(window.session.model.names.index("d.png"))  # no box yet
    window.labels.combo.setEditText("bird")
    window.labels._typed()
    assert window.edits.add_box(Box(10, 10, 50, 50))  # a bird, in the wrong place
    window.edits.delete_selected()  # to be drawn again
    qtbot.wait(50)  # the folder's classes look for unused labels
    assert window._label_for_new_box() == "bird"  # still a class (predefined): not the model's guess


def test_renaming_a_class_into_another_asks_before_merging_them(qtbot, window, folder, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    open_and_wait(qtbot, window, folder)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.refresh("cat")
    asked = []
    monkeypatch.setattr(dialog, "_ask_text", lambda *args: ("dog", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.Cancel)
    dialog._ask_rename()
    assert len(asked) == 1 and "cat becomes dog" in asked[0]
    assert any(obj.name == "cat" for row in range(len(window.session.model.names))
               for obj in window.session.store.document(row).objects)  # cancelled: nothing renamed
